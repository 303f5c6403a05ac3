/**
 * UL20xx configuration packets on FPort 50 (NAS UL2030 payload description §"Configuration").
 * The server sends them to configure; the controller sends the same layout back when asked
 * (FPort 49 requests), so each decodes and encodes in both directions. Header 0xFE chains
 * several packets in one frame. Regular packets are field tables (`../fields.ts`); the
 * calendar, light sensor, boot delay, holidays, location, reset and chain are written out.
 */
import { fail } from '../../../../framework/codec-error.js';
import { type Field, tablePacket } from '../fields.js';
import { type Writer, left, u16, u32, u8, w16, w32, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import {
  type Fields, arrField, asFields, codeOf, hexUpper, intValue, serialValue,
} from '../values.js';
import { addressSchema, decodeAddress, encodeAddress } from './dali.js';

type Body = Pick<NasPacket, 'decode' | 'encode' | 'packetSchema' | 'packetDescription'>;

/** A written-out FPort 50 packet. */
function cfg(header: number, name: string, body: Body): NasPacket {
  return { name, fPort: 50, header, direction: 'both', packetDescription: body.packetDescription,
    decode: body.decode, encode: body.encode, packetSchema: body.packetSchema };
}

/** A field-table FPort 50 packet; its description is metadata the script build empties. */
function table(header: number, name: string, fields: Field[],
  doc: { packetDescription: string }): NasPacket {
  return tablePacket({ name, fPort: 50, header, packetDescription: doc.packetDescription,
    fields });
}

/** A dimming level byte (0xFF named `ff`). */
const level = (name: string, ff: string): Field => ['u8', name, { special: { 255: ff } }];
const ALL_DEVICES: Field = ['addr', 'address', { ff: 'all_devices' }];

/** Dimming profile: id, destination, active days and up to 16 timed dimming steps. */
export const PROFILE_CONFIG = table(0x21, 'profile_config_packet', [
    ['u8', 'profile_id', { special: { 255: 'no_profile' } }],
    ['count', 'dimming_steps'],
    ALL_DEVICES,
    ['days', 'days_active'],
    ['zero', 'reserved'],
    ['list', 'dimming_steps', { counted: true,
      item: [['time', 'step_time'], level('dimming_level__percent', 'inactive')] }],
  ], {
  packetDescription: 'Dimming profile: destination, active days, time steps' });

/** A step at a sun zenith angle: the angle and the dimming level. */
const ZENITH_STEP: Field[] = [['zenith', 'zenith_angle__deg'],
  level('dimming_level__percent', 'disabled')];

/**
 * Astronomical calendar: the two step counts in one byte, flags, position (hundredths of a
 * degree) and dimming steps at sun zenith angles around sunrise and sunset (sixths of a degree
 * from 90°, shown with 2 decimals).
 */
export const CALENDAR_CONFIG = table(0x20, 'calendar_config_packet', [
  ['count', 'sunrise_steps', { pair: 'sunset_steps' }],
  ['flags', 'calendar flags', { bits: ['calendar_prefers_meta_pos', 'calendar_clamps_profiles',
    'calendar_clamps_dig', 'ignore_gnss'] }],
  ['i16', 'latitude__deg', { div: 100 }],
  ['i16', 'longitude__deg', { div: 100 }],
  ['list', 'sunrise_steps', { counted: true, item: ZENITH_STEP }],
  ['list', 'sunset_steps', { counted: true, item: ZENITH_STEP }],
], { packetDescription: 'Astronomical clock: position and dimming steps at sun zenith angles' });

/** LDR input thresholds of firmware before 1.1.4. */
export const LDR_CONFIG = table(0x01, 'deprecated_ldr_input_config_packet', [
    level('ldr_off_threshold_high', 'disabled'),
    level('ldr_on_threshold_low', 'disabled'),
    ['flags', 'behaviour', { bits: ['', '', 'trigger_alert_enabled'] }],
  ], {
  packetDescription: 'LDR input thresholds (firmware before 1.1.4)' });

/** Digital input behaviour of firmware before 1.1.4. */
export const DIG_CONFIG_LEGACY = table(0x03, 'deprecated_dig_input_config_packet', [
    ['u16', 'light_on_duration__s', { special: { 0xffff: 'dig_input_disabled' } }],
    ['flags', 'behaviour', { bits: ['', 'signal_edge_rising', 'trigger_alert_enabled'] }],
    ALL_DEVICES,
    level('dimming_level__percent', 'disabled'),
  ], {
  packetDescription: 'Digital input behaviour (firmware before 1.1.4)' });

/** Digital input (firmware 1.1.4+): 0xFF as first byte disables the input. */
export const DIG_INPUT_CONFIG = table(0x28, 'dig_input_config_packet', [
    ['u8', 'dig_enabled', { absent: 0xff, last: true }],
    ['flags', 'dig flags', { bits: ['dig_mode_button', 'polarity_high_or_rising',
      'notification_on_activation', 'notification_on_inactivation', '', '', '',
      'source_d4i_motion_sensor'] }],
    ALL_DEVICES,
    level('active_dimming_level__percent', 'inactive'),
    level('inactive_dimming_level__percent', 'inactive'),
    ['u16', 'on_delay__s'],
    ['u16', 'off_delay__s'],
  ], {
  packetDescription: 'Digital input: mode, polarity, notifications, levels and delays' });

/**
 * Light sensor: step count (0xFF disables the sensor and ends the body), flags, measurement
 * time, destination, then steps of a lux threshold (binary32) and a dimming level. The vendor's
 * decoder reads steps to the end of the frame, not by the count.
 */
export const LIGHT_SENSOR_CONFIG = table(0x29, 'light_sensor_config_packet', [
  ['count', 'dim_steps', { absent: 0xff }],
  ['flags', 'light sensor flags', { bits: ['notification_on_every_step',
    'light_sensor_clamps_profile', 'light_sensor_clamps_dig', 'interpolate_steps'] }],
  ['u8', 'measurement_duration__s'],
  ALL_DEVICES,
  ['list', 'dim_steps', { item: [['lux', 'light_level__lx'],
    level('dimming_level__percent', 'inactive')] }],
], { packetDescription: 'Light sensor: lux thresholds and their dimming levels' });

/** Open-drain output switching times. */
export const OPEN_DRAIN_CONFIG = table(0x05, 'open_drain_output_config_packet', [
    ['list', 'switching_steps', { item: [['time', 'step_time'], ['nz', 'open_drain_output_on']] }],
  ], {
  packetDescription: 'Open-drain output: switching times' });

/** Status report interval. */
export const STATUS_CONFIG = table(0x07, 'status_config_packet', [['u32', 'status_interval__s']], {
  packetDescription: 'Status report interval' });

/** Sets the clock; 0 asks the controller to use the LoRaWAN DeviceTimeReq instead. */
export const TIME_CONFIG: NasPacket = tablePacket({ name: 'time_config_packet', fPort: 50,
  header: 0x09,
  packetDescription: 'Set the controller clock (or make it ask the network with DeviceTimeReq)',
  fields: [['epoch', 'device_unix_epoch', { special: { 0: 'force_lorawan_devicetimereq' } }]],
  accepts: (d) => d['device_unix_epoch'] !== undefined });

/** Usage report interval and the mains voltage to assume (0xFF: not set). */
export const USAGE_CONFIG = table(0x0b, 'usage_config_packet', [
    ['u32', 'usage_interval__s'],
    ['u8', 'mains_voltage__V', { absent: 0xff }],
  ], {
  packetDescription: 'Usage report interval and nominal mains voltage' });

/** Random delay range after boot; one byte in old firmware, two since. */
export const BOOT_DELAY_CONFIG = cfg(0x0d, 'boot_delay_config_packet', {
  packetDescription: 'Random delay range before the first uplink after boot',
  decode(r, out) {
    out['boot_delay_range__s'] = left(r) === 1 ? u8(r, 'boot_delay_range__s')
      : u16(r, 'boot_delay_range__s');
  },
  encode(data, w) {
    w16(w, intValue(data['boot_delay_range__s'], 0, 0xffff, `${w.what}: boot_delay_range__s`),
      'boot_delay_range__s');
  },
  packetSchema: { boot_delay_range__s: S.int },
});

/** Onboard status LED on or off. */
export const LED_CONFIG = table(0x15, 'onboard_led_config_packet',
  [['bit0', 'status_led_enabled']], {
  packetDescription: 'Onboard status LED' });

const alertOff = (name: string): Field => ['u16', name, { special: { 0xffff: 'alert_off' } }];

/** Metering alert limits (0xFFFF / 0xFF: alert off). */
export const METERING_ALERT_CONFIG = table(0x16, 'metering_alert_config_packet', [
    ['sub', 'sub-header', { value: 0x01 }],
    alertOff('min_power__W'), alertOff('max_power__W'), alertOff('min_voltage__V'),
    alertOff('max_voltage__V'),
    ['u8', 'min_power_factor', { special: { 255: 'alert_off' }, div: 100 }],
  ], {
  packetDescription: 'Metering alert limits: power, voltage, power factor' });

/** Fade times of IEC 62386-102 §9.5.2 (table of fade time codes), in seconds; 0xFF: ignore. */
const FADES: Record<number, string | number> = { 255: 'ignore' };
[0.5, 0.71, 1.0, 1.41, 2.0, 2.83, 4.0, 5.66, 8.0, 11.31, 16.0, 22.63, 32.0, 45.25, 64.0, 90.51]
  .forEach((s, i) => { FADES[i] = s; });

/** DALI fade time. */
export const FADE_CONFIG = table(0x22, 'fade_config_packet',
  [['enum', 'fade_duration__s', { table: FADES }]], {
  packetDescription: 'DALI fade time' });

/** Holidays as month/day pairs, shown `MM/DD`. */
export const HOLIDAY_CONFIG = table(0x23, 'holiday_config_packet',
  [['list', 'holidays', { counted: true, scalar: true, item: [['md', '']] }]],
  { packetDescription: 'Holidays (month/day)' });

/** DALI bus monitoring: alerts, level correction, periodic scan and interval (0: off). */
export const DALI_MONITOR_CONFIG = table(0x24, 'dali_monitor_config_packet', [
    ['flags', 'monitor flags', { bits: ['send_dali_alert', 'correct_dali_dimming_level',
      'periodic_bus_scan_enabled'] }],
    ['u16', 'monitoring_interval__s', { special: { 0: 'disabled' } }],
  ], {
  packetDescription: 'DALI bus monitoring: alerts, level correction, bus scans' });

/** Level used when nothing else applies (no clock, no profile). */
export const FALLBACK_DIM_CONFIG = table(0x25, 'fallback_dim_config_packet',
  [['u8', 'fallback_dimming_level__percent']], {
  packetDescription: 'Fallback dimming level' });

/** Installation position (1e-7 degrees) and a UTF-8 street address (its length first). */
export const LOCATION_CONFIG = table(0x26, 'location_config_packet', [
  ['count', 'address'],
  ['i32', 'latitude__deg', { div: 1e7 }],
  ['i32', 'longitude__deg', { div: 1e7 }],
  ['text', 'address'],
], { packetDescription: 'Installation position and street address' });

/** When the Bluetooth commissioning link (LumaLink) advertises. */
export const LUMALINK_CONFIG = table(0x27, 'lumalink_config_packet',
  [['enum', 'access_mode', { table: {
    0: 'never_advertise', 1: 'first_commission', 2: 'every_boot', 3: 'always' } }]], {
  packetDescription: 'LumaLink (Bluetooth) advertising mode' });

/** Random delay (units of 5 s) and rate limit (minutes) of dimming-change notifications. */
export const DIM_NOTIFY_CONFIG = table(0x2a, 'dim_notify_config_packet', [
    ['u8', 'random_delay__s', { special: { 255: 'disabled' }, mul: 5 }],
    ['u8', 'packet_limit__s', { mul: 60 }],
  ], {
  packetDescription: 'Dimming notification random delay and rate limit' });

/** Output interface: DALI or 0-10 V (254: the hardware cannot switch, an error). */
export const INTERFACE_TYPE_CONFIG = table(0x2b, 'interface_type_config_packet',
  [['enum', 'interface_type', { table: { 0: 'dali', 1: 'analog_0_10v' } }]], {
  packetDescription: 'Output interface: DALI or 0-10 V' });

/**
 * Multicast session (0 to 3): DevAddr (sent little-endian, shown big-endian) and its two
 * session keys, shown as hex as the vendor does. The codec only moves the keys between bytes
 * and text; it never logs them.
 */
export const MULTICAST_CONFIG = table(0x52, 'multicast_config_packet', [
    ['u8', 'multicast_device', { max: 3 }],
    ['hex', 'devaddr', { size: 4, reverse: true }],
    ['hex', 'nwkskey', { size: 16 }],
    ['hex', 'appskey', { size: 16 }],
  ], {
  packetDescription: 'Multicast session: DevAddr and session keys' });

/** Multicast downlink frame counter of one session. */
export const MULTICAST_FCNT_CONFIG = table(0x53, 'multicast_fcnt_config_packet',
  [['u8', 'multicast_device'], ['u32', 'multicast_fcnt']], {
  packetDescription: 'Multicast session frame counter' });

const RESET_TARGETS: Record<number, string> = { 0x21: 'profile_config', 0x23: 'holiday_config',
  0x28: 'dig_input_config', 0x29: 'light_sensor_config', 0x52: 'multicast_config',
  0xff: 'factory_reset' };

/** Resets one configuration, or (with the serial as a safeguard) everything. */
export const CLEAR_CONFIG = cfg(0xff, 'clear_config_packet', {
  packetDescription:
    'Reset a configuration (profiles, holidays, inputs, multicast) or the whole device',
  decode(r, out, warnings) {
    const t = u8(r, 'reset_target');
    const name = RESET_TARGETS[t];
    if (name === undefined) {
      fail(`${r.what}: invalid reset target 0x${t.toString(16)} at offset 1`, 1);
    }
    out['reset_target'] = name;
    if (t === 0x21) out['address'] = decodeAddress(u8(r, 'address'), 'all_profiles', warnings);
    else if (t === 0x52) {
      const d = u8(r, 'multicast_device');
      out['multicast_device'] = d === 0xff ? 'all_multicast_devices' : 'multicast_device_' + d;
    } else if (t === 0xff) out['device_serial'] = hexUpper(u32(r, 'device_serial'), 8);
  },
  encode(data, w) {
    const code = codeOf(RESET_TARGETS, data['reset_target'], `${w.what}: reset_target`);
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
  packetSchema: { reset_target: S.enum('profile_config', 'holiday_config', 'dig_input_config',
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
export const CHAINED_CONFIG = cfg(0xfe, 'chained_config_packet', {
  packetDescription: 'Several configuration packets in one frame',
  decode(r, out, warnings) {
    const list: Fields[] = [];
    while (left(r) > 0) {
      const header = u8(r, 'chained header');
      const p = CONFIG_PACKETS.filter((c) => c.header === header)[0];
      if (p === undefined) {
        fail(`${r.what}: unknown header 0x${header.toString(16)} at offset ` +
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
      p.encode!(item, sub);
      for (const b of sub.bytes) w.bytes.push(b);
    }
  },
  packetSchema: { payloads: S.list({ type: 'object' }) },
});
