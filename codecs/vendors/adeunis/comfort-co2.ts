/**
 * Adeunis Comfort CO2 (LoRaWAN): temperature, humidity and CO2 with history, daily summary
 * and threshold alarms (Adeunis "COMFORT CO2" technical reference manual; frame layouts as in
 * the vendor's codec, TheThingsNetwork/lorawan-devices `vendor/adeunis`).
 */
import { fail } from '../../framework/codec-error.js';
import {
  need, readIntBE, readUintBE, writeIntBE, writeUintBE,
} from '../../framework/bytes.js';
import type { HarmonisedAir } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { type AdeunisDevice, adeunisCodec } from './format/codec.js';
import {
  needLength, readTimestamp, timestampBytes, valueOf, writeTimestamp,
} from './format/fields.js';
import type { AdeunisFrame } from './format/frame.js';
import { SET_REGISTER_STATUS, networkConfigFrame } from './format/generic-frames.js';

type Obj = Record<string, unknown>;

const DEG_C = '\u00b0C';

function tenths(v: number, name: string, what: string): number {
  const raw = Math.round(v * 10);
  if (Math.abs(raw / 10 - v) > 1e-9) fail(`${what}: ${name} ${v} is not a multiple of 0.1`);
  return raw;
}

/** 0x10: application configuration. */
const CONFIG: AdeunisFrame = {
  code: 0x10, type: '0x10 Comfort CO2 configuration', direction: 'uplink',
  description: 'Application configuration (answer to downlink 0x01, or at start-up)',
  decode(b) {
    const what = '0x10 Comfort CO2 configuration';
    needLength(b, [11, 13], what);
    const hist = readUintBE(b, 4, 2, what);
    const samples = readUintBE(b, 6, 2, what);
    const period = readUintBE(b, 8, 2, what);
    const out: Obj = {
      dailyFrameActivated: readUintBE(b, 2, 2, what) !== 0,
      numberOfHistorizationBeforeSending: hist,
      numberOfSamplingBeforeHistorization: samples,
      samplingPeriod: { unit: 's', value: period * 2 },
      redundantSamples: b[10],
      calculatedPeriodRecording: { unit: 's', value: period * samples * 2 },
      calculatedSendingPeriod: { unit: 's', value: period * samples * hist * 2 },
    };
    if (b.length === 13) {
      out['blackOutDuration'] = { unit: 'h', value: b[11] };
      out['blackOutStartTime'] = { unit: 'h', value: b[12] };
    }
    return out;
  },
  encode(d) {
    const what = '0x10 Comfort CO2 configuration';
    const out = [0, d['dailyFrameActivated'] === true ? 1 : 0];
    writeUintBE(out, d['numberOfHistorizationBeforeSending'] as number, 2, what);
    writeUintBE(out, d['numberOfSamplingBeforeHistorization'] as number, 2, what);
    const period = valueOf(d['samplingPeriod'], 'samplingPeriod', what);
    if (period % 2 !== 0) fail(`${what}: samplingPeriod counts 2-second steps`);
    writeUintBE(out, period / 2, 2, `${what} samplingPeriod`);
    writeUintBE(out, d['redundantSamples'] as number, 1, `${what} redundantSamples`);
    if (d['blackOutDuration'] !== undefined) {
      writeUintBE(out, valueOf(d['blackOutDuration'], 'blackOutDuration', what), 1, what);
      writeUintBE(out, valueOf(d['blackOutStartTime'], 'blackOutStartTime', what), 1, what);
    }
    return out;
  },
};

/** 0x30: daily summary (maximum and minimum, and on recent firmware averages). */
const DAILY: AdeunisFrame = {
  code: 0x30, type: '0x30 Comfort CO2 Daily frame', direction: 'uplink',
  description: 'Daily summary: extremes and averages of the last day, air quality icon',
  decode(b, status) {
    const what = '0x30 Comfort CO2 Daily frame';
    const ts = timestampBytes(status);
    needLength(b, ts === 0 ? [11, 19] : [23], what);
    const out: Obj = {};
    readTimestamp(b, status, 19, out, what);
    out['icone'] = b[2];
    out['qaiRedDuration'] = { unit: 'min', value: b[3]! * 10 };
    out['temperatureMax'] = { unit: DEG_C, value: readIntBE(b, 4, 2, what) / 10 };
    out['co2Max'] = { unit: 'ppm', value: readUintBE(b, 6, 2, what) };
    out['humidityMax'] = { unit: '%', value: b[8] };
    out['temperatureMin'] = { unit: DEG_C, value: readIntBE(b, 9, 2, what) / 10 };
    if (b.length >= 19) {
      out['co2Min'] = { unit: 'ppm', value: readUintBE(b, 11, 2, what) };
      out['humidityMin'] = { unit: '%', value: b[13] };
      out['temperatureAverage'] = { unit: DEG_C, value: readIntBE(b, 14, 2, what) / 10 };
      out['co2Average'] = { unit: 'ppm', value: readUintBE(b, 16, 2, what) };
      out['humidityAverage'] = { unit: '%', value: b[18] };
    }
    return out;
  },
  encode(d, status) {
    const what = '0x30 Comfort CO2 Daily frame';
    const out: number[] = [];
    writeUintBE(out, d['icone'] as number, 1, `${what} icone`);
    const red = valueOf(d['qaiRedDuration'], 'qaiRedDuration', what);
    if (red % 10 !== 0) fail(`${what}: qaiRedDuration counts 10-minute steps`);
    writeUintBE(out, red / 10, 1, what);
    const t = (k: string): void =>
      writeIntBE(out, tenths(valueOf(d[k], k, what), k, what), 2, what);
    const u = (k: string, n: number): void => writeUintBE(out, valueOf(d[k], k, what), n, what);
    t('temperatureMax');
    u('co2Max', 2);
    u('humidityMax', 1);
    t('temperatureMin');
    if (d['co2Min'] !== undefined || status['timestamp'] === true) {
      u('co2Min', 2);
      u('humidityMin', 1);
      t('temperatureAverage');
      u('co2Average', 2);
      u('humidityAverage', 1);
    }
    writeTimestamp(out, status, d, what);
    return out;
  },
};

/** 0x6A: measurements, newest first, 5 bytes each (temperature, humidity, CO2). */
const DATA: AdeunisFrame = {
  code: 0x6a, type: '0x6a Comfort CO2 data', direction: 'uplink',
  description: 'Temperature, humidity and CO2 with recent history',
  decode(b, status) {
    const what = '0x6a Comfort CO2 data';
    const end = b.length - timestampBytes(status);
    need(b, 0, 7 + timestampBytes(status), what);
    if ((end - 2) % 5 !== 0) fail(`${what}: measurements take 5 bytes each, got ${end - 2}`, 2);
    const out: Obj = {};
    readTimestamp(b, status, end, out, what);
    const temp: number[] = [];
    const hum: number[] = [];
    const co2: number[] = [];
    for (let o = 2; o < end; o += 5) {
      // Signed: below-zero temperatures read as unsigned are a fault seen in other decoders.
      temp.push(readIntBE(b, o, 2, what) / 10);
      hum.push(b[o + 2]!);
      co2.push(readUintBE(b, o + 3, 2, what));
    }
    out['decodingInfo'] = 'values: [t=0, t-1, t-2, ...]';
    out['temperature'] = { unit: DEG_C, values: temp };
    out['humidity'] = { unit: '%', values: hum };
    out['co2'] = { unit: 'ppm', values: co2 };
    return out;
  },
  encode(d, status) {
    const what = '0x6a Comfort CO2 data';
    const list = (k: string): number[] => {
      const v = d[k] as { values?: unknown } | undefined;
      if (v === undefined || !(v.values instanceof Array)) fail(`${what}: ${k}.values required`);
      return v.values as number[];
    };
    const temp = list('temperature');
    const hum = list('humidity');
    const co2 = list('co2');
    if (temp.length === 0 || hum.length !== temp.length || co2.length !== temp.length) {
      fail(`${what}: temperature, humidity and co2 need the same number of values`);
    }
    const out: number[] = [];
    for (let i = 0; i < temp.length; i++) {
      writeIntBE(out, tenths(temp[i]!, 'temperature', what), 2, what);
      writeUintBE(out, hum[i]!, 1, `${what} humidity`);
      writeUintBE(out, co2[i]!, 2, `${what} co2`);
    }
    writeTimestamp(out, status, d, what);
    return out;
  },
};

/** 0x6B: threshold alarm states with the current values. */
const ALARM: AdeunisFrame = {
  code: 0x6b, type: '0x6b Comfort CO2 alarm', direction: 'uplink',
  description: 'Threshold alarms on temperature, humidity and CO2',
  decode(b, status) {
    const what = '0x6b Comfort CO2 alarm';
    needLength(b, [8 + timestampBytes(status)], what);
    const out: Obj = {};
    readTimestamp(b, status, 8, out, what);
    const f = b[2]!;
    const state = (bit: number): string => ((f & bit) !== 0 ? 'active' : 'inactive');
    out['alarmTemperature'] = { alarmStatus: state(0x10),
      temperature: { unit: DEG_C, value: readIntBE(b, 3, 2, what) / 10 } };
    out['alarmHumidity'] = { alarmStatus: state(0x01), humidity: { unit: '%', value: b[5] } };
    // CO2 in ppm is unsigned; the vendor's codec reads it signed, which differs only above
    // 32767 ppm, beyond the sensor's range.
    out['alarmCo2'] = { alarmStatus: state(0x20),
      co2: { unit: 'ppm', value: readUintBE(b, 6, 2, what) } };
    return out;
  },
  encode(d, status) {
    const what = '0x6b Comfort CO2 alarm';
    const get = (k: string): Obj => {
      const v = d[k];
      if (typeof v !== 'object' || v === null) fail(`${what}: ${k} is required`);
      return v as Obj;
    };
    const t = get('alarmTemperature');
    const h = get('alarmHumidity');
    const c = get('alarmCo2');
    const out = [(t['alarmStatus'] === 'active' ? 0x10 : 0) |
      (h['alarmStatus'] === 'active' ? 0x01 : 0) | (c['alarmStatus'] === 'active' ? 0x20 : 0)];
    writeIntBE(out, tenths(valueOf(t['temperature'], 'temperature', what), 'temperature', what),
      2, what);
    writeUintBE(out, valueOf(h['humidity'], 'humidity', what), 1, what);
    writeUintBE(out, valueOf(c['co2'], 'co2', what), 2, what);
    writeTimestamp(out, status, d, what);
    return out;
  },
};

const SOURCE = 'TheThingsNetwork/lorawan-devices, file vendor/adeunis/comfort-co2-codec.yaml ' +
  '(commit fb1768d34b13cc15fe1be9d2acdbfaa7e8f9999e)';

/** The Comfort CO2 table. */
export const COMFORT_CO2: AdeunisDevice = {
  id: 'adeunis/comfort-co2',
  model: 'Comfort CO2',
  category: 'air',
  description: 'Indoor temperature, humidity and CO2 sensor',
  fPort: 1,
  statusExtras: ['configurationInconsistency', 'timestamp'],
  // 0x20 and 0x33 are the product family's shared frames; the vendor's TTN codec for this
  // model lists only 0x10, 0x30, 0x6a and 0x6b.
  frames: [CONFIG, networkConfigFrame(true), DAILY, SET_REGISTER_STATUS, DATA, ALARM],
  normalize(bytes): HarmonisedAir {
    const out: HarmonisedAir = { category: 'air' };
    const status = bytes['status'] as Obj | undefined;
    if (status !== undefined) out.lowBattery = status['lowBattery'] === true;
    if (typeof bytes['timestamp'] === 'string') out.readingTime = bytes['timestamp'] + 'Z';
    const first = (k: string): number | undefined => {
      const v = bytes[k] as { values?: number[] } | undefined;
      return v !== undefined && v.values instanceof Array ? v.values[0] : undefined;
    };
    const t = first('temperature');
    const h = first('humidity');
    const c = first('co2');
    if (t !== undefined) out.temperatureC = t;
    if (h !== undefined) out.humidityPercent = h;
    if (c !== undefined) out.co2Ppm = c;
    return out;
  },
  examples: [
    {
      description: '0x6a Comfort CO2 data', operation: 'decodeUplink', fPort: 1,
      bytesHex: '6a8001b33e01a401b43f01a5',
      data: { bytes: {
        type: '0x6a Comfort CO2 data',
        status: { frameCounter: 4, hardwareError: false, lowBattery: false,
          configurationDone: false, configurationInconsistency: false, timestamp: false },
        decodingInfo: 'values: [t=0, t-1, t-2, ...]',
        temperature: { unit: DEG_C, values: [43.5, 43.6] },
        humidity: { unit: '%', values: [62, 63] },
        co2: { unit: 'ppm', values: [420, 421] },
      } },
      source: SOURCE,
    },
  ],
};

/** Codec of the Adeunis Comfort CO2. */
export const comfortCo2Codec: CodecDefinition = adeunisCodec(COMFORT_CO2);
