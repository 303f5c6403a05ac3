/**
 * Axioma Qalcosonic W1 ultrasonic water meter, LoRaWAN uplinks as Axioma's "Qalcosonic W1
 * LoRaWAN payload" note and the reference driver in actility/device-catalog
 * (vendors/axioma/drivers/w1) lay them out. All integers little-endian.
 *
 * FPort 100, "Basic" (17 + 2n bytes):
 * | offset | size | field                                          |
 * | 0      | 4    | last log time, Unix seconds                    |
 * | 4      | 1    | status (bit 2 low battery, bit 3 permanent error, bit 4 temporary error
 *                    with its kind in bits 7..5)                    |
 * | 5      | 4    | volume at last log, litres                     |
 * | 9      | 4    | first log time, Unix seconds                   |
 * | 13     | 4    | volume at first log, litres                    |
 * | 17     | 2n   | hourly volume increments, litres               |
 *
 * FPort 103, "Device alarms" (5 bytes): alarm time (Unix seconds, 4) and alarm code (1).
 *
 * The meter's clock can be corrupted: as in the reference driver, a Basic frame whose last log
 * time is more than 1800 days away from the receive time is rejected. FPort 101 (configuration
 * echo) is not decoded.
 */
import { fail } from '../../framework/codec-error.js';
import { readUintLE, writeUintLE } from '../../framework/bytes.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { CodecDefinition, DecodeInput, EncodeInput } from '../../framework/types.js';
import { hexPad, isIntIn } from '../hex.js';

/** Kinds of temporary error, by status bits 7..5. */
const TEMPORARY: Record<number, string> = {
  0: 'dry', 1: 'leakage', 3: 'backflow', 4: 'lowTemperature', 5: 'burst',
};

/** Alarm codes of FPort 103. */
const ALARMS: Record<number, string> = {
  0x00: 'NO ERROR', 0x04: 'POWER LOW', 0x08: 'PERMANENT ERROR', 0x10: 'EMPTY PIPE',
  0x30: 'LEAKAGE', 0xb0: 'BURST', 0x70: 'BACKFLOW', 0x90: 'FREEZE',
};

const CORRUPT = 'This payload has been corrupted. Please contact Axioma support.';
const MAX_CLOCK_SKEW_MS = 5 * 12 * 30 * 24 * 3600 * 1000;

/** Decoded status byte. */
export interface W1Status {
  lowBattery: boolean;
  permanentError: boolean;
  /** `false`, or the kind of temporary error. */
  temporaryError: false | string;
}

function decodeStatus(b: number): W1Status {
  let temporaryError: false | string = false;
  if (b & 0x10) temporaryError = TEMPORARY[b >> 5] || `unknown${b >> 5}`;
  return { lowBattery: (b & 0x04) !== 0, permanentError: (b & 0x08) !== 0, temporaryError };
}

function encodeStatus(s: unknown): number {
  if (typeof s !== 'object' || s === null) return fail('qalcosonic-w1: status must be an object');
  const st = s as W1Status;
  let b = (st.lowBattery ? 0x04 : 0) | (st.permanentError ? 0x08 : 0);
  if (st.temporaryError !== false) {
    let code = -1;
    for (const k in TEMPORARY) if (TEMPORARY[k] === st.temporaryError) code = Number(k);
    const m = /^unknown([0-7])$/.exec(String(st.temporaryError));
    if (m) code = Number(m[1]);
    if (code < 0) fail(`qalcosonic-w1: unknown temporaryError ${String(st.temporaryError)}`);
    b |= 0x10 | (code << 5);
  }
  return b;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function decodeBasic(bytes: number[], recvTime?: Date): Record<string, unknown> {
  if (bytes.length < 17) {
    fail(`Basic: need 17 bytes before the increments, got ${bytes.length}`, bytes.length);
  }
  if ((bytes.length - 17) % 2 !== 0) {
    fail(`Basic: increments need 2 bytes each, ${bytes.length - 17} bytes at offset 17`, 17);
  }
  const last = readUintLE(bytes, 0, 4, 'Basic: last log time');
  if (recvTime && Math.abs(last * 1000 - recvTime.getTime()) > MAX_CLOCK_SKEW_MS) fail(CORRUPT);
  const lastVolume = readUintLE(bytes, 5, 4, 'Basic: last volume');
  const first = readUintLE(bytes, 9, 4, 'Basic: first log time');
  const firstLogVolume = readUintLE(bytes, 13, 4, 'Basic: first log volume');
  const deltaVolumes: number[] = [];
  const volumes = [{ time: iso(first), volume: firstLogVolume }];
  let v = firstLogVolume;
  for (let o = 17, k = 1; o < bytes.length; o += 2, k++) {
    const delta = readUintLE(bytes, o, 2, 'Basic: increment');
    deltaVolumes.push(delta);
    v += delta;
    volumes.push({ time: iso(first + 3600 * k), volume: v });
  }
  volumes.push({ time: iso(last), volume: lastVolume });
  return {
    status: decodeStatus(bytes[4]!),
    lastLogTime: iso(last),
    lastVolume,
    payloadType: 'Basic',
    firstLogTime: iso(first),
    firstLogVolume,
    deltaVolumes,
    volumes,
  };
}

function decodeAlarm(bytes: number[]): Record<string, unknown> {
  if (bytes.length !== 5) fail(`Device alarms: length must be 5 bytes, got ${bytes.length}`);
  const code = bytes[4]!;
  return {
    alarmDescription: ALARMS[code] || `UNKNOWN 0x${hexPad(code, 2, false)}`,
    date: iso(readUintLE(bytes, 0, 4, 'Device alarms: date')),
    payloadType: 'Device alarms',
  };
}

/** Decodes a Qalcosonic W1 uplink. */
export function decodeW1(input: DecodeInput): Record<string, unknown> {
  if (input.fPort === 100) return decodeBasic(input.bytes, input.recvTime);
  if (input.fPort === 103) return decodeAlarm(input.bytes);
  if (input.fPort === 101) return fail('qalcosonic-w1: FPort 101 configuration is not decoded');
  return fail(`qalcosonic-w1: invalid FPort ${input.fPort} (expected 100 or 103)`);
}

function seconds(v: unknown, what: string): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (!(t >= 0 && t % 1000 === 0 && t / 1000 <= 0xffffffff)) {
    fail(`qalcosonic-w1: ${what} must be an ISO time in whole seconds after 1970`);
  }
  return t / 1000;
}

/** Encodes W1 data (the decoder's shape); `payloadType` picks the FPort. */
export function encodeW1(data: unknown): { bytes: number[]; fPort: number } {
  if (typeof data !== 'object' || data === null) {
    return fail('qalcosonic-w1: data must be an object');
  }
  const d = data as Record<string, unknown>;
  const out: number[] = [];
  if (d.payloadType === 'Device alarms') {
    writeUintLE(out, seconds(d.date, 'date'), 4, 'date');
    let code = -1;
    for (const k in ALARMS) if (ALARMS[k] === d.alarmDescription) code = Number(k);
    const m = /^UNKNOWN 0x([0-9a-f]{2})$/.exec(String(d.alarmDescription));
    if (m) code = parseInt(m[1]!, 16);
    if (code < 0) fail(`qalcosonic-w1: unknown alarmDescription ${String(d.alarmDescription)}`);
    out.push(code);
    return { bytes: out, fPort: 103 };
  }
  if (d.payloadType !== 'Basic') {
    return fail("qalcosonic-w1: payloadType must be 'Basic' or 'Device alarms'");
  }
  const deltas = d.deltaVolumes;
  if (!Array.isArray(deltas)) return fail('qalcosonic-w1: deltaVolumes must be an array');
  writeUintLE(out, seconds(d.lastLogTime, 'lastLogTime'), 4, 'lastLogTime');
  out.push(encodeStatus(d.status));
  writeUintLE(out, d.lastVolume as number, 4, 'qalcosonic-w1: lastVolume');
  writeUintLE(out, seconds(d.firstLogTime, 'firstLogTime'), 4, 'firstLogTime');
  writeUintLE(out, d.firstLogVolume as number, 4, 'qalcosonic-w1: firstLogVolume');
  for (let i = 0; i < deltas.length; i++) {
    if (!isIntIn(deltas[i], 0, 0xffff)) fail(`qalcosonic-w1: deltaVolumes[${i}] must be 0..65535`);
    writeUintLE(out, deltas[i] as number, 2, 'deltaVolumes');
  }
  return { bytes: out, fPort: 100 };
}

/** Harmonised view: litres to m3, alarms to flags. */
export function normalizeW1(data: unknown): HarmonisedWater {
  const d = data as Record<string, unknown>;
  const out: HarmonisedWater = { category: 'water' };
  if (d.payloadType === 'Basic') {
    out.volumeM3 = (d.lastVolume as number) / 1000;
    out.readingTime = d.lastLogTime as string;
    const s = d.status as W1Status;
    out.lowBattery = s.lowBattery;
    out.leak = s.temporaryError === 'leakage' || s.temporaryError === 'burst';
    out.backflow = s.temporaryError === 'backflow';
  } else {
    const a = d.alarmDescription;
    out.readingTime = d.date as string;
    out.lowBattery = a === 'POWER LOW';
    out.leak = a === 'LEAKAGE' || a === 'BURST';
    out.backflow = a === 'BACKFLOW';
  }
  return out;
}

/** The Axioma Qalcosonic W1 codec. */
export const qalcosonicW1Codec: CodecDefinition = {
  id: 'axioma/qalcosonic-w1',
  vendor: 'axioma',
  model: 'qalcosonic-w1',
  category: 'water',
  description: 'Axioma Qalcosonic W1 ultrasonic water meter: hourly consumption log (FPort 100) ' +
    'and alarms (FPort 103).',
  uplinkFPorts: [100, 103],
  downlinkFPorts: [],
  messageTypes: [
    { name: 'basic', direction: 'uplink', fPorts: [100],
      description: 'Status, volume at first and last log, hourly increments' },
    { name: 'alarm', direction: 'uplink', fPorts: [103], description: 'Alarm code and time' },
  ],
  decodeUplink(input: DecodeInput) {
    return { data: decodeW1(input) };
  },
  encodeUplink(input: EncodeInput) {
    return encodeW1(input.data);
  },
  normalizeUplink: normalizeW1,
  uplinkSchema: {
    type: 'object',
    required: ['payloadType'],
    properties: {
      payloadType: { type: 'string', enum: ['Basic', 'Device alarms'] },
      lastVolume: { type: 'integer', description: 'litres' },
      deltaVolumes: { type: 'array', items: { type: 'integer' } },
    },
  },
  examples: [{
    description: 'Leakage alarm at 2024-01-01 00:00 UTC',
    operation: 'decodeUplink', fPort: 103, bytesHex: '8000926530',
    data: { alarmDescription: 'LEAKAGE', date: '2024-01-01T00:00:00.000Z',
      payloadType: 'Device alarms' },
    source: 'loire, bytes assembled by hand from the W1 alarm layout (FPort 103)',
  }],
};
