/**
 * Elsys settings downlinks (ELSYS "Sensor downlink payload" v2.1): a header byte 0x3E, the
 * length of what follows, then settings as a type byte and a fixed-size big-endian value.
 * They are sent on the uplink port + 1 (6 by default).
 *
 * Settings 0x01 to 0x06 (session keys, EUIs, device address) are left out on purpose: this
 * codec does not move key material through downlink queues.
 */
import { fail } from '../../../framework/codec-error.js';
import { readUintBE, writeUintBE } from '../../../framework/bytes.js';

/** Header byte of a settings downlink. */
export const SETTINGS_HEADER = 0x3e;

/** One setting: id, name, value size in bytes (0 for a request), boolean or integer. */
export interface ElsysSetting {
  id: number;
  name: string;
  size: number;
  kind: 'bool' | 'int' | 'request';
}

const s = (id: number, name: string, size: number, kind: ElsysSetting['kind'] = 'int'):
  ElsysSetting => ({ id, name, size, kind });

/** The settings of the v2.1 document, by id. */
export const ELSYS_SETTINGS: ElsysSetting[] = [
  s(0x07, 'ota', 1, 'bool'), s(0x08, 'port', 1), s(0x09, 'mode', 1), s(0x0a, 'ack', 1, 'bool'),
  s(0x0b, 'drDef', 1), s(0x0c, 'drMax', 1), s(0x0d, 'drMin', 1), s(0x0e, 'payload', 1),
  s(0x0f, 'power', 1), s(0x10, 'extCfg', 1), s(0x11, 'pirCfg', 1), s(0x12, 'co2Cfg', 1),
  s(0x13, 'accCfg', 4), s(0x14, 'splPer', 4), s(0x15, 'tempPer', 4), s(0x16, 'rhPer', 4),
  s(0x17, 'lightPer', 4), s(0x18, 'pirPer', 4), s(0x19, 'co2Per', 4), s(0x1a, 'extPer', 4),
  s(0x1b, 'extPwrTime', 4), s(0x1c, 'triggTime', 4), s(0x1d, 'accPer', 4), s(0x1e, 'vddPer', 4),
  s(0x1f, 'sendPer', 4), s(0x20, 'lock', 4), s(0x22, 'linkCheck', 4), s(0x23, 'pressPer', 4),
  s(0x24, 'soundPer', 4), s(0xf9, 'requestSettings', 0, 'request'),
];

const WHAT = 'settings downlink';

/**
 * Encodes settings such as `{ sendPer: 600, ack: true }` (a request is `requestSettings: true`),
 * in id order.
 * @throws CodecError for an unknown setting or a value out of range.
 */
export function encodeSettings(data: unknown): number[] {
  if (typeof data !== 'object' || data === null) fail(`${WHAT}: data must be an object`);
  const d = data as Record<string, unknown>;
  const body: number[] = [];
  let count = 0;
  for (const st of ELSYS_SETTINGS) {
    const v = d[st.name];
    if (v === undefined) continue;
    count++;
    body.push(st.id);
    if (st.kind === 'request') {
      if (v !== true) fail(`${WHAT}: ${st.name} must be true`);
    } else if (st.kind === 'bool') {
      if (typeof v !== 'boolean') fail(`${WHAT}: ${st.name} must be a boolean`);
      body.push(v ? 1 : 0);
    } else {
      writeUintBE(body, v as number, st.size, `${WHAT} ${st.name}`);
    }
  }
  if (count !== Object.keys(d).length) {
    for (const k in d) {
      if (!ELSYS_SETTINGS.some((st) => st.name === k)) fail(`${WHAT}: unknown setting ${k}`);
    }
  }
  if (count === 0) fail(`${WHAT}: at least one setting expected`);
  if (body.length > 255) fail(`${WHAT}: ${body.length} bytes of settings, at most 255`);
  return [SETTINGS_HEADER, body.length].concat(body);
}

/**
 * Decodes a settings downlink.
 * @throws CodecError for a wrong header or length, an unknown setting id or a cut value.
 */
export function decodeSettings(bytes: number[]): Record<string, unknown> {
  if (bytes.length < 2 || bytes[0] !== SETTINGS_HEADER) {
    fail(`${WHAT}: must start with 0x3e and a length byte`, 0);
  }
  if (bytes[1] !== bytes.length - 2) {
    fail(`${WHAT}: length byte says ${bytes[1]}, ${bytes.length - 2} bytes follow`, 1);
  }
  const out: Record<string, unknown> = {};
  let o = 2;
  while (o < bytes.length) {
    const id = bytes[o]!;
    let st: ElsysSetting | undefined;
    for (const x of ELSYS_SETTINGS) if (x.id === id) st = x;
    if (st === undefined) {
      fail(`${WHAT}: unknown setting id 0x${id.toString(16)} at offset ${o}`, o);
    }
    const v = st.size === 0 ? 0 : readUintBE(bytes, o + 1, st.size, `${WHAT} ${st.name}`);
    out[st.name] = st.kind === 'request' ? true : st.kind === 'bool' ? v !== 0 : v;
    o += 1 + st.size;
  }
  return out;
}
