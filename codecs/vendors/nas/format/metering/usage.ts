/**
 * CM30xx usage report (FPort 25, header 0x04) and the shutdown packet that repeats it
 * (FPort 99, header 0x01), NAS "CM3xxx payload description" §"Usage" and §"Shutdown".
 */
import { fail } from '../../../../framework/codec-error.js';
import { type Reader, type Writer, bit, bitsByte, u32, u8, w32, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import { type Fields, asFields, boolField, codeOf, field } from '../values.js';
import {
  actualityCode, actualityMinutes, actualityText, decodeMeterFormat, decodeMeterStatus,
  decodeReadoutDate, encodeMeterFormat, encodeMeterStatus, encodeReadoutDate, meterSchemas,
  serialNumber, serialText, volumeCount, volumeText,
} from './meter-fields.js';
import { readDeviceStatus, writeDeviceStatus } from './device-status.js';

/** Alert flags, bit 0 first (bit 7, "any alert active now", is not shown by the vendor). */
export const METER_ALERTS = ['backflow_pending', 'broken_pipe_pending', 'continuous_flow_pending',
  'tamper_pending', 'temperature_pending', 'low_battery', 'no_usage'];

/** Reads the usage body (after its 0x04 header) into `out`. */
export function readMeterUsage(r: Reader, out: Fields): void {
  const a = u8(r, 'active_alerts');
  const alerts: Record<string, boolean> = {};
  for (let i = 0; i < 7; i++) alerts[METER_ALERTS[i]!] = bit(a, i);
  out['active_alerts'] = alerts;
  out['meter_status'] = decodeMeterStatus(u8(r, 'meter_status'), r.what, r.offset - 1);
  const f = decodeMeterFormat(u8(r, 'meter format'), r.what, r.offset - 1);
  out['meter_multiplier'] = f.multiplier;
  out['meter_medium'] = f.medium;
  out['meter_unit'] = f.unit;
  const act = u8(r, 'meter_actuality_duration');
  out['meter_actuality_duration__minutes'] = actualityMinutes(act);
  out['meter_actuality_duration_formatted'] = actualityText(act);
  out['meter_accumulated_volume__' + f.unit] =
    volumeText(u32(r, 'meter_accumulated_volume'), f.multiplier);
  if (f.privacy) {
    const b1 = u8(r, 'meter_readout_date');
    out['meter_readout_date'] = decodeReadoutDate(b1, u8(r, 'meter_readout_date'));
  }
  const flags = u8(r, 'device flags');
  out['app_connected_within_a_day'] = bit(flags, 0);
  if (!bit(flags, 1)) return;
  readDeviceStatus(r, out, true);
  out['meter_serial'] = serialText(u32(r, 'meter_serial'));
}

/**
 * The byte near `guess` that `show` turns into `value`: shown values are rounded, so the
 * nearest byte can fall just outside 0..255 (21.3 years is 255 months, not 256).
 */
/** Writes the usage body for `data` (after its 0x04 header). */
export function writeMeterUsage(w: Writer, data: Fields): void {
  const a = asFields(field(data, 'active_alerts', w.what), `${w.what}: active_alerts`);
  w8(w, bitsByte(METER_ALERTS.map((k) => boolField(a, k, `${w.what}: active_alerts`))), 'alerts');
  w8(w, encodeMeterStatus(data['meter_status'], `${w.what}: meter_status`), 'meter_status');
  const privacy = data['meter_readout_date'] !== undefined;
  const multiplier = data['meter_multiplier'];
  w8(w, encodeMeterFormat({ multiplier, medium: data['meter_medium'], unit: data['meter_unit'],
    privacy }, w.what), 'meter format');
  w8(w, actualityCode(data['meter_actuality_duration__minutes'],
    data['meter_actuality_duration_formatted'], `${w.what}: meter_actuality_duration`),
  'meter_actuality_duration');
  const key = 'meter_accumulated_volume__' + String(data['meter_unit']);
  w32(w, volumeCount(data[key], multiplier as number, `${w.what}: ${key}`), key);
  if (privacy) {
    const d = encodeReadoutDate(data['meter_readout_date'], `${w.what}: meter_readout_date`);
    w8(w, d[0], 'meter_readout_date');
    w8(w, d[1], 'meter_readout_date');
  }
  const status = data['meter_serial'] !== undefined;
  w8(w, bitsByte([boolField(data, 'app_connected_within_a_day', w.what), status]), 'flags');
  if (!status) return;
  writeDeviceStatus(w, data);
  w32(w, serialNumber(data['meter_serial'], `${w.what}: meter_serial`), 'meter_serial');
}

const volumeKeys = /* @__PURE__ */ (() => ({
  meter_accumulated_volume__m3: S.str, meter_accumulated_volume__gal: S.str,
  meter_accumulated_volume__ft3: S.str,
}))();

/** Schema of the usage fields. */
export const usageSchema: Record<string, Record<string, unknown>> = /* @__PURE__ */ (() => ({
  active_alerts: S.obj(((): Record<string, Record<string, unknown>> => {
    const p: Record<string, Record<string, unknown>> = {};
    for (const k of METER_ALERTS) p[k] = S.bool;
    return p;
  })()),
  meter_status: meterSchemas.meter_status,
  meter_multiplier: meterSchemas.meter_multiplier,
  meter_medium: meterSchemas.meter_medium,
  meter_unit: meterSchemas.meter_unit,
  meter_actuality_duration__minutes: { type: ['integer', 'null'] },
  meter_actuality_duration_formatted: { type: ['string', 'null'] },
  meter_accumulated_volume__m3: volumeKeys.meter_accumulated_volume__m3,
  meter_accumulated_volume__gal: volumeKeys.meter_accumulated_volume__gal,
  meter_accumulated_volume__ft3: volumeKeys.meter_accumulated_volume__ft3,
  meter_readout_date: { type: 'string', format: 'date' },
  app_connected_within_a_day: S.bool,
  battery_remaining__years: S.num,
  battery_voltage__V: S.num,
  internal_temperature__C: S.int,
  internal_temperature_min__C: S.int,
  internal_temperature_max__C: S.int,
  radio_downlink_rssi__dBm: S.int,
  radio_downlink_snr__dB: S.int,
  radio_uplink_power__dBm: S.int,
  meter_serial: S.str,
}))();

/** Usage packet: alerts, meter state and index, optional readout date and device status. */
export const METER_USAGE: NasPacket = {
  name: 'usage_packet', fPort: 25, header: 0x04, direction: 'uplink',
  packetDescription: 'Meter index, alerts, readout date and device status',
  decode(r, out) { readMeterUsage(r, out); },
  encodeUplink(data, w) { writeMeterUsage(w, data); },
  packetSchema: usageSchema,
};

const SHUTDOWN: Record<number, string> = {
  0x10: 'calibration_timeout', 0x31: 'magnet_shutdown', 0x32: 'enter_dfu',
  0x33: 'app_shutdown', 0x34: 'switch_to_wmbus',
};

/** Shutdown packet: why, then a full usage report (with its own 0x04 header). */
export const METER_SHUTDOWN: NasPacket = {
  name: 'shutdown_packet', fPort: 99, header: 0x01, direction: 'uplink',
  packetDescription: 'The reader is shutting down: reason and a last usage report',
  decode(r, out) {
    const code = u8(r, 'shutdown_reason');
    const reason = SHUTDOWN[code];
    if (reason === undefined) {
      fail(`shutdown_packet: invalid shutdown_reason ${code} at offset 1`, 1);
    }
    const h = u8(r, 'usage header');
    if (h !== 0x04) fail(`shutdown_packet: no usage header (0x04) at offset 2, got ${h}`, 2);
    readMeterUsage(r, out);
    out['shutdown_reason'] = reason;
  },
  encodeUplink(data, w) {
    w8(w, codeOf(SHUTDOWN, data['shutdown_reason'], `${w.what}: shutdown_reason`), 'reason');
    w8(w, 0x04, 'usage header');
    writeMeterUsage(w, data);
  },
  packetSchema: ((): Record<string, Record<string, unknown>> => {
    const s: Record<string, Record<string, unknown>> = {
      shutdown_reason: S.enum('calibration_timeout', 'magnet_shutdown', 'enter_dfu',
        'app_shutdown', 'switch_to_wmbus'),
    };
    for (const k in usageSchema) s[k] = usageSchema[k]!;
    return s;
  })(),
};
