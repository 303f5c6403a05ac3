/**
 * UL20xx periodic reports: the status packet (FPort 23) and the usage packet (FPort 26),
 * NAS UL2030 payload description §"Status" and §"Usage", firmware 1.1.x. Status headers:
 * 0x01 from firmware 1.1.4 (with a length-prefixed sensor-source block), 0x00 before.
 */
import { fail } from '../../../../framework/codec-error.js';
import {
  type Reader, type Writer, bit, bitsByte, i8, left, raw, u16, u32, u8, w16, w32, w8, wi8,
} from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, arrField, asFields, boolField, field, intField, intValue,
} from '../values.js';
import {
  addressSchema, daliStatusSchema, decodeAddress, decodeDaliStatus, decodeLevel,
  decodeLightRaw, encodeAddress, encodeDaliStatus, encodeLevel, encodeLightRaw, levelSchema,
} from './dali.js';
import { decodeReason, encodeReason } from './reasons.js';
import { decodeEpoch, encodeEpoch, epochSchema } from './time.js';

const ALERTS = ['voltage_alert_in_24h', 'lamp_error_alert_in_24h', 'power_alert_in_24h',
  'power_factor_alert_in_24h'];

function readAlerts(r: Reader, out: Fields, warnings: string[]): void {
  const b = u8(r, 'active_alerts');
  const alerts: Record<string, boolean> = {};
  for (let i = 0; i < 4; i++) {
    alerts[ALERTS[i]!] = bit(b, 4 + i);
    if (alerts[ALERTS[i]!]) warnings.push(ALERTS[i]!);
  }
  out['active_alerts'] = alerts;
}

function alertsByte(data: Fields, what: string): number {
  const a = asFields(field(data, 'active_alerts', what), `${what}: active_alerts`);
  return bitsByte([false, false, false, false].concat(ALERTS.map((k) =>
    boolField(a, k, `${what}: active_alerts`))));
}

/**
 * Sensor sources (status 0x01): a byte count, then records `[id, value...]`. An id this
 * decoder does not know (newer firmware) skips the rest of the block with a warning and the
 * packet still decodes; the vendor's decoder reports an error there instead.
 */
function readSensorSources(r: Reader, warnings: string[]): Fields {
  let remaining = u8(r, 'sensor_source length');
  const end = r.offset + remaining;
  const src: Fields = {};
  while (r.offset < end) {
    const id = u8(r, 'sensor_source id');
    if (id === 0x01) src['ldr_input'] = u8(r, 'ldr_input');
    else if (id === 0x02) src['light_sensor__lx'] = decodeLightRaw(u16(r, 'light_sensor__lx'));
    else if (id === 0x03) {
      src['d4i_light_sensor__lx'] = decodeLightRaw(u16(r, 'd4i_light_sensor__lx'));
    } else if (id === 0x04) src['dig_input_1_on'] = bit(u8(r, 'dig_input_1_on'), 0);
    else if (id === 0x08) {
      const deg = u8(r, 'tilt_sensor__deg');
      src['tilt_sensor__deg'] = deg === 0xff ? null : deg;
    } else {
      warnings.push(`unsupported_sensor_source 0x${id.toString(16)} at offset ${r.offset - 1}`);
      raw(r, end - r.offset, 'sensor_source');
    }
  }
  remaining = r.offset - end;
  if (remaining > 0) {
    fail(`${r.what}: sensor sources overrun their declared length by ${remaining} bytes`);
  }
  return src;
}

function writeSensorSources(w: Writer, v: unknown): void {
  const src = asFields(v, `${w.what}: sensor_source`);
  const body: Writer = { bytes: [], what: w.what };
  const has = (k: string): boolean => src[k] !== undefined;
  if (has('ldr_input')) {
    w8(body, 0x01, 'sensor_source id');
    w8(body, intField(src, 'ldr_input', 0, 255, w.what), 'ldr_input');
  }
  if (has('light_sensor__lx')) {
    w8(body, 0x02, 'sensor_source id');
    w16(body, encodeLightRaw(src['light_sensor__lx'], `${w.what}: light_sensor__lx`), 'lx');
  }
  if (has('d4i_light_sensor__lx')) {
    w8(body, 0x03, 'sensor_source id');
    w16(body, encodeLightRaw(src['d4i_light_sensor__lx'], `${w.what}: d4i_light_sensor__lx`),
      'lx');
  }
  if (has('dig_input_1_on')) {
    w8(body, 0x04, 'sensor_source id');
    w8(body, boolField(src, 'dig_input_1_on', w.what) ? 1 : 0, 'dig_input_1_on');
  }
  if (has('tilt_sensor__deg')) {
    w8(body, 0x08, 'sensor_source id');
    const t = src['tilt_sensor__deg'];
    w8(body, t === null ? 0xff : intValue(t, 0, 254, `${w.what}: tilt_sensor__deg`), 'tilt');
  }
  w8(w, body.bytes.length, 'sensor_source length');
  for (const b of body.bytes) w.bytes.push(b);
}

function readDimmingSources(r: Reader, warnings: string[]): Fields[] {
  const list: Fields[] = [];
  while (left(r) > 0) {
    const address = decodeAddress(u8(r, 'dimming_source address'), null, warnings);
    const reason = decodeReason(u8(r, 'dimming_source reason'), r.what);
    const level = decodeLevel(u8(r, 'dimming_level__percent'), 'n/a');
    const status = decodeDaliStatus(u8(r, 'dimming_source status'), address, warnings);
    list.push({ address, reason, dimming_level__percent: level, status });
  }
  return list;
}

function writeDimmingSources(w: Writer, data: Fields): void {
  for (const v of arrField(data, 'dimming_source', w.what)) {
    const s = asFields(v, `${w.what}: dimming_source`);
    w8(w, encodeAddress(s['address'], null, `${w.what}: dimming_source address`), 'address');
    w8(w, encodeReason(s['reason'], `${w.what}: dimming_source reason`), 'reason');
    w8(w, encodeLevel(s['dimming_level__percent'], 'n/a', `${w.what}: dimming_level__percent`),
      'level');
    w8(w, encodeDaliStatus(s['status'], `${w.what}: dimming_source status`), 'status');
  }
}

const STATUS_BITS_COMMON = (byte: number, out: Fields, warnings: string[]): void => {
  // Bit 0 (external DALI error) and bit 3 are not reported by firmware 1.1.x.
  out['dali_connection_error'] = bit(byte, 1);
  out['metering_com_error'] = bit(byte, 5);
  out['ext_rtc_warning'] = bit(byte, 6);
  out['internal_relay_closed'] = bit(byte, 7);
  for (const k of ['dali_connection_error', 'metering_com_error', 'ext_rtc_warning']) {
    if (out[k]) warnings.push(k);
  }
};

function radio(r: Reader, out: Fields): void {
  out['downlink_rssi__dBm'] = 0 - u8(r, 'downlink_rssi__dBm');
  out['downlink_snr__dB'] = i8(r, 'downlink_snr__dB');
  out['mcu_temperature__C'] = i8(r, 'mcu_temperature__C');
}

function writeRadio(w: Writer, data: Fields): void {
  w8(w, 0 - intField(data, 'downlink_rssi__dBm', -255, 0, w.what), 'downlink_rssi__dBm');
  wi8(w, intField(data, 'downlink_snr__dB', -128, 127, w.what), 'downlink_snr__dB');
  wi8(w, intField(data, 'mcu_temperature__C', -128, 127, w.what), 'mcu_temperature__C');
}

const alertsSchema = /* @__PURE__ */ (() => S.obj({ voltage_alert_in_24h: S.bool,
  lamp_error_alert_in_24h: S.bool,
  power_alert_in_24h: S.bool, power_factor_alert_in_24h: S.bool }))();
const dimmingSourceSchema = /* @__PURE__ */ (() => S.list(S.obj({ address: addressSchema(null),
  reason: S.str, dimming_level__percent: levelSchema('n/a'), status: daliStatusSchema })))();

/** Status packet, firmware 1.1.4 and later (header 0x01). */
export const STATUS: NasPacket = {
  name: 'status_packet', fPort: 23, header: 0x01, direction: 'uplink',
  packetDescription:
    'Periodic status: time, controller flags, radio, alerts, sensors, dimming sources',
  accepts: (d) => d['sensor_source'] !== undefined,
  decode(r, out, warnings) {
    out['device_unix_epoch'] = decodeEpoch(u32(r, 'device_unix_epoch'), warnings);
    const status: Fields = {};
    STATUS_BITS_COMMON(u8(r, 'status'), status, warnings);
    const b = u8(r, 'status 2');
    status['open_drain_output_on'] = bit(b, 2);
    status['lumalink_connected'] = bit(b, 6);
    status['lumalink_connected_after_boot'] = bit(b, 7);
    out['status'] = status;
    radio(r, out);
    readAlerts(r, out, warnings);
    out['sensor_source'] = readSensorSources(r, warnings);
    out['dimming_source'] = readDimmingSources(r, warnings);
  },
  encodeUplink(data, w) {
    w32(w, encodeEpoch(data['device_unix_epoch'], `${w.what}: device_unix_epoch`), 'epoch');
    const s = asFields(field(data, 'status', w.what), `${w.what}: status`);
    const f = (k: string): boolean => boolField(s, k, `${w.what}: status`);
    w8(w, bitsByte([false, f('dali_connection_error'), false, false, false,
      f('metering_com_error'), f('ext_rtc_warning'), f('internal_relay_closed')]), 'status');
    w8(w, bitsByte([false, false, f('open_drain_output_on'), false, false, false,
      f('lumalink_connected'), f('lumalink_connected_after_boot')]), 'status 2');
    writeRadio(w, data);
    w8(w, alertsByte(data, w.what), 'active_alerts');
    writeSensorSources(w, field(data, 'sensor_source', w.what));
    writeDimmingSources(w, data);
  },
  packetSchema: {
    device_unix_epoch: epochSchema,
    status: S.obj({ dali_connection_error: S.bool, metering_com_error: S.bool,
      ext_rtc_warning: S.bool, internal_relay_closed: S.bool, open_drain_output_on: S.bool,
      lumalink_connected: S.bool, lumalink_connected_after_boot: S.bool }),
    downlink_rssi__dBm: S.int, downlink_snr__dB: S.int, mcu_temperature__C: S.int,
    active_alerts: alertsSchema,
    sensor_source: S.obj({ ldr_input: S.int, light_sensor__lx: S.str,
      d4i_light_sensor__lx: S.str, dig_input_1_on: S.bool,
      tilt_sensor__deg: { type: ['integer', 'null'] } }),
    dimming_source: dimmingSourceSchema,
  },
};

/** Status packet before firmware 1.1.4 (header 0x00): LDR and digital input in the flags. */
export const STATUS_LEGACY: NasPacket = {
  name: 'status_packet', fPort: 23, header: 0x00, direction: 'uplink',
  packetDescription: 'Periodic status as firmware before 1.1.4 sends it',
  accepts: (d) => d['sensor_source'] === undefined,
  decode(r, out, warnings) {
    out['device_unix_epoch'] = decodeEpoch(u32(r, 'device_unix_epoch'), warnings);
    const b = u8(r, 'status');
    const status: Fields = {};
    STATUS_BITS_COMMON(b, status, warnings);
    status['ldr_input_on'] = bit(b, 2);
    status['dig_input_on'] = bit(b, 4);
    out['status'] = status;
    radio(r, out);
    const flags = u8(r, 'reported fields');
    status['open_drain_output_on'] = bit(flags, 2);
    if (bit(flags, 1)) out['ldr_input_value'] = u8(r, 'ldr_input_value');
    if (bit(flags, 4)) readAlerts(r, out, warnings);
    out['dimming_source'] = readDimmingSources(r, warnings);
  },
  encodeUplink(data, w) {
    w32(w, encodeEpoch(data['device_unix_epoch'], `${w.what}: device_unix_epoch`), 'epoch');
    const s = asFields(field(data, 'status', w.what), `${w.what}: status`);
    const f = (k: string): boolean => boolField(s, k, `${w.what}: status`);
    w8(w, bitsByte([false, f('dali_connection_error'), f('ldr_input_on'), false,
      f('dig_input_on'), f('metering_com_error'), f('ext_rtc_warning'),
      f('internal_relay_closed')]), 'status');
    writeRadio(w, data);
    const ldr = data['ldr_input_value'] !== undefined;
    const alerts = data['active_alerts'] !== undefined;
    w8(w, bitsByte([false, ldr, f('open_drain_output_on'), false, alerts]), 'reported fields');
    if (ldr) w8(w, intField(data, 'ldr_input_value', 0, 255, w.what), 'ldr_input_value');
    if (alerts) w8(w, alertsByte(data, w.what), 'active_alerts');
    writeDimmingSources(w, data);
  },
  packetSchema: {
    device_unix_epoch: epochSchema,
    status: S.obj({ dali_connection_error: S.bool, metering_com_error: S.bool,
      ext_rtc_warning: S.bool, internal_relay_closed: S.bool, ldr_input_on: S.bool,
      dig_input_on: S.bool, open_drain_output_on: S.bool }),
    downlink_rssi__dBm: S.int, downlink_snr__dB: S.int, mcu_temperature__C: S.int,
    ldr_input_value: S.int,
    active_alerts: alertsSchema,
    dimming_source: dimmingSourceSchema,
  },
};

/** Usage record fields in bit order of the record's field mask. */
const USAGE_FIELDS: { key: string; size: number }[] = [
  { key: 'active_energy__Wh', size: 4 }, { key: 'active_power__W', size: 2 },
  { key: 'load_side_energy__Wh', size: 4 }, { key: 'load_side_power__W', size: 2 },
  { key: 'power_factor', size: 1 }, { key: 'mains_voltage__V', size: 1 },
  { key: 'driver_operating_time__h', size: 4 }, { key: 'lamp_on_time__h', size: 4 },
];

function readUsageValue(key: string, v: number): number | string {
  if (key === 'power_factor') return v === 0xff ? 'unknown' : v / 100;
  // Both times are sent in seconds; the vendor shows hours (whole, and to a tenth).
  if (key === 'driver_operating_time__h') return Math.round(v / 3600);
  if (key === 'lamp_on_time__h') return Math.round(v / 3600 * 10) / 10;
  return v;
}

function usageRaw(key: string, v: unknown, what: string): number {
  if (key === 'power_factor') {
    if (v === 'unknown') return 0xff;
    if (typeof v !== 'number') fail(`${what}: expected a number or 'unknown'`);
    return intValue(Math.round(v * 100), 0, 254, what);
  }
  if (typeof v !== 'number' || !(v >= 0)) fail(`${what}: expected a non-negative number`);
  if (key === 'driver_operating_time__h' || key === 'lamp_on_time__h') {
    // The shown hours are rounded, so the top value can round past the 32-bit counter.
    const s = Math.round(v * 3600);
    return intValue(s > 0xffffffff && s - 0xffffffff <= 1800 ? 0xffffffff : s, 0, 0xffffffff,
      what);
  }
  return v;
}

/** Usage packet: energy, power and times per output (internal meter and DALI drivers). */
export const USAGE: NasPacket = {
  name: 'usage_packet', fPort: 26, header: 0x00, direction: 'uplink',
  packetDescription: 'Energy and power per output, driver and lamp operating times',
  decode(r, out, warnings) {
    const list: Fields[] = [];
    while (left(r) > 0) {
      const rec: Fields = {
        address: decodeAddress(u8(r, 'address'), 'internal_measurement', warnings),
      };
      const mask = u8(r, 'field mask');
      for (let i = 0; i < 8; i++) {
        if (!bit(mask, i)) continue;
        const f = USAGE_FIELDS[i]!;
        const v = f.size === 4 ? u32(r, f.key) : f.size === 2 ? u16(r, f.key) : u8(r, f.key);
        rec[f.key] = readUsageValue(f.key, v);
      }
      list.push(rec);
    }
    out['consumption'] = list;
  },
  encodeUplink(data, w) {
    for (const v of arrField(data, 'consumption', w.what)) {
      const rec = asFields(v, `${w.what}: consumption`);
      w8(w, encodeAddress(rec['address'], 'internal_measurement', `${w.what}: address`), 'addr');
      w8(w, bitsByte(USAGE_FIELDS.map((f) => rec[f.key] !== undefined)), 'field mask');
      for (const f of USAGE_FIELDS) {
        if (rec[f.key] === undefined) continue;
        const n = usageRaw(f.key, rec[f.key], `${w.what}: ${f.key}`);
        if (f.size === 4) w32(w, n, f.key);
        else if (f.size === 2) w16(w, n, f.key);
        else w8(w, n, f.key);
      }
    }
  },
  packetSchema: {
    consumption: S.list(S.obj({
      address: addressSchema('internal_measurement'), active_energy__Wh: S.int,
      active_power__W: S.int, load_side_energy__Wh: S.int, load_side_power__W: S.int,
      power_factor: S.numOr('unknown'), mains_voltage__V: S.int,
      driver_operating_time__h: S.int, lamp_on_time__h: S.num,
    })),
  },
};
