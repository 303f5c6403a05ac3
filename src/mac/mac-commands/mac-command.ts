/**
 * Parsing and serialising sequences of MAC commands, as carried in FOpts or in FRMPayload on
 * FPort 0 (TS001-1.0.4 §4.3.1.6 and §5). A command whose CID is unknown in that direction, or
 * proprietary (0x80..0xFF), has no known length, so it and everything after it is kept as one
 * raw entry; nothing is dropped.
 */
import { LoireError } from '../../errors.js';
import { bytesToHex, hexToBytes } from '../../bytes/hex.js';
import { checkBytes } from '../_bytes.js';
import { readField, writeField } from './fields.js';
import type { FieldValue } from './fields.js';
import { macCommandByCid, macCommandByName } from './registry.js';
import type { MacDirection } from './registry.js';

/** A recognised MAC command. */
export interface KnownMacCommand {
  cid: number;
  /** The spec name, such as `LinkCheckAns`. */
  name: string;
  /** Fields by spec name in camelCase; frequencies in Hz. */
  fields: Record<string, FieldValue>;
}

/** An unknown or proprietary command and the rest of the buffer after it. */
export interface RawMacCommand {
  cid: number;
  name: 'Unknown' | 'Proprietary';
  /** The bytes from the CID to the end of the input (a copy). */
  raw: Uint8Array;
}

/** One entry of a parsed MAC command sequence. */
export type MacCommand = KnownMacCommand | RawMacCommand;

/** Options of {@link decodeMacCommands}. */
export interface MacCommandOptions {
  /** True for commands sent by the end-device (FOpts of an uplink), false for downlinks. */
  uplink: boolean;
}

/**
 * Parses a sequence of MAC commands.
 *
 * @param bytes - FOpts, or FRMPayload of an FPort 0 frame, in clear text
 * @param options - `{ uplink }`: the same CID means different commands per direction
 * @returns the commands in order; an unknown or proprietary CID ends the list with a raw entry
 * @throws {LoireError} `TRUNCATED` naming the command and offset when a known command is cut
 *   short
 * @example decodeMacCommands(hexToBytes('020a0f'), { uplink: false })
 *   // [{ cid: 2, name: 'LinkCheckAns', fields: { margin: 10, gwCnt: 15 } }]
 */
export function decodeMacCommands(bytes: Uint8Array, options: MacCommandOptions): MacCommand[] {
  checkBytes('bytes', bytes);
  if (!options || typeof options.uplink !== 'boolean') {
    throw new TypeError('options.uplink: expected a boolean');
  }
  const direction: MacDirection = options.uplink ? 'up' : 'down';
  const out: MacCommand[] = [];
  let at = 0;
  while (at < bytes.length) {
    const cid = bytes[at]!;
    const spec = cid >= 0x80 ? undefined : macCommandByCid(cid, direction);
    if (!spec) {
      out.push({ cid, name: cid >= 0x80 ? 'Proprietary' : 'Unknown', raw: bytes.slice(at) });
      break;
    }
    let length = spec.length;
    if (at + 1 + length > bytes.length) truncated(spec.name, at, length, bytes.length);
    const payloadAt = at + 1;
    let euiLength = 0;
    if (spec.variable) {
      // FilterList_Len is 5 bits; TS011 allows at most 16, but a longer value is still
      // well-framed (a relay answers it with a NACK), so it is decoded, not rejected.
      euiLength = bytes[payloadAt]! & 0x1f;
      length += euiLength;
      if (payloadAt + length > bytes.length) truncated(spec.name, at, length, bytes.length);
    }
    const payload = bytes.subarray(payloadAt, payloadAt + length);
    const fields: Record<string, FieldValue> = {};
    for (const f of spec.fields) fields[f.name] = readField(payload, f);
    if (spec.variable) {
      // FilterListEUI is sent least significant byte first as a whole; reversed, it reads as
      // JoinEUI then DevEUI, big-endian (how ChirpStack and Semtech's relay stack read it).
      fields.filterListEui = bytesToHex(payload.slice(2, 2 + euiLength).reverse());
    }
    out.push({ cid, name: spec.name, fields });
    at = payloadAt + length;
  }
  return out;
}

function truncated(name: string, at: number, length: number, total: number): never {
  throw new LoireError(
    'TRUNCATED',
    `${name} at offset ${at}: needs ${length} payload byte(s), ` +
      `only ${Math.max(0, total - at - 1)} left`,
    { offset: at, field: name },
  );
}

/**
 * Serialises MAC commands; the name selects the registry row (and so the direction).
 *
 * @param commands - known commands by name with their fields, or raw entries copied verbatim
 * @returns the concatenated bytes
 * @throws {RangeError}/{TypeError} naming the command and field that is missing or out of range
 * @example
 * encodeMacCommands([{ cid: 2, name: 'LinkCheckAns', fields: { margin: 10, gwCnt: 15 } }])
 *   // 02 0a 0f
 */
export function encodeMacCommands(commands: readonly MacCommand[]): Uint8Array {
  if (!Array.isArray(commands)) throw new TypeError('commands: expected an array');
  const parts: Uint8Array[] = [];
  commands.forEach((cmd, i) => {
    if ('raw' in cmd) {
      parts.push(checkBytes(`commands[${i}].raw`, cmd.raw));
      return;
    }
    const spec = macCommandByName(cmd.name);
    if (!spec) throw new RangeError(`commands[${i}].name: unknown MAC command ${cmd.name}`);
    const where = `commands[${i}] ${spec.name}`;
    const fields = cmd.fields ?? {};
    let eui: Uint8Array = new Uint8Array(0);
    if (spec.variable) {
      const hex = fields.filterListEui ?? '';
      if (typeof hex !== 'string') throw new TypeError(`${where}.filterListEui: expected hex`);
      eui = hexToBytes(hex).reverse();
      // TS011 allows 16 bytes, but FilterList_Len has 5 bits and the decoder reads up to 31
      // (a relay answers those with a NACK): the encoder takes what the decoder returns.
      if (eui.length > 0x1f) {
        throw new RangeError(`${where}.filterListEui: at most 31 bytes, got ${eui.length}`);
      }
    }
    const part = new Uint8Array(1 + spec.length + eui.length);
    part[0] = spec.cid;
    const payload = part.subarray(1);
    for (const f of spec.fields) {
      if (!(f.name in fields)) throw new TypeError(`${where}.${f.name}: missing`);
      writeField(payload, f, fields[f.name], where);
    }
    if (spec.variable) {
      payload[0] = payload[0]! | eui.length;
      payload.set(eui, 2);
    }
    parts.push(part);
  });
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
