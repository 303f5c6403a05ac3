/**
 * UL20xx configuration packets on FPort 50 (NAS UL2030 payload description §"Configuration").
 * The server sends them to configure; the controller sends the same layout back when asked
 * (FPort 49 requests), so each decodes and encodes in both directions. Header 0xFE chains
 * several packets in one frame.
 */
import { fail } from '../../../../framework/codec-error.js';
import {
  type Reader, type Writer, bit, bitsByte, f32, floatOfText, i16, i32, i8, left, raw, u16, u32,
  u8, w16,
  w32, w8, wf32, wi16, wi32, wi8,
} from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, arrField, asFields, boolField, byteOr, bytesHexUpper, codeOf, field, hexBytes,
  extend, hexUpper, intField, intValue, numField, pad, serialValue, strField, utf8Decode,
  utf8Encode,
} from '../values.js';
import {
  addressSchema, decodeAddress, decodeLevel, decodeStepTime, encodeAddress, encodeLevel,
  encodeStepTime, formatLux, levelSchema,
} from './dali.js';
import { decodeEpoch, encodeEpoch } from './time.js';

type Body = Pick<NasPacket, 'decode' | 'encode' | 'schema'>;

function cfg(header: number, name: string, description: string, body: Body): NasPacket {
  return extend({ name, fPort: 50, header, direction: 'both', description } as NasPacket, body);
}

/** A packet whose body is one field coded by `read`/`write`. */
function single(header: number, name: string, description: string, key: string,
  read: (r: Reader) => unknown, write: (w: Writer, v: unknown) => void,
  schema: Record<string, unknown>): NasPacket {
  return cfg(header, name, description, {
    decode(r, out) { out[key] = read(r); },
    encode(data, w) { write(w, field(data, key, w.what)); },
    schema: { [key]: schema },
  });
}

const DAYS = ['holiday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function readDays(r: Reader): string[] {
  const b = u8(r, 'days_active');
  const out: string[] = [];
  for (let i = 0; i < 8; i++) if (bit(b, i)) out.push(DAYS[i]!);
  return out;
}

function writeDays(w: Writer, data: Fields): void {
  const days = arrField(data, 'days_active', w.what);
  for (const d of days) {
    if (DAYS.indexOf(d as string) < 0) fail(`${w.what}: unknown day ${String(d)}`);
  }
  w8(w, bitsByte(DAYS.map((d) => days.indexOf(d) >= 0)), 'days_active');
}

/** Fade times of IEC 62386-102 §9.5.2 (table of fade time codes), in seconds. */
const FADES = [0.5, 0.71, 1.0, 1.41, 2.0, 2.83, 4.0, 5.66, 8.0, 11.31, 16.0, 22.63, 32.0, 45.25,
  64.0, 90.51];

function readFade(r: Reader): number | string {
  const f = u8(r, 'fade_duration__s');
  if (f === 0xff) return 'ignore';
  if (f >= 16) fail(`${r.what}: invalid fade code ${f} at offset ${r.offset - 1}`, r.offset - 1);
  return FADES[f]!;
}

function writeFade(w: Writer, v: unknown): void {
  const i = v === 'ignore' ? 0xff : FADES.indexOf(v as number);
  if (i < 0) fail(`${w.what}: fade_duration__s: expected one of ${FADES.join(', ')} or ignore`);
  w8(w, i, 'fade_duration__s');
}

const fadeSchema = { oneOf: [{ enum: FADES }, { const: 'ignore' }] };

/** Dimming profile: id, destination, active days and up to 16 timed dimming steps. */
export const PROFILE_CONFIG = cfg(0x21, 'profile_config_packet',
  'Dimming profile: destination, active days, time steps', {
    decode(r, out, warnings) {
      const id = u8(r, 'profile_id');
      out['profile_id'] = id === 0xff ? 'no_profile' : id;
      const count = u8(r, 'step count');
      out['address'] = decodeAddress(u8(r, 'address'), 'all_devices', warnings);
      out['days_active'] = readDays(r);
      u8(r, 'reserved');
      const steps: Fields[] = [];
      for (let i = 0; i < count; i++) {
        steps.push({ step_time: decodeStepTime(u8(r, 'step_time')),
          dimming_level__percent: decodeLevel(u8(r, 'dimming_level__percent'), 'inactive') });
      }
      out['dimming_steps'] = steps;
    },
    encode(data, w) {
      w8(w, byteOr(data['profile_id'], 'no_profile', 0xff, 254, `${w.what}: profile_id`), 'id');
      const steps = arrField(data, 'dimming_steps', w.what);
      w8(w, steps.length, 'step count');
      w8(w, encodeAddress(data['address'], 'all_devices', `${w.what}: address`), 'address');
      writeDays(w, data);
      w8(w, 0, 'reserved');
      for (const v of steps) {
        const s = asFields(v, `${w.what}: dimming_steps`);
        w8(w, encodeStepTime(s['step_time'], `${w.what}: step_time`), 'step_time');
        w8(w, encodeLevel(s['dimming_level__percent'], 'inactive', `${w.what}: level`), 'level');
      }
    },
    schema: { profile_id: S.intOr('no_profile'), address: addressSchema('all_devices'),
      days_active: S.list(S.enum(...DAYS)), dimming_steps: S.list(S.obj({ step_time: S.str,
        dimming_level__percent: levelSchema('inactive') })) },
  });

function zenithStep(r: Reader): Fields {
  return { zenith_angle__deg: (i8(r, 'zenith_angle__deg') / 6 + 90).toFixed(2),
    dimming_level__percent: decodeLevel(u8(r, 'dimming_level__percent'), 'disabled') };
}

function writeZenithStep(w: Writer, v: unknown): void {
  const s = asFields(v, `${w.what}: step`);
  const deg = parseFloat(strField(s, 'zenith_angle__deg', w.what));
  wi8(w, Math.round((deg - 90) * 6), 'zenith_angle__deg');
  w8(w, encodeLevel(s['dimming_level__percent'], 'disabled', `${w.what}: level`), 'level');
}

const CAL_FLAGS = ['calendar_prefers_meta_pos', 'calendar_clamps_profiles',
  'calendar_clamps_dig', 'ignore_gnss'];

/**
 * Astronomical calendar: position (hundredths of a degree) and dimming steps at sun zenith
 * angles around sunrise and sunset (sixths of a degree from 90°, shown with 2 decimals).
 */
export const CALENDAR_CONFIG = cfg(0x20, 'calendar_config_packet',
  'Astronomical clock: position and dimming steps at sun zenith angles', {
    decode(r, out) {
      const counts = u8(r, 'step counts');
      const flags = u8(r, 'calendar flags');
      for (let i = 0; i < 4; i++) out[CAL_FLAGS[i]!] = bit(flags, i);
      out['latitude__deg'] = i16(r, 'latitude__deg') / 100;
      out['longitude__deg'] = i16(r, 'longitude__deg') / 100;
      const rise: Fields[] = [];
      const set: Fields[] = [];
      for (let i = 0; i < (counts & 0x0f); i++) rise.push(zenithStep(r));
      for (let i = 0; i < counts >> 4; i++) set.push(zenithStep(r));
      out['sunrise_steps'] = rise;
      out['sunset_steps'] = set;
    },
    encode(data, w) {
      const rise = arrField(data, 'sunrise_steps', w.what);
      const set = arrField(data, 'sunset_steps', w.what);
      if (rise.length > 15 || set.length > 15) fail(`${w.what}: at most 15 steps each`);
      w8(w, rise.length | set.length << 4, 'step counts');
      w8(w, bitsByte(CAL_FLAGS.map((k) => boolField(data, k, w.what))), 'calendar flags');
      wi16(w, Math.round(numField(data, 'latitude__deg', w.what) * 100), 'latitude__deg');
      wi16(w, Math.round(numField(data, 'longitude__deg', w.what) * 100), 'longitude__deg');
      for (const s of rise) writeZenithStep(w, s);
      for (const s of set) writeZenithStep(w, s);
    },
    schema: { calendar_prefers_meta_pos: S.bool, calendar_clamps_profiles: S.bool,
      calendar_clamps_dig: S.bool, ignore_gnss: S.bool, latitude__deg: S.num,
      longitude__deg: S.num,
      sunrise_steps: S.list(S.obj({ zenith_angle__deg: S.str,
        dimming_level__percent: levelSchema('disabled') })),
      sunset_steps: S.list(S.obj({ zenith_angle__deg: S.str,
        dimming_level__percent: levelSchema('disabled') })) },
  });

/** LDR input thresholds of firmware before 1.1.4. */
export const LDR_CONFIG = cfg(0x01, 'deprecated_ldr_input_config_packet',
  'LDR input thresholds (firmware before 1.1.4)', {
    decode(r, out) {
      const hi = u8(r, 'ldr_off_threshold_high');
      out['ldr_off_threshold_high'] = hi === 0xff ? 'disabled' : hi;
      const lo = u8(r, 'ldr_on_threshold_low');
      out['ldr_on_threshold_low'] = lo === 0xff ? 'disabled' : lo;
      out['trigger_alert_enabled'] = bit(u8(r, 'behaviour'), 2);
    },
    encode(data, w) {
      for (const k of ['ldr_off_threshold_high', 'ldr_on_threshold_low']) {
        w8(w, byteOr(data[k], 'disabled', 0xff, 254, `${w.what}: ${k}`), k);
      }
      w8(w, boolField(data, 'trigger_alert_enabled', w.what) ? 4 : 0, 'behaviour');
    },
    schema: { ldr_off_threshold_high: S.intOr('disabled'),
      ldr_on_threshold_low: S.intOr('disabled'), trigger_alert_enabled: S.bool },
  });

/** Digital input behaviour of firmware before 1.1.4. */
export const DIG_CONFIG_LEGACY = cfg(0x03, 'deprecated_dig_input_config_packet',
  'Digital input behaviour (firmware before 1.1.4)', {
    decode(r, out, warnings) {
      const t = u16(r, 'light_on_duration__s');
      out['light_on_duration__s'] = t === 0xffff ? 'dig_input_disabled' : t;
      const b = u8(r, 'behaviour');
      out['signal_edge_rising'] = bit(b, 1);
      out['trigger_alert_enabled'] = bit(b, 2);
      out['address'] = decodeAddress(u8(r, 'address'), 'all_devices', warnings);
      out['dimming_level__percent'] = decodeLevel(u8(r, 'dimming_level__percent'), 'disabled');
    },
    encode(data, w) {
      w16(w, byteOr(data['light_on_duration__s'], 'dig_input_disabled', 0xffff, 0xfffe,
        `${w.what}: light_on_duration__s`), 'light_on_duration__s');
      w8(w, bitsByte([false, boolField(data, 'signal_edge_rising', w.what),
        boolField(data, 'trigger_alert_enabled', w.what)]), 'behaviour');
      w8(w, encodeAddress(data['address'], 'all_devices', `${w.what}: address`), 'address');
      w8(w, encodeLevel(data['dimming_level__percent'], 'disabled', `${w.what}: level`), 'level');
    },
    schema: { light_on_duration__s: S.intOr('dig_input_disabled'), signal_edge_rising: S.bool,
      trigger_alert_enabled: S.bool, address: addressSchema('all_devices'),
      dimming_level__percent: levelSchema('disabled') },
  });

const DIG_FLAGS = ['dig_mode_button', 'polarity_high_or_rising', 'notification_on_activation',
  'notification_on_inactivation', '', '', '', 'source_d4i_motion_sensor'];

/** Digital input (firmware 1.1.4+): 0xFF as first byte disables the input. */
export const DIG_INPUT_CONFIG = cfg(0x28, 'dig_input_config_packet',
  'Digital input: mode, polarity, notifications, levels and delays', {
    decode(r, out, warnings) {
      const index = u8(r, 'dig_enabled');
      if (index === 0xff) return;
      out['dig_enabled'] = index;
      const b = u8(r, 'dig flags');
      for (let i = 0; i < 8; i++) if (DIG_FLAGS[i] !== '') out[DIG_FLAGS[i]!] = bit(b, i);
      out['address'] = decodeAddress(u8(r, 'address'), 'all_devices', warnings);
      out['active_dimming_level__percent'] = decodeLevel(u8(r, 'active level'), 'inactive');
      out['inactive_dimming_level__percent'] = decodeLevel(u8(r, 'inactive level'), 'inactive');
      out['on_delay__s'] = u16(r, 'on_delay__s');
      out['off_delay__s'] = u16(r, 'off_delay__s');
    },
    encode(data, w) {
      if (data['dig_enabled'] === undefined) {
        w8(w, 0xff, 'dig_enabled');
        return;
      }
      w8(w, intField(data, 'dig_enabled', 0, 254, w.what), 'dig_enabled');
      w8(w, bitsByte(DIG_FLAGS.map((k) => k !== '' && boolField(data, k, w.what))), 'flags');
      w8(w, encodeAddress(data['address'], 'all_devices', `${w.what}: address`), 'address');
      for (const k of ['active_dimming_level__percent', 'inactive_dimming_level__percent']) {
        w8(w, encodeLevel(data[k], 'inactive', `${w.what}: ${k}`), k);
      }
      w16(w, intField(data, 'on_delay__s', 0, 0xffff, w.what), 'on_delay__s');
      w16(w, intField(data, 'off_delay__s', 0, 0xffff, w.what), 'off_delay__s');
    },
    schema: { dig_enabled: S.int, dig_mode_button: S.bool, polarity_high_or_rising: S.bool,
      notification_on_activation: S.bool, notification_on_inactivation: S.bool,
      source_d4i_motion_sensor: S.bool, address: addressSchema('all_devices'),
      active_dimming_level__percent: levelSchema('inactive'),
      inactive_dimming_level__percent: levelSchema('inactive'), on_delay__s: S.int,
      off_delay__s: S.int },
  });

const LIGHT_FLAGS = ['notification_on_every_step', 'light_sensor_clamps_profile',
  'light_sensor_clamps_dig', 'interpolate_steps'];

/**
 * Light sensor: step count (0xFF disables), flags, measurement time, destination, then steps
 * of a lux threshold (binary32) and a dimming level.
 */
export const LIGHT_SENSOR_CONFIG = cfg(0x29, 'light_sensor_config_packet',
  'Light sensor: lux thresholds and their dimming levels', {
    decode(r, out, warnings) {
      if (u8(r, 'step count') === 0xff) return;
      const b = u8(r, 'light sensor flags');
      for (let i = 0; i < 4; i++) out[LIGHT_FLAGS[i]!] = bit(b, i);
      out['measurement_duration__s'] = u8(r, 'measurement_duration__s');
      out['address'] = decodeAddress(u8(r, 'address'), 'all_devices', warnings);
      const steps: Fields[] = [];
      // The vendor's decoder reads steps to the end of the frame, not by the count.
      while (left(r) > 0) {
        steps.push({ light_level__lx: formatLux(f32(r, 'light_level__lx')),
          dimming_level__percent: decodeLevel(u8(r, 'dimming_level__percent'), 'inactive') });
      }
      out['dim_steps'] = steps;
    },
    encode(data, w) {
      if (data['dim_steps'] === undefined) {
        w8(w, 0xff, 'step count');
        return;
      }
      const steps = arrField(data, 'dim_steps', w.what);
      w8(w, intValue(steps.length, 0, 254, `${w.what}: step count`), 'step count');
      w8(w, bitsByte(LIGHT_FLAGS.map((k) => boolField(data, k, w.what))), 'flags');
      w8(w, intField(data, 'measurement_duration__s', 0, 255, w.what), 'measurement');
      w8(w, encodeAddress(data['address'], 'all_devices', `${w.what}: address`), 'address');
      for (const v of steps) {
        const s = asFields(v, `${w.what}: dim_steps`);
        wf32(w, floatOfText(strField(s, 'light_level__lx', w.what)), 'light_level__lx');
        w8(w, encodeLevel(s['dimming_level__percent'], 'inactive', `${w.what}: level`), 'level');
      }
    },
    schema: { notification_on_every_step: S.bool, light_sensor_clamps_profile: S.bool,
      light_sensor_clamps_dig: S.bool, interpolate_steps: S.bool,
      measurement_duration__s: S.int, address: addressSchema('all_devices'),
      dim_steps: S.list(S.obj({ light_level__lx: S.str,
        dimming_level__percent: levelSchema('inactive') })) },
  });

/** Open-drain output switching times. */
export const OPEN_DRAIN_CONFIG = cfg(0x05, 'open_drain_output_config_packet',
  'Open-drain output: switching times', {
    decode(r, out) {
      const steps: Fields[] = [];
      while (left(r) > 0) {
        steps.push({ step_time: decodeStepTime(u8(r, 'step_time')),
          open_drain_output_on: u8(r, 'open_drain_output_on') !== 0 });
      }
      out['switching_steps'] = steps;
    },
    encode(data, w) {
      for (const v of arrField(data, 'switching_steps', w.what)) {
        const s = asFields(v, `${w.what}: switching_steps`);
        w8(w, encodeStepTime(s['step_time'], `${w.what}: step_time`), 'step_time');
        w8(w, boolField(s, 'open_drain_output_on', w.what) ? 1 : 0, 'open_drain_output_on');
      }
    },
    schema: { switching_steps: S.list(S.obj({ step_time: S.str,
      open_drain_output_on: S.bool })) },
  });

const u32Schema = S.int;

/** Status report interval. */
export const STATUS_CONFIG = single(0x07, 'status_config_packet', 'Status report interval',
  'status_interval__s', (r) => u32(r, 'status_interval__s'),
  (w, v) => w32(w, intValue(v, 0, 0xffffffff, `${w.what}: status_interval__s`), 'interval'),
  u32Schema);

/** Sets the clock; 0 asks the controller to use the LoRaWAN DeviceTimeReq instead. */
export const TIME_CONFIG: NasPacket = cfg(0x09, 'time_config_packet',
  'Set the controller clock (or make it ask the network with DeviceTimeReq)', {
    decode(r, out, warnings) {
      const s = u32(r, 'device_unix_epoch');
      out['device_unix_epoch'] = s === 0 ? 'force_lorawan_devicetimereq'
        : decodeEpoch(s, warnings);
    },
    encode(data, w) {
      const v = data['device_unix_epoch'];
      w32(w, v === 'force_lorawan_devicetimereq' ? 0
        : encodeEpoch(v, `${w.what}: device_unix_epoch`), 'device_unix_epoch');
    },
    schema: { device_unix_epoch: S.str },
  });
TIME_CONFIG.accepts = (d) => d['device_unix_epoch'] !== undefined;

/** Usage report interval and the mains voltage to assume (0xFF: not set). */
export const USAGE_CONFIG = cfg(0x0b, 'usage_config_packet',
  'Usage report interval and nominal mains voltage', {
    decode(r, out) {
      out['usage_interval__s'] = u32(r, 'usage_interval__s');
      const v = u8(r, 'mains_voltage__V');
      if (v !== 0xff) out['mains_voltage__V'] = v;
    },
    encode(data, w) {
      w32(w, intField(data, 'usage_interval__s', 0, 0xffffffff, w.what), 'usage_interval__s');
      w8(w, data['mains_voltage__V'] === undefined ? 0xff
        : intField(data, 'mains_voltage__V', 0, 254, w.what), 'mains_voltage__V');
    },
    schema: { usage_interval__s: S.int, mains_voltage__V: S.int },
  });

/** Random delay range after boot; one byte in old firmware, two since. */
export const BOOT_DELAY_CONFIG = cfg(0x0d, 'boot_delay_config_packet',
  'Random delay range before the first uplink after boot', {
    decode(r, out) {
      out['boot_delay_range__s'] = left(r) === 1 ? u8(r, 'boot_delay_range__s')
        : u16(r, 'boot_delay_range__s');
    },
    encode(data, w) {
      w16(w, intField(data, 'boot_delay_range__s', 0, 0xffff, w.what), 'boot_delay_range__s');
    },
    schema: { boot_delay_range__s: S.int },
  });

/** Onboard status LED on or off. */
export const LED_CONFIG = single(0x15, 'onboard_led_config_packet', 'Onboard status LED',
  'status_led_enabled', (r) => bit(u8(r, 'status_led_enabled'), 0),
  (w, v) => {
    if (typeof v !== 'boolean') fail(`${w.what}: status_led_enabled: expected true or false`);
    w8(w, v ? 1 : 0, 'status_led_enabled');
  }, S.bool);

const METER_LIMITS = ['min_power__W', 'max_power__W', 'min_voltage__V', 'max_voltage__V'];

/** Metering alert limits (0xFFFF / 0xFF: alert off). */
export const METERING_ALERT_CONFIG = cfg(0x16, 'metering_alert_config_packet',
  'Metering alert limits: power, voltage, power factor', {
    decode(r, out) {
      const sub = u8(r, 'sub-header');
      if (sub !== 0x01) {
        fail(`metering_alert_config_packet: sub-header ${sub} at offset 1, expected 1`, 1);
      }
      for (const k of METER_LIMITS) {
        const v = u16(r, k);
        out[k] = v === 0xffff ? 'alert_off' : v;
      }
      const pf = u8(r, 'min_power_factor');
      out['min_power_factor'] = pf === 0xff ? 'alert_off' : pf / 100;
    },
    encode(data, w) {
      w8(w, 0x01, 'sub-header');
      for (const k of METER_LIMITS) {
        w16(w, byteOr(data[k], 'alert_off', 0xffff, 0xfffe, `${w.what}: ${k}`), k);
      }
      const pf = data['min_power_factor'];
      w8(w, pf === 'alert_off' ? 0xff : intValue(Math.round(numField(data, 'min_power_factor',
        w.what) * 100), 0, 254, `${w.what}: min_power_factor`), 'min_power_factor');
    },
    schema: { min_power__W: S.intOr('alert_off'), max_power__W: S.intOr('alert_off'),
      min_voltage__V: S.intOr('alert_off'), max_voltage__V: S.intOr('alert_off'),
      min_power_factor: S.numOr('alert_off') },
  });

/** DALI fade time. */
export const FADE_CONFIG = single(0x22, 'fade_config_packet', 'DALI fade time',
  'fade_duration__s', readFade, writeFade, fadeSchema);

/** Holidays as month/day pairs, shown `MM/DD`. */
export const HOLIDAY_CONFIG = cfg(0x23, 'holiday_config_packet', 'Holidays (month/day)', {
  decode(r, out) {
    const n = u8(r, 'holiday count');
    const list: string[] = [];
    for (let i = 0; i < n; i++) list.push(pad(u8(r, 'month'), 2) + '/' + pad(u8(r, 'day'), 2));
    out['holidays'] = list;
  },
  encode(data, w) {
    const list = arrField(data, 'holidays', w.what);
    w8(w, list.length, 'holiday count');
    for (const v of list) {
      const m = typeof v === 'string' ? /^(\d{2,3})\/(\d{2,3})$/.exec(v) : null;
      if (m === null) fail(`${w.what}: holidays: expected MM/DD, got ${JSON.stringify(v)}`);
      w8(w, Number(m[1]), 'month');
      w8(w, Number(m[2]), 'day');
    }
  },
  schema: { holidays: S.list(S.str) },
});

/** DALI bus monitoring: alerts, level correction, periodic scan and interval (0: off). */
export const DALI_MONITOR_CONFIG = cfg(0x24, 'dali_monitor_config_packet',
  'DALI bus monitoring: alerts, level correction, bus scans', {
    decode(r, out) {
      const b = u8(r, 'monitor flags');
      out['send_dali_alert'] = bit(b, 0);
      out['correct_dali_dimming_level'] = bit(b, 1);
      out['periodic_bus_scan_enabled'] = bit(b, 2);
      const i = u16(r, 'monitoring_interval__s');
      out['monitoring_interval__s'] = i === 0 ? 'disabled' : i;
    },
    encode(data, w) {
      w8(w, bitsByte(['send_dali_alert', 'correct_dali_dimming_level',
        'periodic_bus_scan_enabled'].map((k) => boolField(data, k, w.what))), 'flags');
      const v = data['monitoring_interval__s'];
      w16(w, v === 'disabled' ? 0 : intValue(v, 1, 0xffff, `${w.what}: monitoring_interval__s`),
        'monitoring_interval__s');
    },
    schema: { send_dali_alert: S.bool, correct_dali_dimming_level: S.bool,
      periodic_bus_scan_enabled: S.bool, monitoring_interval__s: S.intOr('disabled') },
  });

/** Level used when nothing else applies (no clock, no profile). */
export const FALLBACK_DIM_CONFIG = single(0x25, 'fallback_dim_config_packet',
  'Fallback dimming level', 'fallback_dimming_level__percent',
  (r) => u8(r, 'fallback_dimming_level__percent'),
  (w, v) => w8(w, intValue(v, 0, 255, `${w.what}: fallback_dimming_level__percent`), 'level'),
  S.int);

/** Installation position (1e-7 degrees) and a UTF-8 street address. */
export const LOCATION_CONFIG = cfg(0x26, 'location_config_packet',
  'Installation position and street address', {
    decode(r, out) {
      const len = u8(r, 'address length');
      out['latitude__deg'] = i32(r, 'latitude__deg') / 1e7;
      out['longitude__deg'] = i32(r, 'longitude__deg') / 1e7;
      const at = r.offset;
      // The vendor's decoder shows null for bytes that are not UTF-8; an error says more.
      const text = utf8Decode(raw(r, len, 'address'));
      if (text === null) fail(`location_config_packet: address at offset ${at} is not UTF-8`, at);
      out['address'] = text;
    },
    encode(data, w) {
      const text = utf8Encode(strField(data, 'address', w.what), `${w.what}: address`);
      w8(w, text.length, 'address length');
      wi32(w, Math.round(numField(data, 'latitude__deg', w.what) * 1e7), 'latitude__deg');
      wi32(w, Math.round(numField(data, 'longitude__deg', w.what) * 1e7), 'longitude__deg');
      for (const b of text) w.bytes.push(b);
    },
    schema: { latitude__deg: S.num, longitude__deg: S.num, address: S.str },
  });

const LUMALINK: Record<number, string> = {
  0: 'never_advertise', 1: 'first_commission', 2: 'every_boot', 3: 'always',
};

/** When the Bluetooth commissioning link (LumaLink) advertises. */
export const LUMALINK_CONFIG = single(0x27, 'lumalink_config_packet',
  'LumaLink (Bluetooth) advertising mode', 'access_mode',
  (r) => {
    const m = u8(r, 'access_mode');
    const name = LUMALINK[m];
    if (name === undefined) {
      fail(`lumalink_config_packet: invalid access_mode ${m} at offset 1`, 1);
    }
    return name;
  },
  (w, v) => w8(w, codeOf(LUMALINK, v, `${w.what}: access_mode`), 'access_mode'),
  S.enum('never_advertise', 'first_commission', 'every_boot', 'always'));

/** Random delay and rate limit of dimming-change notifications. */
export const DIM_NOTIFY_CONFIG = cfg(0x2a, 'dim_notify_config_packet',
  'Dimming notification random delay and rate limit', {
    decode(r, out) {
      const d = u8(r, 'random_delay__s');
      out['random_delay__s'] = d === 0xff ? 'disabled' : d * 5;
      out['packet_limit__s'] = u8(r, 'packet_limit__s') * 60;
    },
    encode(data, w) {
      const d = data['random_delay__s'];
      const steps = d === 'disabled' ? 0xff : intValue(d, 0, 1270, `${w.what}: random_delay__s`);
      if (d !== 'disabled' && steps % 5 !== 0) fail(`${w.what}: random_delay__s: multiple of 5`);
      w8(w, d === 'disabled' ? 0xff : steps / 5, 'random_delay__s');
      const l = intField(data, 'packet_limit__s', 0, 255 * 60, w.what);
      if (l % 60 !== 0) fail(`${w.what}: packet_limit__s: expected a multiple of 60`);
      w8(w, l / 60, 'packet_limit__s');
    },
    schema: { random_delay__s: S.intOr('disabled'), packet_limit__s: S.int },
  });

/** Output interface: DALI or 0-10 V (254: the hardware cannot switch, an error). */
export const INTERFACE_TYPE_CONFIG = single(0x2b, 'interface_type_config_packet',
  'Output interface: DALI or 0-10 V', 'interface_type',
  (r) => {
    const v = u8(r, 'interface_type');
    if (v === 0) return 'dali';
    if (v === 1) return 'analog_0_10v';
    fail(`interface_type_config_packet: ${v === 254 ? 'not_supported' : 'invalid value ' + v}` +
      ' at offset 1', 1);
  },
  (w, v) => w8(w, codeOf({ 0: 'dali', 1: 'analog_0_10v' }, v, `${w.what}: interface_type`),
    'interface_type'),
  S.enum('dali', 'analog_0_10v'));

/**
 * Multicast session (0 to 3): DevAddr (sent little-endian, shown big-endian) and its two
 * session keys, shown as hex as the vendor does. The codec only moves the keys between bytes
 * and text; it never logs them.
 */
export const MULTICAST_CONFIG = cfg(0x52, 'multicast_config_packet',
  'Multicast session: DevAddr and session keys', {
    decode(r, out) {
      const dev = u8(r, 'multicast_device');
      if (dev > 3) fail(`multicast_config_packet: invalid multicast_device ${dev} at offset 1`, 1);
      out['multicast_device'] = dev;
      out['devaddr'] = bytesHexUpper(raw(r, 4, 'devaddr').reverse());
      out['nwkskey'] = bytesHexUpper(raw(r, 16, 'nwkskey'));
      out['appskey'] = bytesHexUpper(raw(r, 16, 'appskey'));
    },
    encode(data, w) {
      w8(w, intField(data, 'multicast_device', 0, 3, w.what), 'multicast_device');
      const addr = hexBytes(data['devaddr'], `${w.what}: devaddr`);
      const nwk = hexBytes(data['nwkskey'], `${w.what}: nwkskey`);
      const app = hexBytes(data['appskey'], `${w.what}: appskey`);
      if (addr.length !== 4 || nwk.length !== 16 || app.length !== 16) {
        fail(`${w.what}: devaddr needs 4 bytes, nwkskey and appskey 16 each`);
      }
      for (const b of addr.reverse().concat(nwk, app)) w.bytes.push(b);
    },
    schema: { multicast_device: S.int, devaddr: S.str, nwkskey: S.str, appskey: S.str },
  });

/** Multicast downlink frame counter of one session. */
export const MULTICAST_FCNT_CONFIG = cfg(0x53, 'multicast_fcnt_config_packet',
  'Multicast session frame counter', {
    decode(r, out) {
      out['multicast_device'] = u8(r, 'multicast_device');
      out['multicast_fcnt'] = u32(r, 'multicast_fcnt');
    },
    encode(data, w) {
      w8(w, intField(data, 'multicast_device', 0, 255, w.what), 'multicast_device');
      w32(w, intField(data, 'multicast_fcnt', 0, 0xffffffff, w.what), 'multicast_fcnt');
    },
    schema: { multicast_device: S.int, multicast_fcnt: S.int },
  });

/** Resets one configuration, or (with the serial as a safeguard) everything. */
export const CLEAR_CONFIG = cfg(0xff, 'clear_config_packet',
  'Reset a configuration (profiles, holidays, inputs, multicast) or the whole device', {
    decode(r, out, warnings) {
      const t = u8(r, 'reset_target');
      if (t === 0x21) {
        out['reset_target'] = 'profile_config';
        out['address'] = decodeAddress(u8(r, 'address'), 'all_profiles', warnings);
      } else if (t === 0x23) out['reset_target'] = 'holiday_config';
      else if (t === 0x28) out['reset_target'] = 'dig_input_config';
      else if (t === 0x29) out['reset_target'] = 'light_sensor_config';
      else if (t === 0x52) {
        out['reset_target'] = 'multicast_config';
        const d = u8(r, 'multicast_device');
        out['multicast_device'] = d === 0xff ? 'all_multicast_devices' : 'multicast_device_' + d;
      } else if (t === 0xff) {
        out['reset_target'] = 'factory_reset';
        out['device_serial'] = hexUpper(u32(r, 'device_serial'), 8);
      } else fail(`clear_config_packet: invalid reset target 0x${t.toString(16)} at offset 1`, 1);
    },
    encode(data, w) {
      const t = data['reset_target'];
      const code = codeOf({ 0x21: 'profile_config', 0x23: 'holiday_config',
        0x28: 'dig_input_config', 0x29: 'light_sensor_config', 0x52: 'multicast_config',
        0xff: 'factory_reset' }, t, `${w.what}: reset_target`);
      w8(w, code, 'reset_target');
      if (code === 0x21) {
        w8(w, encodeAddress(data['address'], 'all_profiles', `${w.what}: address`), 'address');
      } else if (code === 0x52) {
        const d = data['multicast_device'];
        const m = typeof d === 'string' ? /^multicast_device_(\d+)$/.exec(d) : null;
        w8(w, d === 'all_multicast_devices' ? 0xff
          : intValue(m === null ? d : Number(m[1]), 0, 254, `${w.what}: multicast_device`),
        'multicast_device');
      } else if (code === 0xff) {
        w32(w, serialValue(data['device_serial'], 8, `${w.what}: device_serial`), 'serial');
      }
    },
    schema: { reset_target: S.enum('profile_config', 'holiday_config', 'dig_input_config',
      'light_sensor_config', 'multicast_config', 'factory_reset'),
    address: addressSchema('all_profiles'), multicast_device: S.str, device_serial: S.str },
  });

/** Every single FPort 50 packet (not the chain). */
export const CONFIG_PACKETS: NasPacket[] = [LDR_CONFIG, DIG_CONFIG_LEGACY, OPEN_DRAIN_CONFIG,
  STATUS_CONFIG, TIME_CONFIG, USAGE_CONFIG, BOOT_DELAY_CONFIG, LED_CONFIG, METERING_ALERT_CONFIG,
  MULTICAST_CONFIG, CLEAR_CONFIG, CALENDAR_CONFIG, PROFILE_CONFIG, FADE_CONFIG, HOLIDAY_CONFIG,
  DALI_MONITOR_CONFIG, FALLBACK_DIM_CONFIG, LOCATION_CONFIG, LUMALINK_CONFIG, DIG_INPUT_CONFIG,
  LIGHT_SENSOR_CONFIG, DIM_NOTIFY_CONFIG, INTERFACE_TYPE_CONFIG, MULTICAST_FCNT_CONFIG];

/**
 * Several configuration packets in one frame (header 0xFE), each with its own header. Packets
 * whose length is only known by the end of the frame (profile steps read by count are fine;
 * open-drain steps, light-sensor steps, custom lengths are not) can only come last, as in the
 * vendor's decoder which reads them to the end.
 */
export const CHAINED_CONFIG = cfg(0xfe, 'chained_config_packet',
  'Several configuration packets in one frame', {
    decode(r, out, warnings) {
      const list: Fields[] = [];
      while (left(r) > 0) {
        const header = u8(r, 'chained header');
        const p = CONFIG_PACKETS.filter((c) => c.header === header)[0];
        if (p === undefined) {
          fail(`chained_config_packet: unknown header 0x${header.toString(16)} at offset ` +
            `${r.offset - 1}`, r.offset - 1);
        }
        const item: Fields = { packet_type: p.name };
        const saved = r.what;
        r.what = p.name;
        p.decode(r, item, warnings);
        r.what = saved;
        list.push(item);
      }
      out['payloads'] = list;
    },
    encode(data, w) {
      for (const v of arrField(data, 'payloads', w.what)) {
        const item = asFields(v, `${w.what}: payloads`);
        const p = CONFIG_PACKETS.filter((c) => c.name === item['packet_type'] &&
          (c.accepts === undefined || c.accepts(item)))[0];
        if (p === undefined) fail(`${w.what}: unknown packet_type ${String(item['packet_type'])}`);
        const sub: Writer = { bytes: [p.header], what: p.name };
        p.encode(item, sub);
        for (const b of sub.bytes) w.bytes.push(b);
      }
    },
    schema: { payloads: S.list({ type: 'object' }) },
  });
