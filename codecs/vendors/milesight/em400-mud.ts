/**
 * Milesight EM400-MUD: multi-sensor (ultrasonic/ToF) distance and bin level sensor. Records from
 * the vendor's decoder (TheThingsNetwork/lorawan-devices vendor/milesight-iot/em400-mud.js,
 * 2023), whose names the shared example uses; the vendor's 2025 decoder renames the alarm flags
 * (`temperature_alarm`/`distance_alarm` with 'threshold_alarm' labels), not followed here.
 * Commands from the vendor's encoder (em400-mud-encoder.js, 2025), whose echoes the 2025
 * decoder reads with the same layout.
 */
import type { CodecDefinition } from '../../framework/types.js';
import {
  COLLECTION_INTERVAL,
  CONDITION,
  ENABLE,
  QUERY_STATUS,
  REBOOT,
  REPORT_INTERVAL,
  SYNC_TIME,
  setting,
} from './format/common.js';
import { defineMilesight } from './format/define.js';
import { type Item, one } from './format/item.js';
import { normalizeWaste } from './format/waste-normalize.js';

const UPLINK: Item[] = [
  { prefix: [0x01, 0x75], messageType: 'status', fields: [{ key: 'battery', kind: 'u8' }] },
  one([0x03, 0x67], 'status', { key: 'temperature', kind: 'i16', scale: 10 }),
  { prefix: [0x04, 0x82], messageType: 'status', fields: [{ key: 'distance', kind: 'u16' }] },
  {
    prefix: [0x05, 0x00],
    messageType: 'status',
    fields: [{ key: 'position', kind: 'u8', map: { 0: 'normal', 1: 'tilt' } }],
  },
  {
    prefix: [0x83, 0x67],
    messageType: 'alarm',
    fields: [
      { key: 'temperature', kind: 'i16', scale: 10 },
      { key: 'temperature_abnormal', kind: 'u8', bool: true },
    ],
  },
  {
    prefix: [0x84, 0x82],
    messageType: 'alarm',
    fields: [
      { key: 'distance', kind: 'u16' },
      { key: 'distance_alarming', kind: 'u8', bool: true },
    ],
  },
];

function alarmConfig(mode: number, key: string): Item {
  return {
    prefix: [0xff, 0x06],
    messageType: `set_${key}`,
    into: key,
    fields: [
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'condition', shift: 0, width: 3, map: CONDITION },
          // Bits 3 to 5 name the working mode the alarm belongs to (1 standard, 2 bin).
          { key: 'mode', shift: 3, width: 3, fixed: mode },
          { key: 'alarm_release_enable', shift: 7, width: 1, map: ENABLE },
        ],
      },
      { key: 'threshold_min', kind: 'u16' },
      { key: 'threshold_max', kind: 'u16' },
      { kind: 'skip', size: 4 },
    ],
  };
}

const DOWNLINK: Item[] = [
  REBOOT,
  SYNC_TIME,
  QUERY_STATUS,
  COLLECTION_INTERVAL,
  REPORT_INTERVAL,
  setting(0x70, 'people_existing_height', { kind: 'u16' }),
  setting(0x77, 'install_height', { kind: 'u16' }),
  setting(0x13, 'install_height_enable', { kind: 'u8', map: ENABLE }),
  setting(0x71, 'working_mode', { kind: 'u8', map: { 0: 'standard', 1: 'bin', 2: 'parking' } }),
  setting(0x3e, 'tilt_linkage_distance_enable', { kind: 'u8', map: ENABLE }),
  setting(0x56, 'tof_detection_enable', { kind: 'u8', map: ENABLE }),
  alarmConfig(1, 'standard_mode_alarm_config'),
  alarmConfig(2, 'bin_mode_alarm_config'),
  {
    prefix: [0xff, 0x1c],
    messageType: 'set_recollection_config',
    into: 'recollection_config',
    fields: [
      { key: 'counts', kind: 'u8' },
      { key: 'interval', kind: 'u8' },
    ],
  },
];

/** The EM400-MUD table. */
export const EM400_MUD = {
  model: 'em400-mud',
  category: 'waste' as const,
  description: 'Milesight EM400-MUD multi-sensor distance / bin level sensor',
  uplink: UPLINK,
  downlink: DOWNLINK,
  messageTypes: {
    device_info: 'Versions, serial number, class and reset/power-on events (channel 0xFF)',
    status: 'Battery (%), temperature (°C), distance (mm), position (normal or tilt)',
    alarm: 'Temperature or distance with its alarm flag',
    reboot: 'Reboot the device',
    sync_time: 'Ask the device to synchronise its clock',
    query_device_status: 'Ask the device to send its device information',
    set_collection_interval: 'Collection interval in seconds (60 to 64800)',
    set_report_interval: 'Report interval in seconds (60 to 64800)',
    set_people_existing_height: 'Height (mm) below which a person is assumed present',
    set_install_height: 'Installation height in mm (30 to 4500)',
    set_install_height_enable: 'Use the installation height',
    set_working_mode: 'Working mode: standard, bin or parking',
    set_tilt_linkage_distance_enable: 'Link tilt detection to distance reporting',
    set_tof_detection_enable: 'Enable the time-of-flight sensor',
    set_standard_mode_alarm_config: 'Distance alarm in standard mode (mm)',
    set_bin_mode_alarm_config: 'Distance alarm in bin mode (mm)',
    set_recollection_config: 'Re-measurements on alarm: counts and interval (s)',
  },
  normalize: normalizeWaste,
  examples: [
    {
      description: 'Example 1',
      operation: 'decodeUplink' as const,
      fPort: 100,
      bytesHex: '01755c03670101048244080500018367e800018482410601',
      data: {
        battery: 92,
        distance: 1601,
        distance_alarming: true,
        position: 'tilt',
        temperature: 23.2,
        temperature_abnormal: true,
      },
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/em400-mud/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
  ],
};

/** Codec of the Milesight EM400-MUD. */
export const em400Mud: CodecDefinition = defineMilesight(EM400_MUD);
