/**
 * Watteco downlinks: fixed ZCL frames with one parameter (Watteco Codec-API-LoRaWAN
 * `encode_downlink` commands; ZCL 0x05 "write attribute, no response" to the LoRaWAN cluster
 * 0x8004 and the multistate output 0x0013, cluster command 0x50 for reboot, factory reset and
 * rejoin), plus `sendHexFrame` for any other frame.
 */
import { fail } from '../../../framework/codec-error.js';
import { fromHex, toHex, writeUintBE } from '../../../framework/bytes.js';

/** The default downlink FPort of Watteco sensors. */
export const WATTECO_FPORT = 125;

/** A fixed downlink: its command name, its bytes and its parameter. */
export interface DownlinkTemplate {
  name: string;
  prefix: number[];
  /** `flag`: the value must be `true` and adds no byte. */
  param: 'flag' | 'U8' | 'U16';
  min?: number;
  max?: number;
  description: string;
}

/** The commands every Watteco sensor takes. */
export const COMMON_DOWNLINKS: DownlinkTemplate[] = [
  { name: 'sendConfirmedMode', prefix: [0x11, 0x05, 0x80, 0x04, 0x00, 0x00, 0x08], param: 'U8',
    min: 0, max: 1, description: 'Uplinks confirmed (1) or unconfirmed (0)' },
  { name: 'sendReboot', prefix: [0x11, 0x50, 0x00, 0x50, 0x00], param: 'flag',
    description: 'Reboot the device' },
  { name: 'sendFactoryReset', prefix: [0x11, 0x50, 0x00, 0x50, 0x07], param: 'flag',
    description: 'Factory reset the device' },
  { name: 'sendLoraRetries', prefix: [0x11, 0x05, 0x80, 0x04, 0x00, 0x01, 0x20], param: 'U8',
    min: 1, max: 7, description: 'Number of LoRaWAN retransmissions (vendor schema: 1 to 7)' },
  { name: 'sendLoraRejoin', prefix: [0x11, 0x50, 0x80, 0x04, 0x00], param: 'U16',
    description: 'Rejoin the network, with the given period in minutes' },
];

const WHAT = 'downlink';

/**
 * Encodes one downlink command object such as `{ sendReboot: true }`.
 * @throws CodecError for an unknown command, several commands or a bad parameter.
 */
export function encodeWattecoDownlink(data: unknown, templates: DownlinkTemplate[]):
  { bytes: number[]; fPort: number } {
  if (typeof data !== 'object' || data === null) fail(`${WHAT}: data must be an object`);
  const keys = Object.keys(data);
  if (keys.length !== 1) fail(`${WHAT}: exactly one command expected, got ${keys.length}`);
  const name = keys[0]!;
  const value = (data as Record<string, unknown>)[name];

  if (name === 'sendHexFrame') {
    if (typeof value !== 'string') fail(`${WHAT}: sendHexFrame must be a string`);
    const m = /^([0-9a-fA-F]+)(?::(\d{1,3}))?$/.exec(value);
    if (m === null) fail(`${WHAT}: sendHexFrame must be hex digits, optionally ":port"`);
    const fPort = m[2] === undefined ? WATTECO_FPORT : parseInt(m[2], 10);
    if (fPort < 1 || fPort > 223) {
      fail(`${WHAT}: sendHexFrame port must be 1 to 223, got ${fPort}`);
    }
    return { bytes: fromHex(m[1]!, `${WHAT} sendHexFrame`), fPort };
  }

  for (const t of templates) {
    if (t.name !== name) continue;
    const out = t.prefix.slice();
    if (t.param === 'flag') {
      if (value !== true) fail(`${WHAT}: ${name} must be true`);
    } else {
      const size = t.param === 'U8' ? 1 : 2;
      const max = t.max === undefined ? Math.pow(256, size) - 1 : t.max;
      const min = t.min === undefined ? 0 : t.min;
      if (typeof value !== 'number' || value !== Math.floor(value) || value < min || value > max) {
        fail(`${WHAT}: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
      }
      writeUintBE(out, value, size, `${WHAT} ${name}`);
    }
    return { bytes: out, fPort: WATTECO_FPORT };
  }
  fail(`${WHAT}: unknown command ${name}`);
}

/**
 * Decodes downlink bytes into the command that produces them; frames matching no fixed
 * command decode as `sendHexFrame` (with ":port" off FPort 125).
 * @throws CodecError for an empty frame.
 */
export function decodeWattecoDownlink(bytes: number[], fPort: number,
  templates: DownlinkTemplate[]): Record<string, unknown> {
  if (bytes.length === 0) fail(`${WHAT}: empty frame`);
  if (fPort === WATTECO_FPORT) {
    for (const t of templates) {
      const extra = t.param === 'flag' ? 0 : t.param === 'U8' ? 1 : 2;
      if (bytes.length !== t.prefix.length + extra) continue;
      let same = true;
      for (let i = 0; i < t.prefix.length; i++) if (bytes[i] !== t.prefix[i]) same = false;
      if (!same) continue;
      if (extra === 0) return { [t.name]: true };
      const n = t.prefix.length;
      const v = extra === 1 ? bytes[n]! : bytes[n]! * 256 + bytes[n + 1]!;
      if ((t.min !== undefined && v < t.min) || (t.max !== undefined && v > t.max)) continue;
      return { [t.name]: v };
    }
  }
  return { sendHexFrame: toHex(bytes) + (fPort === WATTECO_FPORT ? '' : `:${fPort}`) };
}
