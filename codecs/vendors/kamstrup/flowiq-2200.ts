/**
 * Kamstrup flowIQ 2200 water meter on LoRaWAN: an unencrypted wM-Bus application layer frame
 * (CI 0x78, 0x7A or 0x72, then EN 13757-3 records) as in Kamstrup's flowIQ 2200 LoRaWAN
 * integration guide: volume, date/time, an hourly inverse compact profile of volume, min/max
 * flow and temperatures, the info code (manufacturer VIFE 0x25) and ALD values.
 *
 * The output follows the reference driver in actility/device-catalog
 * (vendors/kamstrup/drivers/generic): `values` of `{Type, Value, Unit, Timestamp}` and
 * `latestVolume`. Record times come from the date/time record of the same storage number, else
 * from the frame's first date/time record (the guide's frames stamp storage 1 records with the
 * storage 1 time). Encrypted frames (security mode 5/7) are refused: loire holds no meter keys.
 */
import { fail, isCodecError } from '../../framework/codec-error.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { CodecDefinition, DecodeInput, EncodeInput } from '../../framework/types.js';
import { decodeOmsHeader, encodeOmsHeader } from '../../formats/oms/header.js';
import type { OmsFunction } from '../../formats/oms/dib.js';
import {
  decodeOmsRecords, encodeOmsRecords, type OmsRecordInput,
} from '../../formats/oms/records.js';
import { findRecordTime, resolveProfile } from '../../formats/oms/series.js';

/** One output value. */
export interface FlowIqValue {
  Type: string;
  Value: number | boolean | null;
  Unit: string;
  Timestamp: string | null;
}

/** Info code bits (Kamstrup manufacturer VIFE 0x25), bit 0 first. */
const INFOCODES = ['Dry', 'Reverse', 'Leak', 'Burst', 'Tamper', 'Low Battery',
  'Low Ambient Temperature', 'High Ambient Temperature'];

/** Kamstrup manufacturer VIFEs after VIF 0xFF. */
const MANUFACTURER: Record<number, string> = {
  0x25: 'Infocode', 0x1c: 'ALD last day', 0x16: 'Module type/config number', 0x1b: 'ALD',
};

/** Primary quantities the guide uses, with the driver's type names and units. */
const PRIMARY: Record<string, [string, string]> = {
  volume: ['Volume', 'm3'], volumeFlow: ['Volume flow', 'm3/h'],
  flowTemperature: ['Flow temperature', 'C'], externalTemperature: ['External temperature', 'C'],
};

const FN_PREFIX: Record<OmsFunction, string> = {
  instantaneous: '', maximum: 'Max ', minimum: 'Min ', error: 'Error state ',
};

const NO_BASE = 'Invalid uplink payload: Could not find base value for profile data';

/** The driver's rounding: value x 10^exponent, rounded to 10 decimals. */
function normalize(v: number, exponent: number): number {
  return Math.round(v * Math.pow(10, exponent) * 1e10) / 1e10;
}

/** Decodes a flowIQ 2200 uplink; returns data and warnings. */
export function decodeFlowIq(input: DecodeInput): { data: Record<string, unknown>;
  warnings: string[] } {
  const h = decodeOmsHeader(input.bytes, 0);
  const records = decodeOmsRecords(input.bytes, h.offset).records;
  const values: FlowIqValue[] = [];
  const warnings: string[] = [];
  const data: Record<string, unknown> = { values };
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.quantity === 'dateTime' || r.quantity === 'date') {
      if (r.value === null) warnings.push('Invalid value among timestamps');
      continue;
    }
    const time = findRecordTime(records, r.storage) ?? null;
    let type: string;
    let unit: string;
    if (r.vifTable === 'manufacturer' && r.vib.length === 2 && MANUFACTURER[r.vib[1]!]) {
      type = MANUFACTURER[r.vib[1]!]!;
      unit = 'NA';
    } else if (r.vifTable === 'primary' && PRIMARY[r.quantity]) {
      type = PRIMARY[r.quantity]![0];
      unit = PRIMARY[r.quantity]![1];
    } else {
      warnings.push(`Unsupported record ${i} (VIB ${r.vib.join(' ')}) skipped`);
      continue;
    }
    const names = r.vifeNames ?? [];
    // The info code is reported as its eight flags whatever its function field says (the
    // midnight log sends it as a maximum over the day).
    if (type === 'Infocode' && typeof r.value === 'number') {
      for (let b = 0; b < INFOCODES.length; b++) {
        values.push({ Type: INFOCODES[b]!, Value: (r.value & (1 << b)) !== 0, Unit: unit,
          Timestamp: time });
      }
      continue;
    }
    if (names.indexOf('accumulationNegativeOnly') >= 0) type = 'Reverse ' + type;
    type = FN_PREFIX[r.function] + type;
    if (r.profile) {
      let pts;
      try {
        pts = resolveProfile(records, i);
      } catch (e) {
        if (isCodecError(e)) fail(NO_BASE);
        throw e;
      }
      for (let k = 1; k < pts.length; k++) {
        const p = pts[k]!;
        if (p.value === null || p.time === undefined) {
          warnings.push('Invalid value among profile values or timestamps for profile values');
          break;
        }
        values.push({ Type: type, Value: normalize(p.value, r.exponent), Unit: unit,
          Timestamp: p.time });
      }
      continue;
    }
    let value: number | null = null;
    if (type === 'ALD last day' && r.value === 4095) value = null;
    else if (typeof r.value === 'number') value = normalize(r.value, r.exponent);
    if (value === null) {
      unit = 'Invalid';
      warnings.push('Invalid value among data');
    }
    values.push({ Type: type, Value: value, Unit: unit, Timestamp: time });
    if (type === 'Volume') data.latestVolume = value;
  }
  return { data, warnings };
}

/** VIF code, coding and exponent candidates per base type, for the encoder. */
const ENCODING: Record<string, { vifs: number[]; base: number; minExp: number;
  dataField: number; exps: number[] }> = {
  'Volume': { vifs: [0x13], base: 0x10, minExp: -6, dataField: 4,
    exps: [-3, -4, -5, -6, -2, -1, 0, 1] },
  'Volume flow': { vifs: [0x3b], base: 0x38, minExp: -6, dataField: 2,
    exps: [-3, -4, -5, -6, -2, -1, 0, 1] },
  'Flow temperature': { vifs: [0x5b], base: 0x58, minExp: -3, dataField: 1,
    exps: [0, -1, -2, -3] },
  'External temperature': { vifs: [0x67], base: 0x64, minExp: -3, dataField: 1,
    exps: [0, -1, -2, -3] },
  'ALD last day': { vifs: [0xff, 0x1c], base: -1, minExp: 0, dataField: 2, exps: [0] },
  'ALD': { vifs: [0xff, 0x1b], base: -1, minExp: 0, dataField: 2, exps: [0] },
  'Module type/config number': { vifs: [0xff, 0x16], base: -1, minExp: 0, dataField: 4,
    exps: [0] },
};

const SIZE: Record<number, number> = { 1: 1, 2: 2, 4: 4 };

function splitType(t: string): { fn: OmsFunction; reverse: boolean; base: string } {
  let fn: OmsFunction = 'instantaneous';
  for (const k in FN_PREFIX) {
    const p = FN_PREFIX[k as OmsFunction];
    if (p !== '' && t.indexOf(p) === 0) {
      fn = k as OmsFunction;
      t = t.substr(p.length);
    }
  }
  const reverse = t.indexOf('Reverse ') === 0;
  return { fn, reverse, base: reverse ? t.substr(8) : t };
}

/** Chooses VIB and raw integer for `value` of `base`, exact under the driver's rounding. */
function rawFor(base: string, value: number, what: string): { vib: number[]; raw: number;
  dataField: number } {
  const enc = ENCODING[base];
  if (!enc) return fail(`${what}: unsupported Type '${base}'`);
  if (enc.base < 0) return { vib: enc.vifs, raw: value, dataField: enc.dataField };
  const max = Math.pow(2, 8 * SIZE[enc.dataField]! - 1) - 1;
  for (let i = 0; i < enc.exps.length; i++) {
    const e = enc.exps[i]!;
    const raw = Math.round(value / Math.pow(10, e));
    if (Math.abs(raw) <= max && normalize(raw, e) === value) {
      return { vib: [enc.base + e - enc.minExp], raw, dataField: enc.dataField };
    }
  }
  return fail(`${what}: Value ${value} has no exact ${base} coding`);
}

/**
 * Encodes flowIQ data (the decoder's shape) into a CI 0x78 frame with storage-0 records and
 * one date/time record; a Volume followed by older Volume values becomes base value plus
 * inverse compact profile.
 */
export function encodeFlowIq(data: unknown): number[] {
  if (typeof data !== 'object' || data === null) return fail('flowiq: data must be an object');
  const values = (data as { values?: FlowIqValue[] }).values;
  if (!Array.isArray(values)) return fail('flowiq: values must be an array');
  const recs: OmsRecordInput[] = [];
  let time: string | null | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const what = `flowiq: values[${i}]`;
    if (time === undefined) time = v.Timestamp;
    if (v.Timestamp !== time) {
      fail(`${what}: all values but a volume profile must share one Timestamp`);
    }
    if (v.Type === INFOCODES[0]) {
      let code = 0;
      for (let b = 0; b < 8; b++) {
        const e = values[i + b];
        if (!e || e.Type !== INFOCODES[b] || e.Timestamp !== time) {
          fail(`${what}: info code needs its 8 flags in order, with one Timestamp`);
        }
        if (e!.Value === true) code |= 1 << b;
      }
      recs.push({ dataField: 2, function: 'instantaneous', storage: 0, vib: [0xff, 0x25],
        value: code });
      i += 7;
      continue;
    }
    const t = splitType(v.Type);
    if (t.base === 'Volume' && t.fn === 'instantaneous' && !t.reverse && v.Value !== null) {
      // Older volumes right after a volume form its inverse compact profile.
      const base = rawFor('Volume', v.Value as number, what);
      const raws = [base.raw];
      const times = [v.Timestamp];
      while (values[i + raws.length] && values[i + raws.length]!.Type === 'Volume' &&
        values[i + raws.length]!.Timestamp !== time) {
        const p = values[i + raws.length]!;
        raws.push(Math.round((p.Value as number) * Math.pow(10, 3)));
        times.push(p.Timestamp);
      }
      recs.push({ dataField: 4, function: 'instantaneous', storage: 0, vib: [0x13],
        value: base.raw });
      if (raws.length > 1) {
        if (base.vib[0] !== 0x13) fail(`${what}: a volume profile needs litre resolution`);
        const stepMs = Date.parse(times[0]!) - Date.parse(times[1]!);
        if (!(stepMs > 0 && stepMs % 3600000 === 0 && stepMs <= 250 * 3600000)) {
          fail(`${what}: profile times must step back by whole hours`);
        }
        const elements: number[] = [];
        for (let k = 1; k < raws.length; k++) elements.push(raws[k - 1]! - raws[k]!);
        let increments = true;
        for (let k = 0; k < elements.length; k++) if (elements[k]! < 0) increments = false;
        recs.push({ dataField: 0x0d, function: 'instantaneous', storage: 0, vib: [0x93, 0x13],
          value: null, profile: { kind: 'inverse',
            incrementMode: increments ? 'increments' : 'signedDifference',
            spacingUnit: 'hours', spacingValue: stepMs / 3600000, elementCoding: 2, elements } });
      }
      i += raws.length - 1;
      continue;
    }
    const enc = ENCODING[t.base];
    if (!enc) fail(`${what}: unsupported Type '${v.Type}'`);
    let rec: OmsRecordInput;
    if (v.Value === null) {
      const n = SIZE[enc!.dataField]!;
      let hex = '';
      for (let k = 0; k < n - 1; k++) hex += '00';
      rec = { dataField: enc!.dataField, function: t.fn, storage: 0, vib: enc!.vifs.slice(0, 1),
        value: null, invalid: true, dataHex: hex + '80' };
      if (enc!.base < 0) rec = { dataField: 2, function: t.fn, storage: 0, vib: enc!.vifs,
        value: 4095 };
    } else {
      const r = rawFor(t.base, v.Value as number, what);
      rec = { dataField: r.dataField, function: t.fn, storage: 0, vib: r.vib, value: r.raw };
    }
    if (t.reverse) rec.vib = [rec.vib[0]! | 0x80, 0x3c];
    recs.push(rec);
  }
  const out: number[] = [];
  encodeOmsHeader(out, { ci: 0x78, kind: 'none' });
  if (typeof time === 'string') {
    recs.unshift({ dataField: 4, function: 'instantaneous', storage: 0, vib: [0x6d],
      value: time });
  }
  const body = encodeOmsRecords(recs);
  for (let i = 0; i < body.length; i++) out.push(body[i]!);
  return out;
}

/** Harmonised view: latest volume, info code flags, time. */
export function normalizeFlowIq(data: unknown): HarmonisedWater {
  const d = data as { values: FlowIqValue[]; latestVolume?: number | null };
  const out: HarmonisedWater = { category: 'water' };
  if (typeof d.latestVolume === 'number') out.volumeM3 = d.latestVolume;
  for (let i = 0; i < d.values.length; i++) {
    const v = d.values[i]!;
    if (v.Type === 'Volume' && v.Value === d.latestVolume && v.Timestamp) {
      out.readingTime = v.Timestamp;
    }
    if (v.Type === 'Leak' || v.Type === 'Burst') out.leak = out.leak === true || v.Value === true;
    if (v.Type === 'Reverse') out.backflow = v.Value === true;
    if (v.Type === 'Tamper') out.tamper = v.Value === true;
    if (v.Type === 'Low Battery') out.lowBattery = v.Value === true;
  }
  return out;
}

/** The Kamstrup flowIQ 2200 codec. */
export const flowIq2200Codec: CodecDefinition = {
  id: 'kamstrup/flowiq-2200',
  vendor: 'kamstrup',
  model: 'flowiq-2200',
  category: 'water',
  description: 'Kamstrup flowIQ 2200 water meter: wM-Bus (EN 13757-3) records over LoRaWAN.',
  uplinkFPorts: [1],
  downlinkFPorts: [],
  messageTypes: [
    { name: 'daily', direction: 'uplink', fPorts: [1],
      description: 'Volume, date/time, info code, min/max flow and temperatures, ALD' },
    { name: 'profile', direction: 'uplink', fPorts: [1],
      description: 'Volume with an hourly inverse compact profile' },
    { name: 'installation', direction: 'uplink', fPorts: [1],
      description: 'Long-header frame with the module type / config number' },
  ],
  decodeUplink(input: DecodeInput) {
    return decodeFlowIq(input);
  },
  encodeUplink(input: EncodeInput) {
    return { bytes: encodeFlowIq(input.data), fPort: 1 };
  },
  normalizeUplink: normalizeFlowIq,
  uplinkSchema: {
    type: 'object',
    required: ['values'],
    properties: {
      values: { type: 'array', items: { type: 'object',
        required: ['Type', 'Value', 'Unit', 'Timestamp'] } },
      latestVolume: { type: ['number', 'null'] },
    },
  },
  examples: [{
    description: 'Date/time and volume: 1 m3 at 2024-01-01 12:00',
    operation: 'decodeUplink', fPort: 1, bytesHex: '78046d002c01310413e8030000',
    data: { values: [{ Type: 'Volume', Value: 1, Unit: 'm3',
      Timestamp: '2024-01-01T12:00:00.000Z' }], latestVolume: 1 },
    source: 'loire, bytes assembled by hand from EN 13757-3; output shaped as the reference ' +
      'driver (actility/device-catalog vendors/kamstrup/drivers/generic)',
  }],
};
