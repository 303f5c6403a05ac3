/**
 * Milesight EM310-UDL: ultrasonic distance / level sensor, used for bin fill levels. Records
 * from the vendor's decoder (TheThingsNetwork/lorawan-devices vendor/milesight-iot/em310-udl.js,
 * the 2021 edition the shared example comes from); commands from the 2025 edition, which
 * decodes the device's echo of each command (same bytes as the command). The encoder itself
 * was not consulted, so constant bits the device ignores in `ff 06` may differ from it.
 */
import type { CodecDefinition } from '../../framework/types.js';
import {
  COLLECTION_INTERVAL,
  CONDITION,
  ENABLE,
  REBOOT,
  REPORT_INTERVAL,
} from './format/common.js';
import { defineMilesight } from './format/define.js';
import type { Item } from './format/item.js';
import { normalizeWaste } from './format/waste-normalize.js';

const UPLINK: Item[] = [
  { prefix: [0x01, 0x75], messageType: 'status', fields: [{ key: 'battery', kind: 'u8' }] },
  // Distance in mm, unsigned 16 bits.
  { prefix: [0x03, 0x82], messageType: 'status', fields: [{ key: 'distance', kind: 'u16' }] },
  {
    // Named `tilt` by the vendor's decoder of the shared example (2021); the 2025 edition
    // renames it `position`. The 2021 name is kept so that the vendor's example holds.
    prefix: [0x04, 0x00],
    messageType: 'status',
    fields: [{ key: 'tilt', kind: 'u8', map: { 0: 'normal', 1: 'tilt' } }],
  },
];

const DOWNLINK: Item[] = [
  REBOOT,
  COLLECTION_INTERVAL,
  REPORT_INTERVAL,
  {
    prefix: [0xff, 0x06],
    messageType: 'set_distance_alarm_config',
    into: 'distance_alarm_config',
    fields: [
      {
        kind: 'packed',
        size: 1,
        parts: [
          { key: 'condition', shift: 0, width: 3, map: CONDITION },
          { key: 'alarm_release_enable', shift: 7, width: 1, map: ENABLE },
        ],
      },
      { key: 'threshold_min', kind: 'i16' },
      { key: 'threshold_max', kind: 'i16' },
      { key: 'lock_time', kind: 'u16' },
      { key: 'continue_time', kind: 'u16' },
    ],
  },
];

/** The EM310-UDL table. */
export const EM310_UDL = {
  model: 'em310-udl',
  category: 'waste' as const,
  description: 'Milesight EM310-UDL ultrasonic distance / bin level sensor',
  uplink: UPLINK,
  downlink: DOWNLINK,
  messageTypes: {
    device_info: 'Versions, serial number, class and reset/power-on events (channel 0xFF)',
    status: 'Battery (%), distance (mm), tilt state',
    reboot: 'Reboot the device',
    set_collection_interval: 'Collection interval in seconds',
    set_report_interval: 'Report interval in seconds',
    set_distance_alarm_config: 'Distance alarm: condition, thresholds (mm), lock and hold times',
  },
  normalize: normalizeWaste,
  examples: [
    {
      description: 'Ultrasonic Distance/Level Sensor (example 1) - Milesgiht IoT',
      operation: 'decodeUplink' as const,
      fPort: 85,
      bytesHex: '01755c03824408040001',
      data: { battery: 92, distance: 2116, tilt: 'tilt' },
      source:
        'TheThingsNetwork/lorawan-devices vendor/milesight-iot/em310-udl-codec.yaml ' +
        '(commit 27d8ce2660c17a6b1cbad420cf2ae90e92a77aad)',
    },
    {
      description: 'Downlink encode: report_interval',
      operation: 'encodeDownlink' as const,
      fPort: 85,
      bytesHex: 'ff035802',
      data: { report_interval: 600 },
      source:
        'actility/device-catalog vendors/milesight-iot/drivers/em310-udl/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
  ],
};

/** Codec of the Milesight EM310-UDL. */
export const em310Udl: CodecDefinition = defineMilesight(EM310_UDL);
