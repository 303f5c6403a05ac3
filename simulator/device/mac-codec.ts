/**
 * MAC commands as raw bytes for the simulator and the trace validator: split a FOpts or FPort 0
 * payload into commands (lengths and names from the core's registry, `src/mac`), and join the
 * device's answers. The device reads and writes the few bits it needs itself, with the spec
 * section cited where it does (TS001-1.0.4 §5, TS001-1.1 §5).
 */
import { LoireError } from '../../src/errors.js';
import { macCommandByCid } from '../../src/mac/index.js';

/** A MAC command: its CID and raw payload bytes (after the CID). */
export interface RawMacCommand {
  cid: number;
  payload: Uint8Array;
}

/** CIDs of the spec's names, for readable code. */
export const CID = {
  ResetInd: 0x01,
  LinkCheck: 0x02,
  LinkADR: 0x03,
  DutyCycle: 0x04,
  RXParamSetup: 0x05,
  DevStatus: 0x06,
  NewChannel: 0x07,
  RXTimingSetup: 0x08,
  TxParamSetup: 0x09,
  DlChannel: 0x0a,
  Rekey: 0x0b,
  ADRParamSetup: 0x0c,
  DeviceTime: 0x0d,
} as const;

/** The spec name of a command, such as `LinkADRAns`, or its CID in hex when unknown. */
export function macCommandName(cid: number, uplink: boolean): string {
  const spec = macCommandByCid(cid, uplink ? 'up' : 'down');
  return spec?.name ?? `0x${cid.toString(16).padStart(2, '0')}`;
}

/**
 * Splits a sequence of MAC commands.
 *
 * @param uplink true for commands sent by the device
 * @param lenient stop at an unknown or truncated command and return those before it
 * @throws {LoireError} `UNKNOWN_COMMAND` at an unknown CID (the rest cannot be delimited),
 *   `TRUNCATED` when a command's payload runs past the end
 */
export function splitMacCommands(
  bytes: Uint8Array,
  uplink: boolean,
  lenient = false,
): RawMacCommand[] {
  const out: RawMacCommand[] = [];
  let i = 0;
  while (i < bytes.length) {
    const cid = bytes[i]!;
    const spec = cid >= 0x80 ? undefined : macCommandByCid(cid, uplink ? 'up' : 'down');
    // FilterListReq (relay) carries a variable-length EUI: its length is in the first byte.
    const n = spec === undefined
      ? undefined
      : spec.length + (spec.variable ? (bytes[i + 1] ?? 0) & 0x1f : 0);
    if (lenient && (n === undefined || i + 1 + n > bytes.length)) break;
    if (n === undefined) {
      const hex = cid.toString(16).padStart(2, '0');
      throw new LoireError('UNKNOWN_COMMAND', `MAC command: unknown CID 0x${hex} at offset ${i}`, {
        offset: i,
        field: 'CID',
      });
    }
    if (i + 1 + n > bytes.length) {
      const name = spec!.name;
      throw new LoireError('TRUNCATED', `${name} at offset ${i}: needs ${n} payload bytes`, {
        offset: i,
        field: macCommandName(cid, uplink),
      });
    }
    out.push({ cid, payload: bytes.slice(i + 1, i + 1 + n) });
    i += 1 + n;
  }
  return out;
}

/** Concatenates commands into bytes. */
export function joinMacCommands(commands: readonly RawMacCommand[]): Uint8Array {
  let n = 0;
  for (const c of commands) n += 1 + c.payload.length;
  const out = new Uint8Array(n);
  let i = 0;
  for (const c of commands) {
    out[i++] = c.cid;
    out.set(c.payload, i);
    i += c.payload.length;
  }
  return out;
}

/** Reads a 24-bit little-endian frequency field (units of 100 Hz, TS001-1.0.4 §5.6). */
export function readFrequencyHz(p: Uint8Array, offset: number): number {
  return (p[offset]! | (p[offset + 1]! << 8) | (p[offset + 2]! << 16)) * 100;
}

/** Writes a frequency in hertz as the 24-bit field. */
export function writeFrequencyHz(p: Uint8Array, offset: number, hz: number): void {
  const v = Math.round(hz / 100);
  p[offset] = v & 0xff;
  p[offset + 1] = (v >> 8) & 0xff;
  p[offset + 2] = (v >> 16) & 0xff;
}
