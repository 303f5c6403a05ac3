/**
 * Milesight EM300-DI: pulse counter / dry-contact interface, used on water meters with a pulse
 * output. Table from the vendor's decoder and encoder (Milesight-IoT/SensorDecoders,
 * EM_Series/EM300_Series/EM300-DI, 2025) and the device README's payload table.
 */
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import {
  CLEAR_HISTORY,
  COLLECTION_INTERVAL,
  CONDITION,
  ENABLE,
  FETCH_HISTORY,
  HISTORY_ENABLE,
  QUERY_STATUS,
  REBOOT,
  REPORT_INTERVAL,
  RESEND_INTERVAL,
  RETRANSMIT_ENABLE,
  RETRANSMIT_INTERVAL,
  STOP_TRANSMIT,
  SYNC_TIME,
  TIME_ZONE_CMD,
  action,
  setting,
} from './format/common.js';
import { defineMilesight } from './format/define.js';
import type { Field } from './format/field.js';
import { type Item, one } from './format/item.js';
import { numberAt, withDefined } from './format/normalize.js';

const GPIO: Record<number, string> = { 0: 'low', 1: 'high' };
const GPIO_TYPE: Record<number, string> = { 1: 'gpio', 2: 'pulse' };
const WATER_ALARM: Record<number, string> = {
  1: 'water outage timeout alarm',
  2: 'water outage timeout alarm release',
  3: 'water flow timeout alarm',
  4: 'water flow timeout alarm release',
};
const HISTORY_ALARM: Record<number, string> = {
  0: 'none',
  1: 'water outage timeout alarm',
  2: 'water outage timeout alarm release',
  3: 'water flow timeout alarm',
  4: 'water flow timeout alarm release',
  5: 'gpio alarm',
  6: 'gpio alarm release',
};
const D2D_MODE: Record<number, string> = {
  1: 'water outage timeout alarm',
  2: 'water outage timeout alarm release',
  3: 'water flow timeout alarm',
  4: 'water flow timeout alarm release',
  5: 'gpio high',
  6: 'gpio low',
};

/** Water volume from pulses (firmware 1.3+): water = counter × water_conv / pulse_conv. */
const WATER: Field[] = [
  { key: 'water_conv', kind: 'u16', scale: 10 },
  { key: 'pulse_conv', kind: 'u16', scale: 10 },
  { key: 'water', kind: 'f32' },
];

const WATER_ALARM_FIELD: Field = { key: 'water_alarm', kind: 'u8', map: WATER_ALARM };

const UPLINK: Item[] = [
  { prefix: [0x01, 0x75], messageType: 'status', fields: [{ key: 'battery', kind: 'u8' }] },
  one([0x03, 0x67], 'status', { key: 'temperature', kind: 'i16', scale: 10 }),
  one([0x04, 0x68], 'status', { key: 'humidity', kind: 'u8', scale: 2 }),
  one([0x05, 0x00], 'status', { key: 'gpio', kind: 'u8', map: GPIO }),
  // A 32-bit counter: read as 8 bits, it would wrap at 255 pulses.
  { prefix: [0x05, 0xc8], messageType: 'status', fields: [{ key: 'pulse', kind: 'u32' }] },
  { prefix: [0x05, 0xe1], messageType: 'status', fields: WATER },
  // The vendor's README lists water on channel 0x06 and its alarm on 0x86, its decoder on 0x05
  // and 0x85; both are read, 0x05/0x85 are written.
  { prefix: [0x06, 0xe1], messageType: 'status', fields: WATER },
  {
    prefix: [0x85, 0x00],
    messageType: 'alarm',
    fields: [
      { key: 'gpio', kind: 'u8', map: GPIO },
      { key: 'gpio_alarm', kind: 'u8', map: { 0: 'gpio alarm release', 1: 'gpio alarm' } },
    ],
  },
  { prefix: [0x85, 0xe1], messageType: 'alarm', fields: WATER.concat([WATER_ALARM_FIELD]) },
  { prefix: [0x86, 0xe1], messageType: 'alarm', fields: WATER.concat([WATER_ALARM_FIELD]) },
  {
    prefix: [0x20, 0xce],
    messageType: 'history',
    into: 'history',
    list: true,
    fields: [
      // Seconds since 1970-01-01 UTC, kept as the number the vendor shows.
      { key: 'timestamp', kind: 'u32' },
      { key: 'temperature', kind: 'i16', scale: 10 },
      { key: 'humidity', kind: 'u8', scale: 2 },
      { key: 'gpio_type', kind: 'u8', map: GPIO_TYPE },
      { key: 'gpio', kind: 'u8', when: ['gpio_type', 'gpio'] },
      { key: 'pulse', kind: 'u32', when: ['gpio_type', 'pulse'] },
    ],
  },
  {
    prefix: [0x21, 0xce],
    messageType: 'history',
    into: 'history',
    list: true,
    fields: [
      { key: 'timestamp', kind: 'u32' },
      { key: 'temperature', kind: 'i16', scale: 10 },
      { key: 'humidity', kind: 'u8', scale: 2 },
      { key: 'alarm', kind: 'u8', map: HISTORY_ALARM },
      { key: 'gpio_type', kind: 'u8', map: GPIO_TYPE },
      { key: 'gpio', kind: 'u8', map: GPIO, when: ['gpio_type', 'gpio'] },
      { key: 'water_conv', kind: 'u16', scale: 10, when: ['gpio_type', 'pulse'] },
      { key: 'pulse_conv', kind: 'u16', scale: 10, when: ['gpio_type', 'pulse'] },
      { key: 'water', kind: 'f32', when: ['gpio_type', 'pulse'] },
    ],
  },
];

function waterAlarmCmd(selector: number, key: string): Item {
  return {
    prefix: [0xff, 0xa1, 0x01, selector],
    messageType: `set_${key}`,
    into: key,
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'duration', kind: 'u32' },
    ],
  };
}

const DOWNLINK: Item[] = ([] as Item[]).concat([
  REBOOT,
  QUERY_STATUS,
  SYNC_TIME,
  REPORT_INTERVAL,
  COLLECTION_INTERVAL,
  TIME_ZONE_CMD,
  {
    prefix: [0xff, 0x06],
    messageType: 'set_temperature_alarm_settings',
    into: 'temperature_alarm_settings',
    fields: [
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'condition', shift: 0, width: 3, map: CONDITION },
          // Bit 3 selects the temperature alarm (vendor encoder).
          { key: 'type', shift: 3, width: 1, fixed: 1 },
        ],
      },
      { key: 'threshold_min', kind: 'i16', scale: 10 },
      { key: 'threshold_max', kind: 'i16', scale: 10 },
      { kind: 'skip', size: 4 },
    ],
  },
  action([0xff, 0x4e, 0x01, 0x00], 'clear_counter'),
  action([0xff, 0x4e, 0x01, 0x01], 'stop_counter'),
  action([0xff, 0x4e, 0x01, 0x02], 'start_counter'),
  one([0xff, 0x92, 0x01], 'set_counter', { key: 'counter', kind: 'u32' }),
  waterAlarmCmd(0x00, 'water_flow_alarm_settings'),
  waterAlarmCmd(0x01, 'water_flow_timeout_alarm_settings'),
  waterAlarmCmd(0x02, 'water_outage_timeout_alarm_settings'),
  {
    prefix: [0xff, 0xa2],
    messageType: 'set_pulse_conversion_settings',
    into: 'pulse_conversion_settings',
    fields: [
      { key: 'enable', kind: 'u8', map: ENABLE },
      { key: 'water', kind: 'u16', scale: 10 },
      { key: 'pulse', kind: 'u16', scale: 10 },
      { key: 'unit', kind: 'ascii', size: 4 },
    ],
  },
  {
    prefix: [0xff, 0xa3, 0x01],
    messageType: 'set_pulse_filter_enable',
    fields: [{ key: 'pulse_filter_enable', kind: 'u8', map: ENABLE }],
  },
  setting(0xa4, 'water_flow_determination', { kind: 'u16' }),
  setting(0x35, 'd2d_key', { kind: 'hex', size: 8 }),
  {
    prefix: [0xff, 0x79],
    messageType: 'set_d2d_master_config',
    into: 'd2d_master_config',
    list: true,
    fields: [
      { key: 'mode', kind: 'u8', map: D2D_MODE },
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'enable', shift: 0, width: 1, map: ENABLE },
          { key: 'lora_uplink_enable', shift: 1, width: 1, map: ENABLE },
        ],
      },
      { key: 'd2d_cmd', kind: 'hexLE', size: 2 },
    ],
  },
  setting(0xc3, 'gpio_mode', { kind: 'u8', map: { 1: 'digital', 2: 'counter' } }),
  HISTORY_ENABLE,
  RETRANSMIT_ENABLE,
  RETRANSMIT_INTERVAL,
  RESEND_INTERVAL,
], FETCH_HISTORY, [CLEAR_HISTORY, STOP_TRANSMIT]);

/** The EM300-DI table. */
export const EM300_DI = {
  model: 'em300-di',
  category: 'water' as const,
  description: 'Milesight EM300-DI pulse counter / dry-contact interface (water meter pulses)',
  uplink: UPLINK,
  downlink: DOWNLINK,
  messageTypes: {
    device_info: 'Versions, serial number, class and reset/power-on events (channel 0xFF)',
    status: 'Periodic report: battery, temperature, humidity, GPIO level, pulse count, water',
    alarm: 'GPIO alarm or water flow/outage timeout alarm with the current reading',
    history: 'Stored readings with their UTC timestamp, sent after a fetch_history command',
    reboot: 'Reboot the device',
    query_device_status: 'Ask the device to send its device information',
    sync_time: 'Ask the device to synchronise its clock',
    set_report_interval: 'Report interval in seconds (60 to 64800)',
    set_collection_interval: 'Collection interval in seconds (60 to 64800)',
    set_time_zone: 'Time zone of the device clock',
    set_temperature_alarm_settings: 'Temperature threshold alarm (condition, min, max in °C)',
    clear_counter: 'Reset the pulse counter to zero',
    stop_counter: 'Stop counting pulses',
    start_counter: 'Start counting pulses',
    set_counter: 'Set the pulse counter to a value',
    set_water_flow_alarm_settings: 'Water flow alarm: enable and duration in minutes',
    set_water_flow_timeout_alarm_settings: 'Water flow timeout alarm: enable, duration (min)',
    set_water_outage_timeout_alarm_settings: 'Water outage timeout alarm: enable, duration (min)',
    set_pulse_conversion_settings: 'Pulse to water conversion: water per pulses, unit',
    set_pulse_filter_enable: 'Enable the pulse debounce filter',
    set_water_flow_determination: 'Seconds without pulses before the flow counts as stopped',
    set_d2d_key: 'Device-to-device (D2D) key, 8 bytes',
    set_d2d_master_config: 'D2D command sent on an event (mode, enable, LoRa uplink, command)',
    set_gpio_mode: 'Interface mode: digital input or pulse counter',
    set_history_enable: 'Store readings while the network is unreachable',
    set_retransmit_enable: 'Resend stored readings when the network is back',
    set_retransmit_interval: 'Seconds between retransmissions',
    set_resend_interval: 'Seconds between resends of history data',
    fetch_history: 'Ask for stored readings from start_time (to end_time), UTC seconds',
    clear_history: 'Erase stored readings',
    stop_transmit: 'Stop sending history data',
  },
  normalize(data: Record<string, unknown>): HarmonisedWater {
    // No volumeM3: the device sends pulses, and `water` in a unit set by configuration only
    // (pulse_conversion_settings.unit), which the uplink does not carry.
    const alarm = data.water_alarm;
    return withDefined<HarmonisedWater>(
      { category: 'water' },
      {
        batteryPercent: numberAt(data, 'battery'),
        // A flow that lasts beyond its timeout is the device's leak indication.
        leak:
          alarm === 'water flow timeout alarm'
            ? true
            : alarm === 'water flow timeout alarm release'
              ? false
              : undefined,
      },
    );
  },
  examples: [
    {
      description: 'LoRaWAN Pulse Counter - Milesight IoT',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '01755c05c800010000',
      data: { battery: 92, pulse: 256 },
      source:
        'TheThingsNetwork/lorawan-devices vendor/milesight-iot/em300-di-codec.yaml ' +
        '(commit 62c8acdd7f0f1e43b65a86f6c158d83b3d0cd200)',
    },
    {
      description: 'Battery, temperature, humidity and one history point',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '01755c03673401046865' + '20ce9e74466310015d020000010000',
      data: {
        battery: 92,
        temperature: 30.8,
        humidity: 50.5,
        history: [
          {
            timestamp: 1665561758,
            temperature: 27.2,
            humidity: 46.5,
            gpio_type: 'pulse',
            pulse: 256,
          },
        ],
      },
      source:
        'Milesight-IoT/SensorDecoders EM_Series/EM300_Series/EM300-DI/README.md, "Example" ' +
        '(gpio_type added by the vendor decoder of 2025)',
    },
    {
      description: 'Downlink encode: report_interval',
      operation: 'encodeDownlink' as const,
      fPort: 85,
      bytesHex: 'ff035802',
      data: { report_interval: 600 },
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/em300-di/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
  ],
};

/** Codec of the Milesight EM300-DI. */
export const em300Di: CodecDefinition = defineMilesight(EM300_DI);
