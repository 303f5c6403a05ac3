/**
 * UM30xx configuration (FPort 50), requests (FPort 49) and M-Bus record listing (FPort 60/61),
 * NAS "UM3xxx payload description", firmware 4.0.x.
 */
import { fail } from '../../../../framework/codec-error.js';
import { type Reader, type Writer, bit, bitsByte, i32, left, raw, u16, u32, u8, w16, w32, w8,
  wi32 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, asFields, boolField, bytesHexUpper, codeOf, hexBytes, intField, intValue,
} from '../values.js';
import { LORAWAN_PROFILE, WMBUS_PROFILE } from './config.js';
import { serialNumber, serialText } from './meter-fields.js';
import { MBUS_MEDIUM, mbusManufacturer, mbusManufacturerId, mbusMedium } from './um-usage.js';

const INPUT_MODE: Record<number, string> = {
  0: 'disabled', 1: 'pulses', 2: 'L_water', 3: 'Wh_electricity', 4: 'L_gas',
  9: 'triggers_1_sec', 10: 'triggers_10_sec', 11: 'triggers_1_min', 12: 'triggers_1_h',
};
const MULTIPLIERS = [1, 10, 100, 1000];

function lookup(table: Record<number, string>, v: number, r: Reader, field: string): string {
  const name = table[v];
  if (name === undefined) {
    fail(`${r.what}: invalid ${field} ${v} at offset ${r.offset - 1}`, r.offset - 1);
  }
  return name;
}

function readPulseConfig(r: Reader): Fields {
  const out: Fields = {
    input_mode_and_unit: lookup(INPUT_MODE, u8(r, 'input_mode_and_unit') & 0x0f, r,
      'input_mode_and_unit'),
  };
  const b = u8(r, 'pulse config flags');
  const m = MULTIPLIERS[b >> 6]!;
  if (bit(b, 0)) {
    out['multiplier_numerator'] = u16(r, 'multiplier_numerator');
    out['multiplier_denominator'] = u8(r, 'multiplier_denominator');
  }
  if (bit(b, 1)) out['accumulated_absolute'] = u32(r, 'accumulated_absolute') * m;
  if (bit(b, 2)) out['accumulated_offset'] = i32(r, 'accumulated_offset') * m;
  if (bit(b, 3)) out['serial'] = serialText(u32(r, 'serial'));
  return out;
}

/**
 * The accumulated values are sent as counts times a power of ten that the decoded data does
 * not show; the encoder picks the smallest power that divides them and fits 32 bits.
 */
function writePulseConfig(w: Writer, v: unknown, name: string): void {
  const p = asFields(v, `${w.what}: ${name}`);
  const what = `${w.what}: ${name}`;
  w8(w, codeOf(INPUT_MODE, p['input_mode_and_unit'], `${what}: input_mode_and_unit`), 'mode');
  const mult = p['multiplier_numerator'] !== undefined;
  const abs = p['accumulated_absolute'];
  const off = p['accumulated_offset'];
  let k = -1;
  for (let i = 0; i < 4 && k < 0; i++) {
    const m = MULTIPLIERS[i]!;
    const okAbs = abs === undefined || (typeof abs === 'number' && abs % m === 0 &&
      abs >= 0 && abs / m <= 0xffffffff);
    const okOff = off === undefined || (typeof off === 'number' && off % m === 0 &&
      off / m >= -0x80000000 && off / m <= 0x7fffffff);
    if (okAbs && okOff) k = i;
  }
  if (k < 0) fail(`${what}: accumulated values are not counts times 1, 10, 100 or 1000`);
  w8(w, bitsByte([mult, abs !== undefined, off !== undefined, p['serial'] !== undefined]) |
    k << 6, 'pulse config flags');
  if (mult) {
    w16(w, intField(p, 'multiplier_numerator', 0, 0xffff, what), 'multiplier_numerator');
    w8(w, intField(p, 'multiplier_denominator', 0, 255, what), 'multiplier_denominator');
  }
  if (abs !== undefined) {
    w32(w, intValue(Number(abs) / MULTIPLIERS[k]!, 0, 0xffffffff, `${what}: accumulated_absolute`),
      'accumulated_absolute');
  }
  if (off !== undefined) {
    wi32(w, intValue(Number(off) / MULTIPLIERS[k]!, -0x80000000, 0x7fffffff,
      `${what}: accumulated_offset`), 'accumulated_offset');
  }
  if (p['serial'] !== undefined) w32(w, serialNumber(p['serial'], `${what}: serial`), 'serial');
}

const pulseConfigSchema = /* @__PURE__ */ (() => S.obj({ input_mode_and_unit: S.str,
  multiplier_numerator: S.int,
  multiplier_denominator: S.int, accumulated_absolute: S.int, accumulated_offset: S.int,
  serial: S.str }))();

/** General configuration: radio profiles and the two pulse inputs. */
export const UM_GENERAL_CONFIG: NasPacket = {
  name: 'general_configuration_packet', fPort: 50, header: 0x12, direction: 'both',
  packetDescription: 'Radio profiles and pulse input settings (mode, multiplier, counters, serial)',
  matchesFrame: (bytes) => bytes.length > 1,
  decode(r, out) {
    const b = u8(r, 'parameter flags');
    if (bit(b, 0)) {
      out['radio_lorawan_profile'] = lookup(LORAWAN_PROFILE, u8(r, 'lorawan'), r,
        'radio_lorawan_profile');
    }
    if (bit(b, 1)) {
      out['radio_wmbus_profile'] = lookup(WMBUS_PROFILE, u8(r, 'wmbus'), r, 'radio_wmbus_profile');
    }
    if (bit(b, 4)) out['pulse_1'] = readPulseConfig(r);
    if (bit(b, 5)) out['pulse_2'] = readPulseConfig(r);
  },
  encode(data, w) {
    const has = (k: string): boolean => data[k] !== undefined;
    w8(w, bitsByte([has('radio_lorawan_profile'), has('radio_wmbus_profile'), false, false,
      has('pulse_1'), has('pulse_2')]), 'parameter flags');
    if (has('radio_lorawan_profile')) {
      w8(w, codeOf(LORAWAN_PROFILE, data['radio_lorawan_profile'], `${w.what}: lorawan`), 'p');
    }
    if (has('radio_wmbus_profile')) {
      w8(w, codeOf(WMBUS_PROFILE, data['radio_wmbus_profile'], `${w.what}: wmbus`), 'p');
    }
    if (has('pulse_1')) writePulseConfig(w, data['pulse_1'], 'pulse_1');
    if (has('pulse_2')) writePulseConfig(w, data['pulse_2'], 'pulse_2');
  },
  packetSchema: { radio_lorawan_profile: S.str, radio_wmbus_profile: S.str,
    pulse_1: pulseConfigSchema, pulse_2: pulseConfigSchema },
};

/**
 * M-Bus configuration: how many data-record headers select usage and status records (low and
 * high nibble, at most 10 each), then the headers, shown raw. The vendor's decoder does not
 * show the two counts, so the encoder needs them as `usage_record_count` and
 * `status_record_count`.
 */
export const UM_MBUS_CONFIG: NasPacket = {
  name: 'mbus_configuration_packet', fPort: 50, header: 0x14, direction: 'both',
  packetDescription: 'M-Bus data-record headers to report in usage and status packets',
  matchesFrame: (bytes) => bytes.length > 1,
  decode(r, out) {
    const b = u8(r, 'record counts');
    if ((b & 0x0f) > 10 || b >> 4 > 10) {
      fail(`mbus_configuration_packet: invalid_usage_or_status_count 0x${b.toString(16)} at ` +
        'offset 1', 1);
    }
    out['mbus_data_record_header_raw'] = bytesHexUpper(raw(r, left(r), 'headers'));
  },
  encode(data, w) {
    const u = intField(data, 'usage_record_count', 0, 10, w.what);
    const s = intField(data, 'status_record_count', 0, 10, w.what);
    w8(w, u | s << 4, 'record counts');
    for (const b of hexBytes(data['mbus_data_record_header_raw'], `${w.what}: headers`)) {
      w.bytes.push(b);
    }
  },
  packetSchema: { mbus_data_record_header_raw: S.str, usage_record_count: S.int,
    status_record_count: S.int },
};

function request(header: number, name: string): NasPacket {
  return { name, fPort: 49, header, direction: 'downlink', packetDescription: `Ask for the ${name
    .replace('_request', '').replace(/_/g, ' ')}`, matchesFrame: (bytes) => bytes.length === 1,
  decode() {}, encode() {}, packetSchema: {} };
}

/** FPort 49 requests (a lone header byte). */
export const UM_CONFIG_REQUESTS = [
  request(0x12, 'general_configuration_request'),
  request(0x14, 'mbus_configuration_request'),
  request(0x21, 'location_configuration_request'),
];

/** Asks which M-Bus data records the meter offers (a lone 0x81 on FPort 60). */
export const MBUS_RECORDS_REQUEST: NasPacket = {
  name: 'mbus_available_data_records_request', fPort: 60, header: 0x81, direction: 'downlink',
  packetDescription: 'Ask which M-Bus data records the meter offers',
  matchesFrame: (bytes) => bytes.length === 1, decode() {}, encode() {}, packetSchema: {},
};

/**
 * The answer (FPort 61), possibly in several packets: packet number, whether more follow,
 * optionally the meter's M-Bus header, then the data-record headers shown raw.
 */
export const MBUS_RECORDS: NasPacket = {
  name: 'mbus_available_data_records', fPort: 61, header: 0x81, direction: 'uplink',
  packetDescription: 'M-Bus data records the meter offers (header and record headers)',
  matchesFrame: (bytes) => bytes.length > 1,
  decode(r, out) {
    const b = u8(r, 'packet flags');
    out['packet_number'] = b & 7;
    out['more_packets_following'] = bit(b, 3);
    if (bit(b, 6)) {
      out['mbus_header'] = {
        serial: serialText(u32(r, 'serial')),
        manufacturer: mbusManufacturer(u16(r, 'manufacturer')),
        version: '0x' + bytesHexUpper([u8(r, 'version')]),
        medium: mbusMedium(u8(r, 'medium')),
        access_number: u8(r, 'access_number'),
        status: '0x' + bytesHexUpper([u8(r, 'status')]),
        signature: bytesHexUpper(raw(r, 2, 'signature')),
      };
    }
    out['mbus_data_record_header_raw'] = bytesHexUpper(raw(r, left(r), 'headers'));
  },
  encodeUplink(data, w) {
    const h = data['mbus_header'];
    w8(w, intField(data, 'packet_number', 0, 7, w.what) |
      (boolField(data, 'more_packets_following', w.what) ? 8 : 0) |
      (h !== undefined ? 0x40 : 0), 'packet flags');
    if (h !== undefined) writeHeader(w, asFields(h, `${w.what}: mbus_header`));
    for (const b of hexBytes(data['mbus_data_record_header_raw'], `${w.what}: headers`)) {
      w.bytes.push(b);
    }
  },
  packetSchema: { packet_number: S.int, more_packets_following: S.bool,
    mbus_header: S.obj({ serial: S.str, manufacturer: S.str, version: S.str, medium: S.str,
      access_number: S.int, status: S.str, signature: S.str }),
    mbus_data_record_header_raw: S.str },
};

function hexByte(v: unknown, what: string): number {
  const b = hexBytes(typeof v === 'string' ? v.replace(/^0x/, '') : v, what);
  if (b.length !== 1) fail(`${what}: expected 0x and two hex digits`);
  return b[0]!;
}

function writeHeader(w: Writer, h: Fields): void {
  const what = `${w.what}: mbus_header`;
  w32(w, serialNumber(h['serial'], `${what}: serial`), 'serial');
  w16(w, mbusManufacturerId(h['manufacturer'], `${what}: manufacturer`), 'manufacturer');
  w8(w, hexByte(h['version'], `${what}: version`), 'version');
  w8(w, codeOf(MBUS_MEDIUM, h['medium'], `${what}: medium`), 'medium');
  w8(w, intField(h, 'access_number', 0, 255, what), 'access_number');
  w8(w, hexByte(h['status'], `${what}: status`), 'status');
  const sig = hexBytes(h['signature'], `${what}: signature`);
  if (sig.length !== 2) fail(`${what}: signature: expected 4 hex digits`);
  w.bytes.push(sig[0]!, sig[1]!);
}
