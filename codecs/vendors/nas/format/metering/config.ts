/**
 * CM30xx configuration (FPort 50) and configuration requests (FPort 49), NAS "CM3xxx payload
 * description" §"Configuration". The general configuration starts with two bytes of flags
 * saying which parameters follow; unit-bearing names take the meter unit once the meter
 * format is among them (`meter_accumulated_volume__m3`, `meter_nominal_flow__m3_per_h`).
 */
import { fail } from '../../../../framework/codec-error.js';
import {
  type Reader, type Writer, bit, bitsByte, i32, i8, raw, u16, u32, u64, u8, w16, w32, w64,
  w8, wi32, wi8,
} from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, boolField, codeOf, intValue, numField, strField, utf8Decode, utf8Encode,
} from '../values.js';
import {
  decodeMeterFormat, encodeMeterFormat, meterSchemas, serialNumber, serialText,
} from './meter-fields.js';

/** LoRaWAN reporting profiles of the NAS meter readers. */
export const LORAWAN_PROFILE: Record<number, string> = {
  0x00: 'lorawan_disabled', 0x01: 'lorawan_24_h_privacy', 0x02: 'lorawan_24_h',
  0x03: 'lorawan_12_h', 0x07: 'lorawan_1_h_static', 0x08: 'lorawan_15_min_static',
  0x17: 'lorawan_1_h_dynamic', 0x18: 'lorawan_15_min_dynamic',
};
/** Wireless M-Bus profiles of the NAS meter readers. */
export const WMBUS_PROFILE: Record<number, string> = {
  0x00: 'wmbus_disabled', 0x01: 'wmbus_privacy', 0x02: 'wmbus_driveby', 0x03: 'wmbus_fixnet',
};

function lookup(table: Record<number, string>, r: Reader, field: string): string {
  const v = u8(r, field);
  const name = table[v];
  if (name === undefined) {
    fail(`${r.what}: invalid ${field} 0x${v.toString(16)} at offset ${r.offset - 1}`,
      r.offset - 1);
  }
  return name;
}

/**
 * The integer `r` whose `r / scale` is `v`, as the decoder computed it. Near 2^53 / scale
 * (a 64-bit volume in litres) `v * scale` can miss by one: 4400269694098.688 m3 times 1000
 * rounds to ...689, which would not decode back to the same volume.
 */
function unscale(v: number, scale: number): number {
  const r = Math.round(v * scale);
  if (r / scale === v) return r;
  if ((r - 1) / scale === v) return r - 1;
  if ((r + 1) / scale === v) return r + 1;
  return r;
}

/** Optional parameters in flag order (bits 0-12 of the two flag bytes). */
const PARAMS = ['radio_lorawan_profile', 'radio_wmbus_profile', 'meter_serial',
  'meter_multiplier', 'meter_accumulated_volume', 'meter_accumulated_volume_offset',
  'meter_nominal_flow', 'alert_backflow_threshold', 'alert_broken_pipe_threshold',
  'alert_continuous_flow_enabled', 'alert_no_usage_interval__days', 'alert_tamper_enabled',
  'alert_temperature_threshold'];

/** Field names with their unit suffixes, as the vendor builds them. */
function names(unit: string | undefined): Record<string, string> {
  const u = unit === undefined ? '' : '__' + unit;
  const perH = unit === undefined ? '' : u + '_per_h';
  return {
    meter_accumulated_volume: 'meter_accumulated_volume' + u,
    meter_accumulated_volume_offset: 'meter_accumulated_volume_offset' + u,
    meter_nominal_flow: 'meter_nominal_flow' + perH,
    alert_broken_pipe_threshold: 'alert_broken_pipe_threshold' + perH,
  };
}

function thousandthsOrDisabled(v: number): number | string {
  return v === 0 ? 'disabled' : v / 1000;
}

function rawThousandths(v: unknown, max: number, what: string): number {
  if (v === 'disabled') return 0;
  if (typeof v !== 'number') fail(`${what}: expected a number or 'disabled'`);
  return intValue(Math.round(v * 1000), 1, max, what);
}

/** General configuration: radio profiles, meter settings and alert thresholds. */
export const GENERAL_CONFIG: NasPacket = {
  name: 'general_configuration_packet', fPort: 50, header: 0x20, direction: 'both',
  packetDescription: 'Radio profiles, meter serial/format/index/flow and alert thresholds',
  matchesFrame: (bytes) => bytes.length > 1,
  decode(r, out) {
    const flags = u16(r, 'parameter flags');
    const has = (i: number): boolean => bit(flags, i);
    if (has(0)) out['radio_lorawan_profile'] = lookup(LORAWAN_PROFILE, r, 'radio_lorawan_profile');
    if (has(1)) out['radio_wmbus_profile'] = lookup(WMBUS_PROFILE, r, 'radio_wmbus_profile');
    if (has(2)) out['meter_serial'] = serialText(u32(r, 'meter_serial'));
    let unit: string | undefined;
    if (has(3)) {
      const f = decodeMeterFormat(u8(r, 'meter format'), r.what, r.offset - 1);
      out['meter_multiplier'] = f.multiplier;
      out['meter_medium'] = f.medium;
      out['meter_unit'] = f.unit;
      out['privacy_mode_active'] = f.privacy;
      unit = f.unit;
    }
    const n = names(unit);
    if (has(4)) out[n['meter_accumulated_volume']!] = u64(r, 'meter_accumulated_volume') / 1000;
    if (has(5)) {
      out[n['meter_accumulated_volume_offset']!] =
        i32(r, 'meter_accumulated_volume_offset') / 1000;
    }
    if (has(6)) out[n['meter_nominal_flow']!] = u16(r, 'meter_nominal_flow') / 10;
    if (has(7)) out['alert_backflow_threshold'] = thousandthsOrDisabled(u16(r, 'backflow'));
    if (has(8)) {
      out[n['alert_broken_pipe_threshold']!] = thousandthsOrDisabled(u32(r, 'broken_pipe'));
    }
    if (has(9)) out['alert_continuous_flow_enabled'] = u8(r, 'continuous_flow') !== 0;
    if (has(10)) {
      const d = u16(r, 'alert_no_usage_interval__days');
      out['alert_no_usage_interval__days'] = d === 0 ? 'disabled' : d;
    }
    if (has(11)) out['alert_tamper_enabled'] = u8(r, 'alert_tamper_enabled') !== 0;
    if (has(12)) {
      const lo = i8(r, 'alert_temperature_threshold_low__C');
      const hi = i8(r, 'alert_temperature_threshold_high__C');
      out['alert_temperature_threshold_low__C'] = lo === -128 ? 'disabled' : lo;
      out['alert_temperature_threshold_high__C'] = hi === -128 ? 'disabled' : hi;
    }
  },
  encode(data, w) {
    const formatSent = data['meter_multiplier'] !== undefined;
    const n = names(formatSent ? strField(data, 'meter_unit', w.what) : undefined);
    const key = (p: string): string => n[p] !== undefined ? n[p]! : p;
    const sent = PARAMS.map((p) => p === 'alert_temperature_threshold'
      ? data['alert_temperature_threshold_low__C'] !== undefined : data[key(p)] !== undefined);
    const flags = bitsByte(sent.slice(0, 8)) + 256 * bitsByte(sent.slice(8));
    w16(w, flags, 'parameter flags');
    const what = (k: string): string => `${w.what}: ${k}`;
    if (sent[0]) w8(w, codeOf(LORAWAN_PROFILE, data['radio_lorawan_profile'], what('radio')), 'p');
    if (sent[1]) w8(w, codeOf(WMBUS_PROFILE, data['radio_wmbus_profile'], what('wmbus')), 'p');
    if (sent[2]) w32(w, serialNumber(data['meter_serial'], what('meter_serial')), 'meter_serial');
    if (sent[3]) {
      w8(w, encodeMeterFormat({ multiplier: data['meter_multiplier'],
        medium: data['meter_medium'], unit: data['meter_unit'],
        privacy: boolField(data, 'privacy_mode_active', w.what) }, w.what), 'meter format');
    }
    const k4 = key('meter_accumulated_volume');
    if (sent[4]) w64(w, unscale(numField(data, k4, w.what), 1000), k4);
    const k5 = key('meter_accumulated_volume_offset');
    if (sent[5]) wi32(w, Math.round(numField(data, k5, w.what) * 1000), k5);
    const k6 = key('meter_nominal_flow');
    if (sent[6]) w16(w, Math.round(numField(data, k6, w.what) * 10), k6);
    if (sent[7]) {
      w16(w, rawThousandths(data['alert_backflow_threshold'], 0xffff,
        what('alert_backflow_threshold')), 'alert_backflow_threshold');
    }
    const k8 = key('alert_broken_pipe_threshold');
    if (sent[8]) w32(w, rawThousandths(data[k8], 0xffffffff, what(k8)), k8);
    if (sent[9]) w8(w, boolField(data, 'alert_continuous_flow_enabled', w.what) ? 1 : 0, 'cf');
    if (sent[10]) {
      const d = data['alert_no_usage_interval__days'];
      w16(w, d === 'disabled' ? 0 : intValue(d, 1, 0xffff, what('alert_no_usage_interval__days')),
        'no_usage');
    }
    if (sent[11]) w8(w, boolField(data, 'alert_tamper_enabled', w.what) ? 1 : 0, 'tamper');
    if (sent[12]) {
      for (const k of ['alert_temperature_threshold_low__C',
        'alert_temperature_threshold_high__C']) {
        const v = data[k];
        wi8(w, v === 'disabled' ? -128 : intValue(v, -127, 127, what(k)), k);
      }
    }
  },
  packetSchema: ((): Record<string, Record<string, unknown>> => {
    const s: Record<string, Record<string, unknown>> = {
      radio_lorawan_profile: { enum: Object.keys(LORAWAN_PROFILE).map((k) =>
        LORAWAN_PROFILE[Number(k)]) },
      radio_wmbus_profile: { enum: Object.keys(WMBUS_PROFILE).map((k) =>
        WMBUS_PROFILE[Number(k)]) },
      meter_serial: S.str, meter_multiplier: meterSchemas.meter_multiplier,
      meter_medium: meterSchemas.meter_medium, meter_unit: meterSchemas.meter_unit,
      privacy_mode_active: S.bool, alert_backflow_threshold: S.numOr('disabled'),
      alert_continuous_flow_enabled: S.bool, alert_no_usage_interval__days: S.intOr('disabled'),
      alert_tamper_enabled: S.bool, alert_temperature_threshold_low__C: S.intOr('disabled'),
      alert_temperature_threshold_high__C: S.intOr('disabled'),
    };
    for (const u of [undefined, 'm3', 'gal', 'ft3']) {
      const n = names(u);
      s[n['meter_accumulated_volume']!] = S.num;
      s[n['meter_accumulated_volume_offset']!] = S.num;
      s[n['meter_nominal_flow']!] = S.num;
      s[n['alert_broken_pipe_threshold']!] = S.numOr('disabled');
    }
    return s;
  })(),
};

const TEXTS = ['address', 'id_customer', 'id_location'];

function readText(r: Reader, field: string): string {
  const len = u8(r, field + ' length');
  const at = r.offset;
  const s = utf8Decode(raw(r, len, field));
  // The vendor's decoder shows null here; an error says what is wrong.
  if (s === null) fail(`${r.what}: ${field} at offset ${at} is not UTF-8`, at);
  return s;
}

function writeText(w: Writer, data: Fields, field: string): void {
  const b = utf8Encode(strField(data, field, w.what), `${w.what}: ${field}`);
  w8(w, b.length, field + ' length');
  for (const x of b) w.bytes.push(x);
}

/** Location configuration: position, time zone (quarter hours) and three texts. */
export const LOCATION_CONFIG: NasPacket = {
  name: 'location_configuration_packet', fPort: 50, header: 0x21, direction: 'both',
  packetDescription: 'Installation position, time zone, address, customer and location ids',
  matchesFrame: (bytes) => bytes.length > 1,
  decode(r, out) {
    const flags = u8(r, 'parameter flags');
    if (bit(flags, 0)) {
      out['gps_position_latitude__deg'] = i32(r, 'gps_position_latitude__deg') / 1e7;
      out['gps_position_longitude__deg'] = i32(r, 'gps_position_longitude__deg') / 1e7;
    }
    if (bit(flags, 1)) out['time_zone__h'] = i8(r, 'time_zone__h') / 4;
    for (let i = 0; i < 3; i++) if (bit(flags, 2 + i)) out[TEXTS[i]!] = readText(r, TEXTS[i]!);
  },
  encode(data, w) {
    const gps = data['gps_position_latitude__deg'] !== undefined;
    const tz = data['time_zone__h'] !== undefined;
    w8(w, bitsByte([gps, tz].concat(TEXTS.map((k) => data[k] !== undefined))), 'flags');
    if (gps) {
      for (const k of ['gps_position_latitude__deg', 'gps_position_longitude__deg']) {
        wi32(w, Math.round(numField(data, k, w.what) * 1e7), k);
      }
    }
    if (tz) wi8(w, Math.round(numField(data, 'time_zone__h', w.what) * 4), 'time_zone__h');
    for (const k of TEXTS) if (data[k] !== undefined) writeText(w, data, k);
  },
  packetSchema: { gps_position_latitude__deg: S.num, gps_position_longitude__deg: S.num,
    time_zone__h: S.num, address: S.str, id_customer: S.str, id_location: S.str },
};

function request(header: number, name: string, what: string): NasPacket {
  return { name, fPort: 49, header, direction: 'downlink', packetDescription: `Ask for the ${what}`,
    matchesFrame: (bytes) => bytes.length === 1, decode() {}, encode() {}, packetSchema: {} };
}

/**
 * FPort 49: requests for the two configurations (a lone header byte). The vendor's latest
 * decoder calls its request parser with the wrong arguments and fails on these; the names here
 * are those of its earlier versions.
 */
export const CONFIG_REQUESTS = [
  request(0x20, 'general_configuration_request', 'general configuration'),
  request(0x21, 'location_configuration_request', 'location configuration'),
];
