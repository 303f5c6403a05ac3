/**
 * Adeunis Pulse 4 (LoRaWAN): two pulse inputs for water, gas or electricity meters, with flow
 * alarms, leak and tamper detection (Adeunis "PULSE 4" technical reference manual; frame
 * layouts as in the vendor's codec, TheThingsNetwork/lorawan-devices `vendor/adeunis`).
 */
import { fail } from '../../framework/codec-error.js';
import { need, readUintBE, writeUintBE } from '../../framework/bytes.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { type AdeunisDevice, adeunisCodec } from './format/codec.js';
import {
  needLength, productModeByte, productModeText, readTimestamp, timestampBytes, valueOf,
  writeTimestamp,
} from './format/fields.js';
import type { AdeunisFrame } from './format/frame.js';
import { SET_REGISTER_STATUS, networkConfigFrame } from './format/generic-frames.js';

type Obj = Record<string, unknown>;

const DEBOUNCE_MS = [0, 1, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

function u16(b: number[], o: number, what: string): number {
  return readUintBE(b, o, 2, what);
}

function channels(data: Obj, what: string): [Obj, Obj] {
  const c = data['channels'];
  if (!(c instanceof Array) || c.length !== 2) fail(`${what}: channels must list A and B`);
  return [c[0] as Obj, c[1] as Obj];
}

function sub(o: Obj, k: string, what: string): Obj {
  const v = o[k];
  if (typeof v !== 'object' || v === null) fail(`${what}: ${k} is required`);
  return v as Obj;
}

function put16(out: number[], v: unknown, what: string): void {
  writeUintBE(out, v as number, 2, what);
}

/** 0x10: application configuration; 28 bytes on LoRaWAN, 11 on Sigfox. */
const CONFIG: AdeunisFrame = {
  code: 0x10, type: '0x10 Pulse 4 configuration', direction: 'uplink',
  description: 'Application configuration (answer to downlink 0x01, or at start-up)',
  decode(b) {
    const what = '0x10 Pulse 4 configuration';
    needLength(b, [11, 28], what);
    const lora = b.length === 28;
    const hist = u16(b, 3, what);
    const sampling = u16(b, 6, what);
    const out: Obj = {
      productMode: productModeText(b[2]!),
      numberOfHistorizationBeforeSending: hist,
      samplingPeriod: { unit: 's', value: sampling * 2 },
      calculatedSendingPeriod: { unit: 's', value: hist * sampling * 2 },
      // In TEST mode the flow period counts 20-second steps, else minutes.
      flowCalculationPeriod: b[2] === 2
        ? { unit: 's', value: u16(b, 9, what) * 20 } : { unit: 'm', value: u16(b, 9, what) },
    };
    if (lora) out['redundantSamples'] = b[27];
    const cfg = b[5]!;
    const make = (name: string, shift: number, debounce: number, tamperBit: number): Obj => {
      const ch: Obj = {
        name,
        state: (cfg & (0x01 << shift)) !== 0 ? 'enabled' : 'disabled',
        type: (cfg & (0x02 << shift)) !== 0 ? 'gasPullUpOn' : 'otherPullUpOff',
        debouncingPeriod: { unit: 'ms', value: DEBOUNCE_MS[debounce] || 0 },
      };
      const k = shift === 0 ? 0 : 2;
      if (lora) {
        ch['leakageDetection'] = {
          overflowAlarmTriggerThreshold: u16(b, 11 + k, what),
          threshold: u16(b, 15 + k, what),
          dailyPeriodsBelowWhichLeakageAlarmTriggered: u16(b, 19 + k, what),
        };
        ch['tamper'] = {
          activated: (cfg & tamperBit) !== 0,
          samplePeriodForDetection: { unit: 's', value: b[23 + k]! * 10 },
          threshold: b[24 + k],
        };
      } else {
        ch['tamper'] = { activated: (cfg & tamperBit) !== 0 };
      }
      return ch;
    };
    out['channels'] = [
      make('channel A', 0, b[8]! & 0x0f, 0x08),
      make('channel B', 4, (b[8]! & 0xf0) >> 4, 0x80),
    ];
    return out;
  },
  encode(data) {
    const what = '0x10 Pulse 4 configuration';
    const [a, bch] = channels(data, what);
    const lora = data['redundantSamples'] !== undefined;
    const mode = productModeByte(data['productMode'], what);
    const out = [mode];
    put16(out, data['numberOfHistorizationBeforeSending'], `${what} historization`);
    let cfg = 0;
    let debounce = 0;
    [a, bch].forEach((ch, i) => {
      const shift = i * 4;
      if (ch['state'] === 'enabled') cfg |= 0x01 << shift;
      if (ch['type'] === 'gasPullUpOn') cfg |= 0x02 << shift;
      if (sub(ch, 'tamper', what)['activated'] === true) cfg |= 0x08 << shift;
      const code = DEBOUNCE_MS.indexOf(valueOf(ch['debouncingPeriod'], 'debouncingPeriod', what));
      if (code < 0) fail(`${what}: debouncingPeriod must be one of ${DEBOUNCE_MS.join(', ')} ms`);
      debounce |= code << shift;
    });
    out.push(cfg);
    const sampling = valueOf(data['samplingPeriod'], 'samplingPeriod', what);
    if (sampling % 2 !== 0) fail(`${what}: samplingPeriod counts 2-second steps`);
    put16(out, sampling / 2, `${what} samplingPeriod`);
    out.push(debounce);
    const flow = valueOf(data['flowCalculationPeriod'], 'flowCalculationPeriod', what);
    if (mode === 2 && flow % 20 !== 0) fail(`${what}: in TEST mode the flow period is 20 s steps`);
    put16(out, mode === 2 ? flow / 20 : flow, `${what} flowCalculationPeriod`);
    if (!lora) return out;
    const la = sub(a, 'leakageDetection', what);
    const lb = sub(bch, 'leakageDetection', what);
    for (const k of ['overflowAlarmTriggerThreshold', 'threshold',
      'dailyPeriodsBelowWhichLeakageAlarmTriggered']) {
      put16(out, la[k], `${what} ${k}`);
      put16(out, lb[k], `${what} ${k}`);
    }
    for (const ch of [a, bch]) {
      const t = sub(ch, 'tamper', what);
      const period = valueOf(t['samplePeriodForDetection'], 'samplePeriodForDetection', what);
      if (period % 10 !== 0) fail(`${what}: samplePeriodForDetection counts 10-second steps`);
      writeUintBE(out, period / 10, 1, `${what} samplePeriodForDetection`);
      writeUintBE(out, t['threshold'] as number, 1, `${what} tamper threshold`);
    }
    writeUintBE(out, data['redundantSamples'] as number, 1, `${what} redundantSamples`);
    return out;
  },
};

/** 0x11: leak detection thresholds of both channels. */
const LEAK_THRESHOLDS: AdeunisFrame = {
  code: 0x11, type: '0x11 Pulse 4 configuration', direction: 'uplink',
  description: 'Leak detection thresholds',
  decode(b) {
    const what = '0x11 Pulse 4 configuration';
    needLength(b, [10], what);
    return {
      channels: [
        { name: 'channel A', leakageDetection: {
          overflowAlarmTriggerThreshold: u16(b, 2, what), threshold: u16(b, 6, what) } },
        { name: 'channel B', leakageDetection: {
          overflowAlarmTriggerThreshold: u16(b, 4, what), threshold: u16(b, 8, what) } },
      ],
    };
  },
  encode(data) {
    const what = '0x11 Pulse 4 configuration';
    const [a, b] = channels(data, what).map((c) => sub(c, 'leakageDetection', what));
    const out: number[] = [];
    for (const v of [a!['overflowAlarmTriggerThreshold'], b!['overflowAlarmTriggerThreshold'],
      a!['threshold'], b!['threshold']]) put16(out, v, what);
    return out;
  },
};

/** 0x12: leak daily periods and tamper detection settings of both channels. */
const LEAK_TAMPER: AdeunisFrame = {
  code: 0x12, type: '0x12 Pulse 4 configuration', direction: 'uplink',
  description: 'Leak daily periods and tamper detection settings',
  decode(b) {
    const what = '0x12 Pulse 4 configuration';
    needLength(b, [10], what);
    const ch = (name: string, k: number, t: number): Obj => ({
      name,
      leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: u16(b, k, what) },
      tamper: { samplePeriodForDetection: { unit: 's', value: b[t]! * 10 }, threshold: b[t + 1] },
    });
    return { channels: [ch('channel A', 2, 6), ch('channel B', 4, 8)] };
  },
  encode(data) {
    const what = '0x12 Pulse 4 configuration';
    const chs = channels(data, what);
    const out: number[] = [];
    for (const c of chs) {
      put16(out, sub(c, 'leakageDetection', what)['dailyPeriodsBelowWhichLeakageAlarmTriggered'],
        what);
    }
    for (const c of chs) {
      const t = sub(c, 'tamper', what);
      const period = valueOf(t['samplePeriodForDetection'], 'samplePeriodForDetection', what);
      if (period % 10 !== 0) fail(`${what}: samplePeriodForDetection counts 10-second steps`);
      writeUintBE(out, period / 10, 1, what);
      writeUintBE(out, t['threshold'] as number, 1, what);
    }
    return out;
  },
};

/** 0x30: daily keep-alive with alarm flags and 24-hour flow extremes. */
const KEEP_ALIVE: AdeunisFrame = {
  code: 0x30, type: '0x30 Pulse 4 keep alive', direction: 'uplink',
  description: 'Keep alive: alarm flags and 24-hour flow minimum and maximum',
  decode(b, status) {
    const what = '0x30 Pulse 4 keep alive';
    needLength(b, [11 + timestampBytes(status)], what);
    const out: Obj = {};
    readTimestamp(b, status, 11, out, what);
    const f = b[2]!;
    out['channels'] = [
      { name: 'channel A', flow: { alarm: (f & 0x01) !== 0, last24hMin: u16(b, 7, what),
        last24hMax: u16(b, 3, what) }, tamperAlarm: (f & 0x04) !== 0,
      leakageAlarm: (f & 0x10) !== 0 },
      { name: 'channel B', flow: { alarm: (f & 0x02) !== 0, last24hMin: u16(b, 9, what),
        last24hMax: u16(b, 5, what) }, tamperAlarm: (f & 0x08) !== 0,
      leakageAlarm: (f & 0x20) !== 0 },
    ];
    return out;
  },
  encode(data, status) {
    const what = '0x30 Pulse 4 keep alive';
    const [a, b] = channels(data, what);
    const fa = sub(a, 'flow', what);
    const fb = sub(b, 'flow', what);
    const flags = (fa['alarm'] === true ? 0x01 : 0) | (fb['alarm'] === true ? 0x02 : 0) |
      (a['tamperAlarm'] === true ? 0x04 : 0) | (b['tamperAlarm'] === true ? 0x08 : 0) |
      (a['leakageAlarm'] === true ? 0x10 : 0) | (b['leakageAlarm'] === true ? 0x20 : 0);
    const out = [flags];
    for (const v of [fa['last24hMax'], fb['last24hMax'], fa['last24hMin'], fb['last24hMin']]) {
      put16(out, v, what);
    }
    writeTimestamp(out, status, data, what);
    return out;
  },
};

/** 0x46: absolute 32-bit counters of both channels. */
const COUNTERS: AdeunisFrame = {
  code: 0x46, type: '0x46 Pulse 4 data', direction: 'uplink',
  description: 'Absolute counters of channels A and B',
  decode(b, status) {
    const what = '0x46 Pulse 4 data';
    needLength(b, [10 + timestampBytes(status)], what);
    const out: Obj = {};
    readTimestamp(b, status, 10, out, what);
    out['decodingInfo'] = 'counterValues: [Channel A, Channel B]';
    out['counterValues'] = [readUintBE(b, 2, 4, what), readUintBE(b, 6, 4, what)];
    return out;
  },
  encode(data, status) {
    const what = '0x46 Pulse 4 data';
    const v = data['counterValues'];
    if (!(v instanceof Array) || v.length !== 2) fail(`${what}: counterValues lists A and B`);
    const out: number[] = [];
    writeUintBE(out, v[0] as number, 4, `${what} counter A`);
    writeUintBE(out, v[1] as number, 4, `${what} counter B`);
    writeTimestamp(out, status, data, what);
    return out;
  },
};

/** 0x47: flow alarm with the flow of both channels. */
const FLOW_ALARM: AdeunisFrame = {
  code: 0x47, type: '0x47 Pulse 4 alarm', direction: 'uplink',
  description: 'Flow alarm: flow values of channels A and B',
  decode(b, status) {
    const what = '0x47 Pulse 4 alarm';
    needLength(b, [6 + timestampBytes(status)], what);
    const out: Obj = {};
    readTimestamp(b, status, 6, out, what);
    out['decodingInfo'] = 'flowValues: [Channel A, Channel B]';
    out['flowValues'] = [u16(b, 2, what), u16(b, 4, what)];
    return out;
  },
  encode(data, status) {
    const what = '0x47 Pulse 4 alarm';
    const v = data['flowValues'];
    if (!(v instanceof Array) || v.length !== 2) fail(`${what}: flowValues lists A and B`);
    const out: number[] = [];
    put16(out, v[0], what);
    put16(out, v[1], what);
    writeTimestamp(out, status, data, what);
    return out;
  },
};

/**
 * 0x5A / 0x5B: the absolute counter of one channel, then 16-bit decrements back through its
 * history (value at t-1 = value at t - first delta, and so on).
 */
function historyFrame(code: number, channel: 'A' | 'B'): AdeunisFrame {
  const type = `0x${code.toString(16)} Pulse 4 data - channel ${channel}`;
  return {
    code, type, direction: 'uplink',
    description: `Counter of channel ${channel} with its recent history`,
    decode(b, status) {
      const end = b.length - timestampBytes(status);
      need(b, 0, 6 + timestampBytes(status), type);
      if ((end - 6) % 2 !== 0) {
        fail(`${type}: history deltas need an even length, got ${end - 6}`, 6);
      }
      const out: Obj = {};
      readTimestamp(b, status, end, out, type);
      // The absolute counter is 32 bits; reading it narrower is a fault seen in other decoders.
      let counter = readUintBE(b, 2, 4, type);
      const values = [counter];
      for (let o = 6; o < end; o += 2) {
        counter -= u16(b, o, type);
        values.push(counter);
      }
      out['decodingInfo'] = 'counterValues: [t=0, t-1, t-2, ...]';
      out['counterValues'] = values;
      return out;
    },
    encode(data, status) {
      const v = data['counterValues'];
      if (!(v instanceof Array) || v.length === 0) fail(`${type}: counterValues are required`);
      const out: number[] = [];
      writeUintBE(out, v[0] as number, 4, `${type} counter`);
      for (let i = 1; i < v.length; i++) {
        writeUintBE(out, (v[i - 1] as number) - (v[i] as number), 2, `${type} delta ${i}`);
      }
      writeTimestamp(out, status, data, type);
      return out;
    },
  };
}

const SOURCE = 'TheThingsNetwork/lorawan-devices, file vendor/adeunis/pulse-codec.yaml ' +
  '(commit 51878916c802e3b217ce37d9d4ac608cae01aa12)';

/** The Pulse 4 table. */
export const PULSE_4: AdeunisDevice = {
  id: 'adeunis/pulse-4',
  model: 'Pulse 4',
  category: 'water',
  description: 'Two-channel pulse reader for water, gas and electricity meters',
  fPort: 1,
  statusExtras: ['timestamp'],
  frames: [CONFIG, LEAK_THRESHOLDS, LEAK_TAMPER, networkConfigFrame(true), KEEP_ALIVE,
    SET_REGISTER_STATUS, COUNTERS, FLOW_ALARM, historyFrame(0x5a, 'A'), historyFrame(0x5b, 'B')],
  normalize(bytes): HarmonisedWater {
    const out: HarmonisedWater = { category: 'water' };
    const status = bytes['status'] as Obj | undefined;
    if (status !== undefined) out.lowBattery = status['lowBattery'] === true;
    // Counters are pulses; a volume needs the meter's weight per pulse, which the frames lack.
    if (typeof bytes['timestamp'] === 'string') out.readingTime = bytes['timestamp'] + 'Z';
    const chs = bytes['channels'];
    if (bytes['type'] === KEEP_ALIVE.type && chs instanceof Array) {
      out.leak = chs.some((c: Obj) => c['leakageAlarm'] === true);
      out.tamper = chs.some((c: Obj) => c['tamperAlarm'] === true);
    }
    return out;
  },
  examples: [
    {
      description: '0x5a Pulse 4 data - channel A', operation: 'decodeUplink', fPort: 1,
      bytesHex: '5a6700000127000100020003000414aba3e9',
      data: { bytes: {
        type: '0x5a Pulse 4 data - channel A',
        status: { frameCounter: 3, hardwareError: false, lowBattery: true,
          configurationDone: true, timestamp: true },
        timestamp: '2023-12-28T19:22:17.000',
        decodingInfo: 'counterValues: [t=0, t-1, t-2, ...]',
        counterValues: [295, 294, 292, 289, 285],
      } },
      source: SOURCE,
    },
  ],
};

/** Codec of the Adeunis Pulse 4. */
export const pulse4Codec: CodecDefinition = adeunisCodec(PULSE_4);
