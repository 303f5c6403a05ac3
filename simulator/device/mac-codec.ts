/**
 * The byte layout of the MAC commands a Class A device sends and receives (TS001-1.0.4 §5,
 * TS001-1.1 §5), as the simulator and the trace validator need them: split a FOpts or FPort 0
 * payload into commands, and write the device's answers.
 *
 * Known shortcoming: this is the simulator's own small table; it duplicates part of the core's
 * MAC command registry (`src/mac`), which was not on main when it was written. Fields follow
 * the spec's names; frequencies are in hertz.
 */
import { LoireError } from '../../src/errors.js';

/** A MAC command: its CID and raw payload bytes (after the CID). */
export interface RawMacCommand {
  cid: number;
  payload: Uint8Array;
}

// Payload lengths by CID (TS001-1.0.4 Table 4 and TS001-1.1 Table 16). Downlink = sent by the
// network (requests and answers to device requests), uplink = sent by the device.
const DOWN_LENGTH: Record<number, number> = {
  0x01: 1, 0x02: 2, 0x03: 4, 0x04: 1, 0x05: 4, 0x06: 0, 0x07: 5, 0x08: 1, 0x09: 1, 0x0a: 4,
  0x0b: 1, 0x0c: 1, 0x0d: 5, 0x0e: 2, 0x0f: 1, 0x10: 0, 0x11: 4, 0x12: 3, 0x13: 3, 0x20: 1,
};
const UP_LENGTH: Record<number, number> = {
  0x01: 1, 0x02: 0, 0x03: 1, 0x04: 0, 0x05: 1, 0x06: 2, 0x07: 1, 0x08: 0, 0x09: 0, 0x0a: 1,
  0x0b: 1, 0x0c: 0, 0x0d: 0, 0x0f: 1, 0x10: 1, 0x11: 1, 0x12: 0, 0x13: 1, 0x20: 1,
};

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

/** Spec names by CID, per direction (for messages). */
export function macCommandName(cid: number, uplink: boolean): string {
  const names: Record<number, string> = {
    0x01: 'Reset', 0x02: 'LinkCheck', 0x03: 'LinkADR', 0x04: 'DutyCycle', 0x05: 'RXParamSetup',
    0x06: 'DevStatus', 0x07: 'NewChannel', 0x08: 'RXTimingSetup', 0x09: 'TxParamSetup',
    0x0a: 'DlChannel', 0x0b: 'Rekey', 0x0c: 'ADRParamSetup', 0x0d: 'DeviceTime',
    0x0e: 'ForceRejoin', 0x0f: 'RejoinParamSetup',
  };
  const base = names[cid] ?? `0x${cid.toString(16).padStart(2, '0')}`;
  if (cid === 0x01 || cid === 0x0b) return base + (uplink ? 'Ind' : 'Conf');
  if (cid === 0x02 || cid === 0x0d) return base + (uplink ? 'Req' : 'Ans');
  return base + (uplink ? 'Ans' : 'Req');
}

/**
 * Splits a sequence of MAC commands.
 *
 * @param uplink true for commands sent by the device
 * @throws {LoireError} `UNKNOWN_COMMAND` at an unknown CID (the rest cannot be delimited),
 *   `TRUNCATED` when a command's payload runs past the end
 */
export function splitMacCommands(bytes: Uint8Array, uplink: boolean): RawMacCommand[] {
  const lengths = uplink ? UP_LENGTH : DOWN_LENGTH;
  const out: RawMacCommand[] = [];
  let i = 0;
  while (i < bytes.length) {
    const cid = bytes[i]!;
    const n = lengths[cid];
    if (n === undefined) {
      throw new LoireError('UNKNOWN_COMMAND', `MAC command: unknown CID 0x${cid.toString(16)} at offset ${i}`, {
        offset: i,
        field: 'CID',
      });
    }
    if (i + 1 + n > bytes.length) {
      throw new LoireError('TRUNCATED', `MAC command 0x${cid.toString(16)} at offset ${i} needs ${n} bytes`, {
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
