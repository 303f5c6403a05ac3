/**
 * Sensus iPERL water meter with its LoRaWAN OMS module: an OMS frame (CI 0x7A short header or
 * 0x72 long header, EN 13757-3 records) on FPort 20, as in Sensus' iPERL LoRaWAN OMS telegram
 * description (SND-NR normal and SND-ALARM telegrams: current volume, date/time, and an
 * inverse compact profile of hourly volumes).
 *
 * The output follows the shape of the reference decoder in TheThingsNetwork/lorawan-devices
 * (vendor/sensus/iperl-oms.js): header fields, status alarms, and one entry per record with
 * `dif`, `vif`, `vifType`, `unit`, `symbol`, `exponent`, `value`, `scaledValue`, `strValue`,
 * and for a compact profile the resolved `values`, oldest first. Names of units and types that
 * the reference example does not show are loire's (upper snake case of the OMS quantity).
 */
import { fail } from '../../framework/codec-error.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { CodecDefinition, DecodeInput, EncodeInput } from '../../framework/types.js';
import { omsStatusAlarms } from '../../formats/oms/codec.js';
import { encodeDib, type OmsFunction } from '../../formats/oms/dib.js';
import { decodeOmsHeader, encodeOmsHeader, mediumName, type OmsHeader }
  from '../../formats/oms/header.js';
import { decodeOmsRecords, encodeOmsRecords, type OmsRecord, type OmsRecordInput }
  from '../../formats/oms/records.js';
import { decodeDib } from '../../formats/oms/dib.js';
import { resolveProfile } from '../../formats/oms/series.js';
import { extensionFbVif, extensionFdVif, primaryVif } from '../../formats/oms/vif-tables.js';
import type { OmsProfile } from '../../formats/oms/profile.js';

/** One record as the iPERL decoder reports it. */
export interface IperlRecord {
  dif: number;
  exponent: number;
  function: number;
  isCompactProfile: true | null;
  scaledValue: number | null;
  storage: number;
  strValue: string | null;
  subUnit: number;
  symbol: string | null;
  tariff: number;
  unit: string | null;
  value: number | null;
  values: IperlPoint[] | null;
  vif: number;
  vifType: string;
}

/** One resolved profile value. */
export interface IperlPoint { scaledValue: number; storage: number; timestamp: number;
  value: number }

const UNITS: Record<string, [string, string]> = {
  'm3': ['M3', 'm^3'], 'Wh': ['WH', 'Wh'], 'J': ['J', 'J'], 'kg': ['KG', 'kg'], 'W': ['W', 'W'],
  'J/h': ['J_H', 'J/h'], 'm3/h': ['M3_H', 'm^3/h'], 'm3/min': ['M3_MIN', 'm^3/min'],
  'm3/s': ['M3_S', 'm^3/s'], 'kg/h': ['KG_H', 'kg/h'], '°C': ['C', '°C'], 'K': ['K', 'K'],
  'bar': ['BAR', 'bar'], 's': ['SECONDS', 's'], 'min': ['MINUTES', 'min'], 'h': ['HOURS', 'h'],
  'd': ['DAYS', 'd'], 'V': ['V', 'V'], 'A': ['A', 'A'], 'dBm': ['DBM', 'dBm'],
};

const FUNCTIONS: OmsFunction[] = ['instantaneous', 'maximum', 'minimum', 'error'];

function snake(quantity: string): string {
  if (quantity === 'date' || quantity === 'dateTime') return 'TIME_POINT';
  return quantity.replace(/([A-Z])/g, '_$1').toUpperCase();
}

function difNumber(r: OmsRecord): number {
  const b: number[] = [];
  encodeDib(b, r, 'iperl');
  let n = 0;
  for (let i = b.length - 1; i >= 0; i--) n = n * 256 + b[i]!;
  return n;
}

function unixSeconds(iso: string): number {
  return Date.parse(iso.length === 10 ? iso + 'T00:00:00Z' : iso) / 1000;
}

function iperlRecord(records: OmsRecord[], i: number): IperlRecord {
  const r = records[i]!;
  const isDate = r.quantity === 'date' || r.quantity === 'dateTime';
  const u = UNITS[r.unit];
  const out: IperlRecord = {
    dif: difNumber(r),
    exponent: r.exponent,
    function: FUNCTIONS.indexOf(r.function),
    isCompactProfile: r.profile ? true : null,
    scaledValue: null,
    storage: r.storage,
    strValue: null,
    subUnit: r.subUnit,
    symbol: isDate ? null : u ? u[1] : r.unit || null,
    tariff: r.tariff,
    unit: isDate ? (r.quantity === 'date' ? 'DATE' : 'DATETIME') : u ? u[0] : r.unit || null,
    value: null,
    values: null,
    vif: r.vifCode,
    vifType: snake(r.quantity),
  };
  if (isDate && typeof r.value === 'string') {
    out.value = unixSeconds(r.value);
    out.strValue = r.value.length === 10 ? r.value
      : r.value.substr(0, 10) + ' ' + r.value.substr(11, 8);
  } else if (typeof r.value === 'number') {
    out.value = r.value;
    // The reference multiplies by 10^exponent (hence 25041.529000000002); so does loire here.
    out.scaledValue = r.value * Math.pow(10, r.exponent);
  } else if (typeof r.value === 'string') {
    out.strValue = r.value;
  }
  if (r.profile) {
    const pts = resolveProfile(records, i);
    const values: IperlPoint[] = [];
    for (let k = pts.length - 1; k >= 0; k--) {
      const p = pts[k]!;
      if (p.value === null || p.time === undefined) {
        fail(`iperl: profile point for storage ${p.storage} has no value or time`);
      }
      values.push({ scaledValue: p.value * Math.pow(10, r.exponent), storage: p.storage,
        timestamp: Date.parse(p.time) / 1000, value: p.value });
    }
    out.values = values;
  }
  return out;
}

/** Decodes an iPERL OMS uplink. */
export function decodeIperl(input: DecodeInput): Record<string, unknown> {
  if (input.fPort !== 20) fail(`iperl: invalid FPort ${input.fPort} (expected 20)`);
  const h = decodeOmsHeader(input.bytes, 0);
  if (h.header.kind === 'none') fail('iperl: CI 0x78 carries no status; expected 0x7a or 0x72', 0);
  const recs = decodeOmsRecords(input.bytes, h.offset);
  const hd = h.header;
  const records: IperlRecord[] = [];
  for (let i = 0; i < recs.records.length; i++) records.push(iperlRecord(recs.records, i));
  const out: Record<string, unknown> = {
    accessNo: hd.accessNo,
    alarms: omsStatusAlarms(hd.status!),
    config: hd.configuration,
    device: hd.deviceType !== undefined ? mediumName(hd.deviceType).toUpperCase() : null,
    identificationNo: hd.identificationNo ?? null,
    manufacturer: hd.manufacturer ?? null,
    manufacturerCode: hd.manufacturerCode ?? null,
    records,
    status: hd.status,
    version: hd.version ?? null,
  };
  if (recs.manufacturerData !== undefined) out.manufacturerData = recs.manufacturerData;
  return out;
}

/** Finds the VIF table and code for a reported `vif` and `vifType`. */
function vibFor(r: IperlRecord, what: string): number[] {
  const tries: [number[], ReturnType<typeof primaryVif>][] = [
    [[r.vif], primaryVif(r.vif)],
    [[0xfd, r.vif], extensionFdVif(r.vif)],
    [[0xfb, r.vif], extensionFbVif(r.vif)],
  ];
  for (let i = 0; i < tries.length; i++) {
    const m = tries[i]![1];
    if (m && snake(m.quantity) === r.vifType) return tries[i]![0];
  }
  return fail(`${what}: no VIF ${r.vif} of type ${r.vifType}`);
}

/** Picks the spacing of a profile from the step between its timestamps. */
function spacingOf(stepS: number, what: string): Pick<OmsProfile, 'spacingUnit' | 'spacingValue'> {
  if (stepS > 0 && stepS <= 250) return { spacingUnit: 'seconds', spacingValue: stepS };
  if (stepS % 60 === 0 && stepS / 60 <= 250) {
    return { spacingUnit: 'minutes', spacingValue: stepS / 60 };
  }
  if (stepS % 3600 === 0 && stepS / 3600 <= 250) {
    return { spacingUnit: 'hours', spacingValue: stepS / 3600 };
  }
  if (stepS % 86400 === 0 && stepS / 86400 <= 250) {
    return { spacingUnit: 'days', spacingValue: stepS / 86400 };
  }
  return fail(`${what}: profile step of ${stepS} s has no compact-profile spacing`);
}

function toInput(r: IperlRecord, what: string): OmsRecordInput {
  const dibBytes: number[] = [];
  for (let n = r.dif; n > 0 || dibBytes.length === 0; n = Math.floor(n / 256)) {
    dibBytes.push(n % 256);
  }
  const dib = decodeDib(dibBytes, 0, what).dib;
  const vib = vibFor(r, what);
  const base: OmsRecordInput = { dataField: dib.dataField, function: dib.function,
    storage: dib.storage, tariff: dib.tariff, subUnit: dib.subUnit, vib, value: r.value };
  if (r.isCompactProfile) {
    const vals = r.values;
    if (!Array.isArray(vals) || vals.length < 2) fail(`${what}: a profile needs 2+ values`);
    const sp = spacingOf(vals[1]!.timestamp - vals[0]!.timestamp, what);
    const elements: number[] = [];
    for (let k = vals.length - 1; k > 0; k--) elements.push(vals[k]!.value - vals[k - 1]!.value);
    base.vib = vib.slice(0, vib.length - 1).concat([vib[vib.length - 1]! | 0x80, 0x13]);
    base.value = null;
    base.profile = { kind: 'inverse', incrementMode: 'signedDifference',
      spacingUnit: sp.spacingUnit, spacingValue: sp.spacingValue, elementCoding: 2, elements };
  } else if (r.unit === 'DATETIME' || r.unit === 'DATE') {
    base.value = r.value === null ? null
      : new Date(r.value * 1000).toISOString().substr(0, r.unit === 'DATE' ? 10 : 24);
  }
  return base;
}

/** Encodes iPERL data (the decoder's shape) to an OMS frame. */
export function encodeIperl(data: unknown): number[] {
  if (typeof data !== 'object' || data === null) return fail('iperl: data must be an object');
  const d = data as Record<string, unknown>;
  const header: OmsHeader = d.identificationNo === null || d.identificationNo === undefined
    ? { ci: 0x7a, kind: 'short' }
    : { ci: 0x72, kind: 'long', identificationNo: d.identificationNo as number,
      manufacturer: d.manufacturer as string, version: d.version as number,
      deviceType: deviceCode(d.device) };
  header.accessNo = d.accessNo as number;
  header.status = d.status as number;
  header.configuration = d.config as number;
  const out: number[] = [];
  encodeOmsHeader(out, header);
  const recs = d.records;
  if (!Array.isArray(recs)) return fail('iperl: records must be an array');
  const inputs: OmsRecordInput[] = [];
  for (let i = 0; i < recs.length; i++) inputs.push(toInput(recs[i], `iperl: records[${i}]`));
  const body = encodeOmsRecords(inputs);
  for (let i = 0; i < body.length; i++) out.push(body[i]!);
  return out;
}

function deviceCode(device: unknown): number {
  for (let c = 0; c < 256; c++) if (mediumName(c).toUpperCase() === device) return c;
  return fail(`iperl: unknown device ${String(device)}`);
}

/** Harmonised view: current volume and time (storage of the newest volume), battery. */
export function normalizeIperl(data: unknown): HarmonisedWater {
  const d = data as { records: IperlRecord[]; alarms: string[] };
  const out: HarmonisedWater = { category: 'water' };
  let vol: IperlRecord | undefined;
  for (let i = 0; i < d.records.length; i++) {
    const r = d.records[i]!;
    if (r.vifType === 'VOLUME' && r.unit === 'M3' && r.scaledValue !== null && r.function === 0 &&
      (!vol || r.storage < vol.storage)) vol = r;
  }
  if (vol) {
    out.volumeM3 = vol.value! / Math.pow(10, -vol.exponent);
    for (let i = 0; i < d.records.length; i++) {
      const r = d.records[i]!;
      if (r.unit === 'DATETIME' && r.storage === vol.storage && r.value !== null) {
        out.readingTime = new Date(r.value * 1000).toISOString();
      }
    }
  }
  out.lowBattery = d.alarms.indexOf('LOW_BATTERY') >= 0;
  return out;
}

/** The Sensus iPERL codec. */
export const iperlCodec: CodecDefinition = {
  id: 'sensus/iperl',
  vendor: 'sensus',
  model: 'iperl',
  category: 'water',
  description: 'Sensus iPERL water meter, OMS telegrams (EN 13757-3 records) on FPort 20.',
  uplinkFPorts: [20],
  downlinkFPorts: [],
  messageTypes: [
    { name: 'snd_nr', direction: 'uplink', fPorts: [20],
      description: 'OMS telegram: volume, date/time, hourly inverse compact profile' },
    { name: 'snd_alarm', direction: 'uplink', fPorts: [20],
      description: 'OMS telegram sent on alarm; status byte carries the alarm bits' },
  ],
  decodeUplink(input: DecodeInput) {
    return { data: decodeIperl(input) };
  },
  encodeUplink(input: EncodeInput) {
    return { bytes: encodeIperl(input.data), fPort: 20 };
  },
  normalizeUplink: normalizeIperl,
  uplinkSchema: {
    type: 'object',
    required: ['accessNo', 'status', 'records'],
    properties: {
      accessNo: { type: 'integer' },
      alarms: { type: 'array', items: { type: 'string' } },
      records: { type: 'array', items: { type: 'object', required: ['dif', 'vif', 'vifType'] } },
    },
  },
  examples: [{
    description: 'Short-header telegram: 10 m3 at 2024-01-01 12:00',
    operation: 'decodeUplink', fPort: 20, bytesHex: '7a01000000041310270000046d002c0131',
    data: { accessNo: 1, alarms: [], config: 0, device: null, identificationNo: null,
      manufacturer: null, manufacturerCode: null, records: [
        { dif: 4, exponent: -3, function: 0, isCompactProfile: null, scaledValue: 10,
          storage: 0, strValue: null, subUnit: 0, symbol: 'm^3', tariff: 0, unit: 'M3',
          value: 10000, values: null, vif: 19, vifType: 'VOLUME' },
        { dif: 4, exponent: 0, function: 0, isCompactProfile: null, scaledValue: null,
          storage: 0, strValue: '2024-01-01 12:00:00', subUnit: 0, symbol: null, tariff: 0,
          unit: 'DATETIME', value: 1704110400, values: null, vif: 109, vifType: 'TIME_POINT' },
      ], status: 0, version: null },
    source: 'loire, bytes assembled by hand from the iPERL OMS layout; output shaped as the ' +
      'TTN reference decoder (vendor/sensus/iperl-oms.js)',
  }],
};
