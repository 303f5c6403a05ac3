/**
 * UL20xx alerts and notifications on FPort 61 (NAS UL2030 payload description §"Alerts").
 * Each starts with a header and a second byte whose high nibble is the body length (for the
 * digital input and LDR notifications) or which carries the alert's condition bits.
 */
import { fail } from '../../../../framework/codec-error.js';
import {
  bit, bitsByte, f32, floatOfText, left, u16, u32, u8, w16, w32, w8, wf32,
} from '../io.js';
import { type NasPacket, S } from '../packet.js';
import { type Fields, arrField, boolField, field, intField, numField } from '../values.js';
import {
  addressSchema, daliStatusSchema, readAddressedStatus, writeAddressedStatus,
} from './dali.js';
import { decodeEpoch, encodeEpoch, epochSchema } from './time.js';

/**
 * Digital input notification. A 2-byte body holds a 16-bit event counter; a 4-byte body
 * (newer firmware) holds a 32-bit counter and the input state in bit 0 of the length byte.
 * The counter is read at its full width: reading it as one byte is a fault users reported
 * in other decoders.
 */
export const DIG_INPUT_NOTIFICATION: NasPacket = {
  name: 'dig_input_notification', fPort: 61, header: 0x80, direction: 'uplink',
  packetDescription: 'Digital input changed: event counter (and state)',
  decode(r, out) {
    const b = u8(r, 'length');
    const len = b >> 4;
    if (len === 2) out['dig_input_event_counter'] = u16(r, 'dig_input_event_counter');
    else if (len === 4) {
      out['dig_input_on'] = bit(b, 0);
      out['dig_input_event_counter'] = u32(r, 'dig_input_event_counter');
    } else fail(`${r.what}: body length ${len} at offset 1, expected 2 or 4`, 1);
  },
  encodeUplink(data, w) {
    if (data['dig_input_on'] === undefined) {
      w8(w, 0x20, 'length');
      w16(w, intField(data, 'dig_input_event_counter', 0, 0xffff, w.what), 'counter');
    } else {
      w8(w, 0x40 | (boolField(data, 'dig_input_on', w.what) ? 1 : 0), 'length');
      w32(w, intField(data, 'dig_input_event_counter', 0, 0xffffffff, w.what), 'counter');
    }
  },
  packetSchema: { dig_input_on: S.bool, dig_input_event_counter: S.int },
};

/** LDR input notification: state and value. */
export const LDR_INPUT_NOTIFICATION: NasPacket = {
  name: 'ldr_input_notification', fPort: 61, header: 0x81, direction: 'uplink',
  packetDescription: 'LDR input crossed its threshold: state and value',
  decode(r, out) {
    const len = u8(r, 'length') >> 4;
    if (len !== 2) fail(`${r.what}: body length ${len} at offset 1, expected 2`, 1);
    out['ldr_input_on'] = bit(u8(r, 'ldr_input_on'), 0);
    out['ldr_input_value'] = u8(r, 'ldr_input_value');
  },
  encodeUplink(data, w) {
    w8(w, 0x20, 'length');
    w8(w, boolField(data, 'ldr_input_on', w.what) ? 1 : 0, 'ldr_input_on');
    w8(w, intField(data, 'ldr_input_value', 0, 255, w.what), 'ldr_input_value');
  },
  packetSchema: { ldr_input_on: S.bool, ldr_input_value: S.int },
};

/**
 * DALI driver alert: address and status of each driver in trouble. The second byte is not
 * used by the vendor's decoder; the encoder writes 0x20 (a two-byte record) as devices send.
 */
export const DALI_DRIVER_ALERT: NasPacket = {
  name: 'dali_driver_alert', fPort: 61, header: 0x83, direction: 'uplink',
  packetDescription: 'DALI drivers reporting a fault: address and status bits',
  decode(r, out, warnings) {
    u8(r, 'record length');
    const drivers: Fields[] = [];
    while (left(r) > 0) drivers.push(readAddressedStatus(r, warnings));
    out['drivers'] = drivers;
  },
  encodeUplink(data, w) {
    w8(w, 0x20, 'record length');
    for (const d of arrField(data, 'drivers', w.what)) writeAddressedStatus(w, d);
  },
  packetSchema: { drivers: S.list(S.obj({ address: addressSchema(null),
    status: daliStatusSchema })) },
};

const METERING_ALERTS = ['lamp_error_alert', 'over_current_alert', 'under_voltage_alert',
  'over_voltage_alert', 'low_power_factor_alert'];
const METERING_WARNINGS = ['metering_lamp_error', 'metering_over_current',
  'metering_under_voltage', 'metering_over_voltage', 'metering_low_power_factor'];

/** Metering alert: which limits were crossed, with power, voltage and power factor. */
export const METERING_ALERT: NasPacket = {
  name: 'metering_alert', fPort: 61, header: 0x84, direction: 'uplink',
  packetDescription: 'Metering limits crossed: lamp error, current, voltage, power factor',
  decode(r, out, warnings) {
    const cond = u8(r, 'conditions');
    for (let i = 0; i < 5; i++) {
      out[METERING_ALERTS[i]!] = bit(cond, i);
      if (bit(cond, i)) warnings.push(METERING_WARNINGS[i]!);
    }
    out['power__W'] = u16(r, 'power__W');
    out['voltage__V'] = u16(r, 'voltage__V');
    out['power_factor'] = u8(r, 'power_factor') / 100;
  },
  encodeUplink(data, w) {
    w8(w, bitsByte(METERING_ALERTS.map((k) => boolField(data, k, w.what))), 'conditions');
    w16(w, intField(data, 'power__W', 0, 0xffff, w.what), 'power__W');
    w16(w, intField(data, 'voltage__V', 0, 0xffff, w.what), 'voltage__V');
    w8(w, Math.round(numField(data, 'power_factor', w.what) * 100), 'power_factor');
  },
  packetSchema: { lamp_error_alert: S.bool, over_current_alert: S.bool, under_voltage_alert: S.bool,
    over_voltage_alert: S.bool, low_power_factor_alert: S.bool, power__W: S.int,
    voltage__V: S.int, power_factor: S.num },
};

/** Light sensor notification of firmware before 1.1.4: the active dimming step. */
export const LIGHT_SENSOR_NOTIFICATION: NasPacket = {
  name: 'deprecated_light_sensor_notification', fPort: 61, header: 0x85, direction: 'uplink',
  packetDescription: 'Light sensor moved to another dimming step (firmware before 1.1.4)',
  decode(r, out) {
    out['active_dim_step'] = u8(r, 'active_dim_step');
  },
  encodeUplink(data, w) {
    w8(w, intField(data, 'active_dim_step', 0, 255, w.what), 'active_dim_step');
  },
  packetSchema: { active_dim_step: S.int },
};

/**
 * Location notification (GNSS variants): fix status, then for a good fix latitude and
 * longitude as binary32 floats (shown with 6 decimals, as text) and the fix time.
 */
export const LOCATION_NOTIFICATION: NasPacket = {
  name: 'location_notification', fPort: 61, header: 0x86, direction: 'uplink',
  packetDescription: 'GNSS position fix of the controller',
  decode(r, out, warnings) {
    const st = u8(r, 'location_status');
    if (st === 0x00) {
      out['location_status'] = 'good_fix';
      out['latitude__deg'] = f32(r, 'latitude__deg').toFixed(6);
      out['longitude__deg'] = f32(r, 'longitude__deg').toFixed(6);
      out['last_fix_utc_time'] = decodeEpoch(u32(r, 'last_fix_utc_time'), warnings);
    } else if (st === 0x01) out['location_status'] = 'no_fix';
    else if (st === 0x02 || st === 0xff) out['location_status'] = 'internal_error';
    else out['location_status'] = 'invalid_status';
  },
  encodeUplink(data, w) {
    const st = field(data, 'location_status', w.what);
    if (st === 'good_fix') {
      w8(w, 0x00, 'location_status');
      for (const k of ['latitude__deg', 'longitude__deg']) {
        const v = data[k];
        const n = typeof v === 'string' ? floatOfText(v) : NaN;
        if (n !== n && v !== 'NaN') fail(`${w.what}: ${k}: expected degrees as decimal text`);
        wf32(w, n, k);
      }
      w32(w, encodeEpoch(data['last_fix_utc_time'], `${w.what}: last_fix_utc_time`), 'time');
    } else if (st === 'no_fix') w8(w, 0x01, 'location_status');
    else if (st === 'internal_error') w8(w, 0x02, 'location_status');
    else fail(`${w.what}: location_status: expected good_fix, no_fix or internal_error`);
  },
  packetSchema: { location_status: S.enum('good_fix', 'no_fix', 'internal_error', 'invalid_status'),
    latitude__deg: S.str, longitude__deg: S.str, last_fix_utc_time: epochSchema },
};

/** Every FPort 61 packet. */
export const ALERTS = [DIG_INPUT_NOTIFICATION, LDR_INPUT_NOTIFICATION, DALI_DRIVER_ALERT,
  METERING_ALERT, LIGHT_SENSOR_NOTIFICATION, LOCATION_NOTIFICATION];
