/**
 * UM30xx usage (FPort 25, header 0x02) and status (FPort 24, header 0x82) packets and the
 * shutdown packet that repeats them (FPort 99, header 0x01), NAS "UM3xxx payload description"
 * firmware 4.0.x: alerts, optional device status, actuality, then up to two pulse inputs and
 * one main interface (M-Bus or SSI sensor).
 *
 * The M-Bus data records (EN 13757-3) are decoded by an injected record decoder: the project's
 * OMS layer (`codecs/formats/oms/`) once it lands. Until then a frame that carries M-Bus data
 * records fails with a message saying so, rather than returning data without them.
 */
import { fail } from '../../../../framework/codec-error.js';
import {
  type Reader, type Writer, bit, bitsByte, f32, left, raw, u16, u32, u8, w16,
  w32, w8, wf32,
} from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, asFields, boolField, bytesHexUpper, codeOf, field, hexBytes, intField, intValue,
  numField,
} from '../values.js';
import {
  actualityCode, actualityMinutes, actualityText, serialNumber, serialText,
} from './meter-fields.js';
import { readDeviceStatus, writeDeviceStatus } from './device-status.js';

/** Decodes M-Bus data records into the vendor's flat `name__unit: value` object. */
export type MbusRecordDecoder = (records: number[]) => Record<string, unknown>;

const PULSE_MEDIUM: Record<number, string> = {
  0: 'triggers', 1: 'pulses', 2: 'L_water', 3: 'Wh_electricity', 4: 'L_gas',
};
const PULSE_MULTIPLIERS = [1, 10, 100, 1000];

function readPulse(r: Reader): Fields {
  const b = u8(r, 'pulse flags');
  const out: Fields = { input_state: bit(b, 0) ? 'closed' : 'open' };
  const multiplier = PULSE_MULTIPLIERS[b >> 2 & 3]!;
  // "muliplier": the vendor's spelling.
  out['muliplier'] = multiplier;
  const medium = PULSE_MEDIUM[b >> 4];
  if (medium === undefined) {
    fail(`${r.what}: invalid pulse medium ${b >> 4} at offset ${r.offset - 1}`, r.offset - 1);
  }
  out['medium_type'] = medium;
  out['accumulated__' + medium] = u32(r, 'accumulated') * multiplier;
  if (bit(b, 1)) out['serial'] = serialText(u32(r, 'pulse serial'));
  return out;
}

function writePulse(w: Writer, v: unknown, name: string): void {
  const p = asFields(v, `${w.what}: ${name}`);
  const what = `${w.what}: ${name}`;
  const state = p['input_state'];
  if (state !== 'open' && state !== 'closed') fail(`${what}: input_state: open or closed`);
  const m = PULSE_MULTIPLIERS.indexOf(p['muliplier'] as number);
  if (m < 0) fail(`${what}: muliplier: expected 1, 10, 100 or 1000`);
  const medium = codeOf(PULSE_MEDIUM, p['medium_type'], `${what}: medium_type`);
  const serial = p['serial'] !== undefined;
  w8(w, (state === 'closed' ? 1 : 0) | (serial ? 2 : 0) | m << 2 | medium << 4, 'pulse flags');
  const acc = numField(p, 'accumulated__' + PULSE_MEDIUM[medium], what);
  w32(w, intValue(acc / PULSE_MULTIPLIERS[m]!, 0, 0xffffffff, `${what}: accumulated`), 'acc');
  if (serial) w32(w, serialNumber(p['serial'], `${what}: serial`), 'serial');
}

const MBUS_STATUS: Record<number, string> = {
  0: 'connected', 1: 'nothing_requested', 2: 'bus_unpowered', 3: 'no_response',
  5: 'crc_or_len_error', 6: 'parse_error', 7: 'bus_shorted',
};

/** M-Bus medium names (EN 13757-3 Table 3, as the vendor abbreviates them). */
export const MBUS_MEDIUM: Record<number, string> = {
  0x00: 'other', 0x01: 'oil', 0x02: 'electricity', 0x03: 'gas', 0x04: 'heat (outlet vol)',
  0x05: 'steam', 0x06: 'hot Water', 0x07: 'water', 0x08: 'heat cost allocator',
  0x09: 'compressed air', 0x0a: 'cooling load meter', 0x0c: 'heat (inlet vol)',
  0x0d: 'heat / cooling load meter', 0x0e: 'bus / system', 0x0f: 'unknown', 0x16: 'cold water',
  0x17: 'dual water', 0x18: 'pressure', 0x19: 'A/D converter',
};

/** Medium name of an M-Bus medium code (0x0B is also a cooling meter; others unknown). */
export function mbusMedium(code: number): string {
  if (code === 0x0b) return 'cooling load meter';
  const m = MBUS_MEDIUM[code];
  return m === undefined ? 'unknown' : m;
}

/** Manufacturer id: three letters of 5 bits each (EN 13757-3 §6.3.3), letter = 64 + value. */
export function mbusManufacturer(id: number): string {
  return String.fromCharCode((id >> 10 & 0x1f) + 64, (id >> 5 & 0x1f) + 64, (id & 0x1f) + 64);
}

/** The 15-bit id of a manufacturer text of three characters from '@' to '_'. */
export function mbusManufacturerId(v: unknown, what: string): number {
  if (typeof v !== 'string' || !/^[@-_]{3}$/.test(v)) fail(`${what}: expected three letters`);
  return (v.charCodeAt(0) - 64) << 10 | (v.charCodeAt(1) - 64) << 5 | (v.charCodeAt(2) - 64);
}

function readMbus(r: Reader, records: MbusRecordDecoder | null): Fields {
  const b = u8(r, 'mbus flags');
  const status = MBUS_STATUS[b & 0x0f];
  if (status === undefined) {
    fail(`${r.what}: invalid_mbus_status ${b & 0x0f} at offset ${r.offset - 1}`, r.offset - 1);
  }
  const out: Fields = { last_bus_status: status, records_truncated: bit(b, 4) };
  if (bit(b, 5)) {
    out['status'] = '0x' + bytesHexUpper([u8(r, 'mbus status')]);
    out['serial'] = serialText(u32(r, 'mbus serial'));
  }
  if (bit(b, 6)) {
    out['manufacturer'] = mbusManufacturer(u16(r, 'mbus manufacturer'));
    out['version'] = u8(r, 'mbus version');
    out['medium'] = mbusMedium(u8(r, 'mbus medium'));
  }
  const at = r.offset;
  const rec = raw(r, left(r), 'mbus data records');
  out['data_records_raw'] = bytesHexUpper(rec);
  if (rec.length > 0 && records === null) {
    fail(`${r.what}: M-Bus data records at offset ${at} need the OMS record decoder ` +
      '(codecs/formats/oms), not part of this build', at);
  }
  out['data_records'] = rec.length === 0 ? {} : records!(rec);
  return out;
}

function writeMbus(w: Writer, v: unknown): void {
  const m = asFields(v, `${w.what}: mbus`);
  const what = `${w.what}: mbus`;
  const serial = m['serial'] !== undefined;
  const ext = m['manufacturer'] !== undefined;
  w8(w, codeOf(MBUS_STATUS, m['last_bus_status'], `${what}: last_bus_status`) |
    (boolField(m, 'records_truncated', what) ? 0x10 : 0) | (serial ? 0x20 : 0) |
    (ext ? 0x40 : 0), 'mbus flags');
  if (serial) {
    w.bytes.push(hexBytes(String(m['status']).replace(/^0x/, ''), `${what}: status`)[0]!);
    w32(w, serialNumber(m['serial'], `${what}: serial`), 'mbus serial');
  }
  if (ext) {
    w16(w, mbusManufacturerId(m['manufacturer'], `${what}: manufacturer`), 'manufacturer');
    w8(w, intField(m, 'version', 0, 255, what), 'version');
    w8(w, codeOf(MBUS_MEDIUM, m['medium'], `${what}: medium`), 'medium');
  }
  for (const b of hexBytes(field(m, 'data_records_raw', what), `${what}: data_records_raw`)) {
    w.bytes.push(b);
  }
}

const SSI_CHANNELS = ['channel_1', 'channel_1_avg', 'channel_2', 'channel_2_avg', 'channel_3',
  'channel_3_avg', 'channel_4', 'channel_4_avg'];
const SSI_SENSOR: Record<number, string> = { 0: 'disconnected', 1: 'pressure_30bar_temperature' };

function readSsi(r: Reader): Fields {
  const s = u8(r, 'ssi sensor') & 0x3f;
  const sensor = SSI_SENSOR[s];
  if (sensor === undefined) {
    fail(`${r.what}: unknown_sensor_index ${s} at offset ${r.offset - 1}`, r.offset - 1);
  }
  const out: Fields = { sensor };
  const b = u8(r, 'ssi channels');
  for (let i = 0; i < 8; i++) {
    if (bit(b, i)) out[SSI_CHANNELS[i]!] = parseFloat(f32(r, SSI_CHANNELS[i]!).toFixed(5));
  }
  return out;
}

function writeSsi(w: Writer, v: unknown): void {
  const s = asFields(v, `${w.what}: ssi`);
  w8(w, codeOf(SSI_SENSOR, s['sensor'], `${w.what}: ssi sensor`), 'ssi sensor');
  w8(w, bitsByte(SSI_CHANNELS.map((k) => s[k] !== undefined)), 'ssi channels');
  for (const k of SSI_CHANNELS) {
    if (s[k] === undefined) continue;
    const x = s[k];
    if (typeof x !== 'number') fail(`${w.what}: ssi ${k}: expected a number`);
    // A shown -0 came from a tiny negative reading: write the smallest negative binary32.
    wf32(w, x === 0 && 1 / x < 0 ? -Math.pow(2, -149) : x, k);
  }
}

const ALERTS = ['pulse_1_trigger_alert', 'pulse_2_trigger_alert'];

/** Reads a usage or status body (after its header); `status` says whether 0x82 was seen. */
export function readUmUsage(r: Reader, out: Fields, status: boolean,
  records: MbusRecordDecoder | null): void {
  const a = u8(r, 'active_alerts');
  out['active_alerts'] = { pulse_1_trigger_alert: bit(a, 0), pulse_2_trigger_alert: bit(a, 1),
    low_battery: bit(a, 6) };
  out['app_connected_within_a_day'] = bit(a, 7);
  if (status) readDeviceStatus(r, out, false);
  const act = u8(r, 'meter_actuality_duration');
  out['meter_actuality_duration__minutes'] = actualityMinutes(act);
  out['meter_actuality_duration_formatted'] = actualityText(act);
  const b = u8(r, 'interfaces');
  if (bit(b, 0)) out['pulse_1'] = readPulse(r);
  if (bit(b, 1)) out['pulse_2'] = readPulse(r);
  const main = b >> 2 & 0x0f;
  if (main === 0x08) out['mbus'] = readMbus(r, records);
  else if (main === 0x04) out['ssi'] = readSsi(r);
}

/** Writes what {@link readUmUsage} reads. */
export function writeUmUsage(w: Writer, data: Fields, status: boolean): void {
  const a = asFields(field(data, 'active_alerts', w.what), `${w.what}: active_alerts`);
  const f = (k: string): boolean => boolField(a, k, `${w.what}: active_alerts`);
  w8(w, bitsByte([f(ALERTS[0]!), f(ALERTS[1]!), false, false, false, false, f('low_battery'),
    boolField(data, 'app_connected_within_a_day', w.what)]), 'active_alerts');
  if (status) writeDeviceStatus(w, data);
  w8(w, actualityCode(data['meter_actuality_duration__minutes'],
    data['meter_actuality_duration_formatted'], `${w.what}: meter_actuality_duration`), 'act');
  const mbus = data['mbus'] !== undefined;
  const ssi = data['ssi'] !== undefined;
  if (mbus && ssi) fail(`${w.what}: one main interface only, mbus or ssi`);
  w8(w, (data['pulse_1'] !== undefined ? 1 : 0) | (data['pulse_2'] !== undefined ? 2 : 0) |
    (mbus ? 0x20 : ssi ? 0x10 : 0), 'interfaces');
  if (data['pulse_1'] !== undefined) writePulse(w, data['pulse_1'], 'pulse_1');
  if (data['pulse_2'] !== undefined) writePulse(w, data['pulse_2'], 'pulse_2');
  if (mbus) writeMbus(w, data['mbus']);
  if (ssi) writeSsi(w, data['ssi']);
}

const pulseSchema = /* @__PURE__ */ (() => S.obj({ input_state: S.enum('open', 'closed'),
  muliplier: S.int,
  medium_type: S.enum('triggers', 'pulses', 'L_water', 'Wh_electricity', 'L_gas'),
  accumulated__triggers: S.num, accumulated__pulses: S.num, accumulated__L_water: S.num,
  accumulated__Wh_electricity: S.num, accumulated__L_gas: S.num, serial: S.str }))();

/** Schema of usage and status fields. */
export const umUsageSchema: Record<string, Record<string, unknown>> = /* @__PURE__ */ (() => ({
  active_alerts: S.obj({ pulse_1_trigger_alert: S.bool, pulse_2_trigger_alert: S.bool,
    low_battery: S.bool }),
  app_connected_within_a_day: S.bool, battery_remaining__years: S.num,
  battery_voltage__V: S.num, internal_temperature__C: S.int, internal_temperature_min__C: S.int,
  internal_temperature_max__C: S.int, radio_downlink_rssi__dBm: S.int,
  radio_downlink_snr__dB: S.int, radio_uplink_power__dBm: S.int,
  meter_actuality_duration__minutes: { type: ['integer', 'null'] },
  meter_actuality_duration_formatted: { type: ['string', 'null'] },
  pulse_1: pulseSchema, pulse_2: pulseSchema,
  mbus: { type: 'object', properties: { last_bus_status: S.str, records_truncated: S.bool,
    status: S.str, serial: S.str, manufacturer: S.str, version: S.int, medium: S.str,
    data_records_raw: S.str, data_records: { type: 'object' } }, additionalProperties: false },
  ssi: { type: 'object', properties: ((): Record<string, unknown> => {
    const p: Record<string, unknown> = { sensor: S.str };
    for (const k of SSI_CHANNELS) p[k] = S.num;
    return p;
  })(), additionalProperties: false },
}))();

/** The usage (0x02, FPort 25) and status (0x82, FPort 24) packets. */
export function umUsagePackets(records: MbusRecordDecoder | null): NasPacket[] {
  return [
    { name: 'usage_packet', fPort: 25, header: 0x02, direction: 'uplink',
      packetDescription: 'Pulse counters and the main interface (M-Bus records or SSI sensor)',
      decode(r, out) { readUmUsage(r, out, false, records); },
      encodeUplink(data, w) { writeUmUsage(w, data, false); },
      packetSchema: umUsageSchema },
    { name: 'status_packet', fPort: 24, header: 0x82, direction: 'uplink',
      packetDescription: 'Usage with the device status: battery, temperature, radio',
      decode(r, out) { readUmUsage(r, out, true, records); },
      encodeUplink(data, w) { writeUmUsage(w, data, true); },
      packetSchema: umUsageSchema },
  ];
}

const UM_SHUTDOWN: Record<number, string> = {
  0x32: 'enter_dfu', 0x33: 'app_shutdown', 0x34: 'switch_to_wmbus',
};

/** Shutdown: reason, then a usage (0x02) or status (0x82) packet with its header. */
export function umShutdown(records: MbusRecordDecoder | null): NasPacket {
  return {
    name: 'shutdown_packet', fPort: 99, header: 0x01, direction: 'uplink',
    packetDescription: 'The reader is shutting down: reason and a last usage or status report',
    decode(r, out) {
      const code = u8(r, 'shutdown_reason');
      const reason = UM_SHUTDOWN[code];
      if (reason === undefined) {
        fail(`shutdown_packet: invalid shutdown_reason ${code} at offset 1`, 1);
      }
      const h = u8(r, 'usage header');
      if (h !== 0x02 && h !== 0x82) {
        fail(`shutdown_packet: no usage header at offset 2, got ${h}`, 2);
      }
      readUmUsage(r, out, h === 0x82, records);
      out['shutdown_reason'] = reason;
    },
    encodeUplink(data, w) {
      w8(w, codeOf(UM_SHUTDOWN, data['shutdown_reason'], `${w.what}: shutdown_reason`), 'reason');
      const status = data['battery_voltage__V'] !== undefined;
      w8(w, status ? 0x82 : 0x02, 'usage header');
      writeUmUsage(w, data, status);
    },
    packetSchema: ((): Record<string, Record<string, unknown>> => {
      const s: Record<string, Record<string, unknown>> = {
        shutdown_reason: S.enum('enter_dfu', 'app_shutdown', 'switch_to_wmbus'),
      };
      for (const k in umUsageSchema) s[k] = umUsageSchema[k]!;
      return s;
    })(),
  };
}
