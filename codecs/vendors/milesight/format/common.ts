/**
 * Records and commands shared by Milesight devices: the device-information records a device
 * sends after joining (channel 0xFF) and the basic downlink commands. Labels are the vendor's
 * (Milesight-IoT/SensorDecoders decoders and encoders, 2025 editions).
 */
import type { Field } from './field.js';
import { withEntries } from './normalize.js';
import { type Item, one } from './item.js';

/** Vendor labels of an enable byte. */
export const ENABLE: Record<number, string> = { 0: 'disable', 1: 'enable' };
/** Vendor labels of a threshold alarm condition (low 3 bits of the alarm byte). */
export const CONDITION: Record<number, string> = {
  0: 'disable',
  1: 'below',
  2: 'above',
  3: 'between',
  4: 'outside',
};

/** Time zones in tenths of an hour (UTC+5:45 is coded 57, UTC+12:45 is 127), vendor labels. */
export const TIME_ZONE: Record<number, string> = {
  [-120]: 'UTC-12', [-110]: 'UTC-11', [-100]: 'UTC-10', [-95]: 'UTC-9:30', [-90]: 'UTC-9',
  [-80]: 'UTC-8', [-70]: 'UTC-7', [-60]: 'UTC-6', [-50]: 'UTC-5', [-40]: 'UTC-4',
  [-35]: 'UTC-3:30', [-30]: 'UTC-3', [-20]: 'UTC-2', [-10]: 'UTC-1', 0: 'UTC', 10: 'UTC+1',
  20: 'UTC+2', 30: 'UTC+3', 35: 'UTC+3:30', 40: 'UTC+4', 45: 'UTC+4:30', 50: 'UTC+5',
  55: 'UTC+5:30', 57: 'UTC+5:45', 60: 'UTC+6', 65: 'UTC+6:30', 70: 'UTC+7', 80: 'UTC+8',
  90: 'UTC+9', 95: 'UTC+9:30', 100: 'UTC+10', 105: 'UTC+10:30', 110: 'UTC+11', 120: 'UTC+12',
  127: 'UTC+12:45', 130: 'UTC+13', 140: 'UTC+14',
};

const LORAWAN_CLASS: Record<number, string> = {
  0: 'Class A',
  1: 'Class B',
  2: 'Class C',
  3: 'Class CtoB',
};

/** Device information, sent once after joining or on request (message type `device_info`). */
export const DEVICE_INFO: Item[] = [
  one([0xff, 0x01], 'device_info', { key: 'ipso_version', kind: 'ipsoVersion' }),
  one([0xff, 0x09], 'device_info', { key: 'hardware_version', kind: 'hardwareVersion' }),
  one([0xff, 0x0a], 'device_info', { key: 'firmware_version', kind: 'firmwareVersion' }),
  one([0xff, 0xff], 'device_info', { key: 'tsl_version', kind: 'firmwareVersion' }),
  one([0xff, 0x16], 'device_info', { key: 'sn', kind: 'hex', size: 8 }),
  one([0xff, 0x0f], 'device_info', { key: 'lorawan_class', kind: 'u8', map: LORAWAN_CLASS }),
  // The vendor shows these two as fixed words whatever the byte (the device sends 0xFF).
  one([0xff, 0xfe], 'device_info', { key: 'reset_event', kind: 'fixed', value: 'reset' }),
  one([0xff, 0x0b], 'device_info', { key: 'device_status', kind: 'fixed', value: 'on' }),
];

/** A setting command: `ff <type>` then fields, value at top level under `key`. */
export function setting(
  type: number,
  key: string,
  field: Omit<Field, 'key'>,
  messageType?: string,
): Item {
  return {
    prefix: [0xff, type],
    messageType: messageType || `set_${key}`,
    fields: [withEntries<Field>(field as Field, { key })],
  };
}

/** An action command with fixed bytes. */
export function action(prefix: number[], flag: string): Item {
  return { prefix, messageType: flag, fields: [], flag };
}

/** `ff 10 ff`: reboot. */
export const REBOOT = action([0xff, 0x10, 0xff], 'reboot');
/** `ff 28 ff`: ask for the device information records. */
export const QUERY_STATUS = action([0xff, 0x28, 0xff], 'query_device_status');
/** `ff 4a 00`: ask the device to synchronise its clock. */
export const SYNC_TIME = action([0xff, 0x4a, 0x00], 'sync_time');
/** `ff 03` u16: report interval in seconds. */
export const REPORT_INTERVAL = setting(0x03, 'report_interval', { kind: 'u16' });
/** `ff 02` u16: collection interval in seconds. */
export const COLLECTION_INTERVAL = setting(0x02, 'collection_interval', { kind: 'u16' });
/** `ff 17` i16: time zone in tenths of an hour. */
export const TIME_ZONE_CMD = setting(0x17, 'time_zone', { kind: 'i16', map: TIME_ZONE });
/** `ff 68`: store readings while the network is unreachable. */
export const HISTORY_ENABLE = setting(0x68, 'history_enable', { kind: 'u8', map: ENABLE });
/** `ff 69`: resend stored readings. */
export const RETRANSMIT_ENABLE = setting(0x69, 'retransmit_enable', { kind: 'u8', map: ENABLE });
/** `ff 6a 00` u16: seconds between retransmissions. */
export const RETRANSMIT_INTERVAL: Item = {
  prefix: [0xff, 0x6a, 0x00],
  messageType: 'set_retransmit_interval',
  fields: [{ key: 'retransmit_interval', kind: 'u16' }],
};
/** `ff 6a 01` u16: seconds between resends of history. */
export const RESEND_INTERVAL: Item = {
  prefix: [0xff, 0x6a, 0x01],
  messageType: 'set_resend_interval',
  fields: [{ key: 'resend_interval', kind: 'u16' }],
};
/** `ff 27 01`: erase stored readings. */
export const CLEAR_HISTORY = action([0xff, 0x27, 0x01], 'clear_history');
/** `fd 6d ff`: stop sending history. */
export const STOP_TRANSMIT = action([0xfd, 0x6d, 0xff], 'stop_transmit');

/**
 * History fetch: `fd 6b` start (u32 seconds since 1970 UTC), or `fd 6c` start and end.
 * Times are plain UTC epoch seconds, never converted through the local time zone.
 */
export const FETCH_HISTORY: Item[] = [
  {
    prefix: [0xfd, 0x6c],
    messageType: 'fetch_history',
    into: 'fetch_history',
    fields: [
      { key: 'start_time', kind: 'u32' },
      { key: 'end_time', kind: 'u32' },
    ],
  },
  {
    prefix: [0xfd, 0x6b],
    messageType: 'fetch_history',
    into: 'fetch_history',
    fields: [{ key: 'start_time', kind: 'u32' }],
  },
];
