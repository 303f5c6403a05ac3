/**
 * Milesight WT101: smart radiator thermostat (thermostatic valve head). Table from the vendor's
 * decoder as published in TheThingsNetwork/lorawan-devices vendor/milesight-iot/wt101.js
 * (2025, whose names the shared examples use) and command bytes from the vendor's encoder
 * (Milesight-IoT/SensorDecoders WT_Series/WT101/WT101_Encoder.js).
 */
import type { HarmonisedHvac } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { ENABLE, REBOOT, TIME_ZONE, action } from './format/common.js';
import { defineMilesight } from './format/define.js';
import type { BitPart } from './format/field.js';
import { type Item, one } from './format/item.js';
import { numberAt, withDefined, withEntries } from './format/normalize.js';

const CONTROL_MODE: Record<number, string> = { 0: 'auto', 1: 'manual' };

/** Days a heating schedule repeats on: bit 1 is Monday, bit 7 Sunday (bit 0 unused). */
const WEEK_DAYS: BitPart[] = [];
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
for (let i = 0; i < 7; i++) {
  const key = DAY_NAMES[i]!;
  WEEK_DAYS.push({ key, shift: i + 1, width: 1, map: ENABLE, group: 'week_recycle' });
}

/** Time zone in minutes (command 0xBD), vendor labels. */
const TIME_ZONE_MINUTES: Record<number, string> = {};
(function fill(): void {
  const codes = Object.keys(TIME_ZONE);
  for (let i = 0; i < codes.length; i++) {
    const tenths = Number(codes[i]);
    // Tenths of an hour except the two quarter zones: 57 is +5:45, 127 is +12:45.
    const minutes = tenths === 57 ? 345 : tenths === 127 ? 765 : tenths * 6;
    TIME_ZONE_MINUTES[minutes] = TIME_ZONE[tenths]!;
  }
})();

const UPLINK: Item[] = [
  { prefix: [0x01, 0x75], messageType: 'status', fields: [{ key: 'battery', kind: 'u8' }] },
  // Signed: a radiator in an unheated room can read below 0 °C.
  one([0x03, 0x67], 'status', { key: 'temperature', kind: 'i16', scale: 10 }),
  one([0x04, 0x67], 'status', { key: 'target_temperature', kind: 'i16', scale: 10 }),
  { prefix: [0x05, 0x92], messageType: 'status', fields: [{ key: 'valve_opening', kind: 'u8' }] },
  {
    prefix: [0x06, 0x00],
    messageType: 'event',
    fields: [{ key: 'tamper_status', kind: 'u8', map: { 0: 'installed', 1: 'uninstalled' } }],
  },
  {
    prefix: [0x07, 0x00],
    messageType: 'event',
    fields: [{ key: 'window_detection', kind: 'u8', map: { 0: 'normal', 1: 'open' } }],
  },
  {
    prefix: [0x08, 0xe5],
    messageType: 'event',
    fields: [
      {
        key: 'motor_calibration_result',
        kind: 'u8',
        map: {
          0: 'success',
          1: 'fail: out of range',
          2: 'fail: uninstalled',
          3: 'calibration cleared',
          4: 'temperature control disabled',
        },
      },
    ],
  },
  { prefix: [0x09, 0x90], messageType: 'status', fields: [{ key: 'motor_stroke', kind: 'u16' }] },
  {
    prefix: [0x0a, 0x00],
    messageType: 'event',
    fields: [{ key: 'freeze_protection', kind: 'u8', map: { 0: 'normal', 1: 'triggered' } }],
  },
  one([0x0b, 0x90], 'status', { key: 'motor_position', kind: 'u16' }),
];

function enableSetting(prefix: number[], key: string): Item {
  return { prefix, messageType: `set_${key}`, fields: [{ key, kind: 'u8', map: ENABLE }] };
}

const DOWNLINK: Item[] = [
  REBOOT,
  action([0xff, 0x28, 0x00], 'report_status'),
  action([0xff, 0x28, 0x01], 'report_heating_date'),
  action([0xff, 0x28, 0x02], 'report_heating_schedule'),
  action([0xff, 0x4a, 0xff], 'sync_time'),
  {
    // Minutes, 1 to 1440; the byte before the value selects the interval kind (0).
    prefix: [0xff, 0x8e, 0x00],
    messageType: 'set_report_interval',
    fields: [{ key: 'report_interval', kind: 'u16' }],
  },
  one([0xff, 0xbd], 'set_time_zone', { key: 'time_zone', kind: 'i16', map: TIME_ZONE_MINUTES }),
  // Older firmware: tenths of an hour.
  one([0xff, 0x17], 'set_time_zone', { key: 'time_zone', kind: 'i16', map: TIME_ZONE }),
  {
    prefix: [0xff, 0x3b],
    messageType: 'set_time_sync_enable',
    fields: [{ key: 'time_sync_enable', kind: 'u8', map: { 0: 'disable', 2: 'enable' } }],
  },
  {
    prefix: [0xff, 0xab],
    messageType: 'set_temperature_calibration_settings',
    into: 'temperature_calibration_settings',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'calibration_value', kind: 'i16', scale: 10 },
    ],
  },
  {
    prefix: [0xff, 0xb3],
    messageType: 'set_temperature_control',
    into: 'temperature_control',
    partOf: true,
    fields: [{ key: 'enable', kind: 'u8', map: ENABLE }],
  },
  {
    prefix: [0xff, 0xae],
    messageType: 'set_temperature_control',
    into: 'temperature_control',
    partOf: true,
    fields: [{ key: 'mode', kind: 'u8', map: CONTROL_MODE }],
  },
  {
    prefix: [0xff, 0xb1],
    messageType: 'set_target_temperature',
    fields: [
      { key: 'target_temperature', kind: 'i8' },
      { key: 'temperature_tolerance', kind: 'u16', scale: 10 },
    ],
  },
  {
    prefix: [0xf9, 0x35],
    messageType: 'set_target_temperature_range',
    into: 'target_temperature_range',
    fields: [
      { key: 'min', kind: 'i8' },
      { key: 'max', kind: 'i8' },
    ],
  },
  {
    prefix: [0xff, 0xaf],
    messageType: 'set_open_window_detection',
    into: 'open_window_detection',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'temperature_threshold', kind: 'i8', scale: 10 },
      { key: 'time', kind: 'u16' },
    ],
  },
  action([0xff, 0x57, 0xff], 'restore_open_window_detection'),
  one([0xff, 0xb4], 'set_valve_opening', { key: 'valve_opening', kind: 'u8' }),
  action([0xff, 0xad, 0xff], 'valve_calibration'),
  {
    prefix: [0xff, 0xac],
    messageType: 'set_valve_control_algorithm',
    fields: [{ key: 'valve_control_algorithm', kind: 'u8', map: { 0: 'rate', 1: 'pid' } }],
  },
  {
    prefix: [0xff, 0xb0],
    messageType: 'set_freeze_protection_config',
    into: 'freeze_protection_config',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'temperature', kind: 'i16', scale: 10 },
    ],
  },
  {
    prefix: [0xff, 0x25],
    messageType: 'set_child_lock_config',
    into: 'child_lock_config',
    fields: [{ key: 'enable', kind: 'u8', map: ENABLE }],
  },
  {
    prefix: [0xff, 0xf8],
    messageType: 'set_offline_control_mode',
    fields: [
      {
        key: 'offline_control_mode',
        kind: 'u8',
        map: { 0: 'keep', 1: 'embedded temperature control', 2: 'off' },
      },
    ],
  },
  {
    prefix: [0xff, 0xc4],
    messageType: 'set_outside_temperature_control',
    into: 'outside_temperature_control',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'timeout', kind: 'u8' },
    ],
  },
  enableSetting([0xf9, 0x36], 'display_ambient_temperature'),
  {
    prefix: [0xf9, 0x37],
    messageType: 'set_window_detection_valve_strategy',
    fields: [
      { key: 'window_detection_valve_strategy', kind: 'u8', map: { 0: 'keep', 1: 'close' } },
    ],
  },
  {
    prefix: [0xf9, 0x38],
    messageType: 'set_effective_stroke',
    into: 'effective_stroke',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'rate', kind: 'u8' },
    ],
  },
  enableSetting([0xf9, 0x3a], 'change_report_enable'),
  {
    prefix: [0xff, 0xba],
    messageType: 'set_dst_config',
    into: 'dst_config',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'offset', kind: 'i8' },
      { key: 'start_month', kind: 'u8' },
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'start_week_num', shift: 4, width: 4 },
          { key: 'start_week_day', shift: 0, width: 4 },
        ],
      },
      { key: 'start_time', kind: 'u16' },
      { key: 'end_month', kind: 'u8' },
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'end_week_num', shift: 4, width: 4 },
          { key: 'end_week_day', shift: 0, width: 4 },
        ],
      },
      { key: 'end_time', kind: 'u16' },
    ],
  },
  {
    prefix: [0xf9, 0x33],
    messageType: 'set_heating_date',
    into: 'heating_date',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'report_interval', kind: 'u16' },
      { key: 'start_month', kind: 'u8' },
      { key: 'start_day', kind: 'u8' },
      { key: 'end_month', kind: 'u8' },
      { key: 'end_day', kind: 'u8' },
    ],
  },
  {
    // One schedule per command; the device numbers them from 0, the vendor shows 1 to 16.
    prefix: [0xf9, 0x34],
    messageType: 'set_heating_schedule',
    into: 'heating_schedule',
    list: true,
    fields: [
      { key: 'index', kind: 'u8', add: 1 },
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'temperature_control_mode', kind: 'u8', map: CONTROL_MODE },
      { key: 'value', kind: 'u8' },
      { key: 'report_interval', kind: 'u16' },
      // Minutes after midnight, device local time.
      { key: 'execute_time', kind: 'u16' },
      { kind: 'packed', size: 1, parts: WEEK_DAYS },
    ],
  },
];

/**
 * Replies to the `f9` commands: channel 0xF8, the same fields, then a result byte (vendor
 * decoder `handle_downlink_response_ext` with its result flag).
 */
const REPLIES: Item[] = [];
for (let i = 0; i < DOWNLINK.length; i++) {
  const cmd = DOWNLINK[i]!;
  if (cmd.prefix[0] !== 0xf9) continue;
  const reply = withEntries<Item>(cmd, {
    prefix: [0xf8, cmd.prefix[1]!],
    messageType: 'command_reply',
    result: { 0: 'success', 1: 'forbidden', 2: 'invalid parameter' },
  });
  REPLIES.push(reply);
}

/** The WT101 table. */
export const WT101 = {
  model: 'wt101',
  category: 'hvac' as const,
  description: 'Milesight WT101 smart radiator thermostat',
  uplink: UPLINK.concat(REPLIES),
  downlink: DOWNLINK,
  messageTypes: {
    device_info: 'Versions, serial number, class and reset/power-on events (channel 0xFF)',
    status: 'Battery, temperature, target temperature (°C), valve opening (%), motor stroke',
    event: 'Tamper, open window, motor calibration result, freeze protection',
    command_reply: 'Reply (0xF8) to a 0xF9 command with its result; failures show the request',
    reboot: 'Reboot the device',
    report_status: 'Ask for a status report',
    report_heating_date: 'Ask for the heating period',
    report_heating_schedule: 'Ask for the heating schedules',
    sync_time: 'Ask the device to synchronise its clock',
    set_report_interval: 'Report interval in minutes (1 to 1440)',
    set_time_zone: 'Time zone of the device clock',
    set_time_sync_enable: 'Enable clock synchronisation from the network',
    set_temperature_calibration_settings: 'Temperature offset (°C) and its enable',
    set_temperature_control: 'Temperature control enable and mode (auto or manual)',
    set_target_temperature: 'Target temperature (°C, integer) and tolerance (°C)',
    set_target_temperature_range: 'Range the user may choose on the device (°C)',
    set_open_window_detection: 'Open-window detection: enable, temperature drop (°C), minutes',
    restore_open_window_detection: 'Leave the open-window state',
    set_valve_opening: 'Valve opening in % (manual mode)',
    valve_calibration: 'Calibrate the valve stroke',
    set_valve_control_algorithm: 'Valve control algorithm: rate or PID',
    set_freeze_protection_config: 'Freeze protection: enable and temperature (°C)',
    set_child_lock_config: 'Lock the buttons',
    set_offline_control_mode: 'Behaviour when the network is lost',
    set_outside_temperature_control: 'Use an external temperature: enable, timeout (minutes)',
    set_display_ambient_temperature: 'Show ambient rather than target temperature',
    set_window_detection_valve_strategy: 'Valve action on open window: keep or close',
    set_effective_stroke: 'Limit the valve stroke: enable and rate (%)',
    set_change_report_enable: 'Report on change',
    set_dst_config: 'Daylight saving time rule',
    set_heating_date: 'Heating period (months and days) and its report interval',
    set_heating_schedule: 'A heating schedule: mode, value, start time (minutes), week days',
  },
  normalize(data: Record<string, unknown>): HarmonisedHvac {
    const control = data.temperature_control as Record<string, unknown> | undefined;
    const mode = control && typeof control.mode === 'string' ? control.mode : undefined;
    return withDefined<HarmonisedHvac>(
      { category: 'hvac' },
      {
        batteryPercent: numberAt(data, 'battery'),
        temperatureC: numberAt(data, 'temperature'),
        setpointC: numberAt(data, 'target_temperature'),
        valvePercent: numberAt(data, 'valve_opening'),
        mode,
      },
    );
  },
  examples: [
    {
      description: 'Smart Radiator Thermostat - Milesight IoT',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '01756104672c0103670a01059264099000000b900000',
      data: {
        battery: 97,
        target_temperature: 30,
        temperature: 26.6,
        valve_opening: 100,
        motor_stroke: 0,
        motor_position: 0,
      },
      source:
        'TheThingsNetwork/lorawan-devices vendor/milesight-iot/wt101-codec.yaml ' +
        '(commit 5c12ba106610398d3a6396a43ca09e433f0ad502)',
    },
    {
      description: 'Window Detection',
      operation: 'decodeUplink' as const,
      fPort: 1,
      bytesHex: '070001',
      data: { window_detection: 'open' },
      recvTime: '2020-08-02T20:00:00.000+05:00',
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/wt101/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
    {
      description: 'temperature calibration configuration',
      operation: 'encodeDownlink' as const,
      fPort: 85,
      bytesHex: 'ffab011400',
      data: { temperature_calibration_settings: { enable: 'enable', calibration_value: 2 } },
      source:
        'TheThingsNetwork/lorawan-devices vendor/milesight-iot/wt101-codec.yaml ' +
        '(commit 5c12ba106610398d3a6396a43ca09e433f0ad502)',
    },
  ],
};

/** Codec of the Milesight WT101. */
export const wt101: CodecDefinition = defineMilesight(WT101);
