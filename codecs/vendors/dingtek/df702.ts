/**
 * Dingtek DF702: ultrasonic waste bin fill-level sensor. Names, units and strings follow the
 * vendor's decoder (TheThingsNetwork/lorawan-devices vendor/dingtek/df702.js), which shows
 * values as text with their unit (`"2000 mm"`, `"25 ℃"`).
 */
import type { CodecDefinition } from '../../framework/types.js';
import { fail } from '../../framework/codec-error.js';
import { type DingtekDevice, defineDingtek } from './format/define.js';
import { leadingInt, normalizeDf70x } from './format/waste-normalize.js';

const SOURCE =
  'TheThingsNetwork/lorawan-devices vendor/dingtek/df702-codec.yaml ' +
  '(commit 62c8acdd7f0f1e43b65a86f6c158d83b3d0cd200)';

/** The DF702 table. */
export const DF702: DingtekDevice = {
  model: 'df702',
  description: 'Dingtek DF702 ultrasonic waste bin fill-level sensor (fire and tilt alarms)',
  report: [
    { raw: 'levelMm', key: 'level', unit: ' mm' },
    { raw: 'longitude', key: 'longitude' },
    { raw: 'latitude', key: 'latitude' },
    { raw: 'full', key: 'full' },
    { raw: 'fire', key: 'fire' },
    { raw: 'tilt', key: 'tilt' },
    // `battery: true` means low battery.
    { raw: 'lowBattery', key: 'battery' },
    { raw: 'angleDeg', key: 'angle', unit: ' °' },
    { raw: 'temperatureC', key: 'temperature', unit: ' ℃' },
  ],
  params: [
    { raw: 'uploadIntervalH', key: 'periodic_interval', unit: ' hours' },
    { raw: 'detectIntervalMin', key: 'detection_interval', unit: ' minutes' },
    { raw: 'fullThresholdCm', key: 'full_alarm_threshold', unit: ' cm' },
    { raw: 'fireThresholdC', key: 'fire_alarm_threshold', unit: ' ℃' },
    { raw: 'tiltThresholdDeg', key: 'tilt_alarm_threshold', unit: ' °' },
    { raw: 'tiltEnable', key: 'tilt_enable' },
    {
      // Byte 13: 0 is the 2 m ultrasonic range, anything else the 5 m range.
      raw: 'mode',
      key: 'ultrasonic_range',
      show: (raw) => (raw === 0 ? '2000 mm' : '5000 mm'),
      read: (v, what) =>
        v === '2000 mm'
          ? 0
          : v === '5000 mm'
            ? 1
            : fail(`${what}: expected '2000 mm' or '5000 mm'`),
    },
  ],
  commands: [
    {
      key: 'periodic_interval',
      option: 0x01,
      min: 1,
      max: 168,
      description: 'Heartbeat interval in hours (1 to 168)',
    },
    {
      key: 'full_alarm_threshold',
      option: 0x02,
      min: 15,
      max: 255,
      description: 'Full alarm distance in cm (15 to 255)',
    },
    {
      key: 'fire_alarm_threshold',
      option: 0x03,
      min: 0,
      max: 255,
      description: 'Fire alarm temperature in °C (0 to 255)',
    },
    {
      key: 'tilt_alarm_threshold',
      option: 0x04,
      min: 15,
      max: 90,
      description: 'Tilt alarm angle in degrees (15 to 90)',
    },
    {
      key: 'detection_interval',
      option: 0x08,
      min: 1,
      max: 60,
      description: 'Measurement interval in minutes (1 to 60)',
    },
    {
      key: 'tilt_enable',
      option: 0x09,
      values: [[true, 0x0a], [false, 0x09]],
      description: 'Enable or disable the tilt alarm (option 0x09, values 0x0A and 0x09)',
    },
    {
      key: 'ultrasonic_range',
      option: 0x09,
      values: [[2, 0x07], [5, 0x13]],
      description: 'Ultrasonic range in metres, 2 or 5 (option 0x09, values 0x07 and 0x13)',
    },
  ],
  normalize(data) {
    return normalizeDf70x({
      levelMm: leadingInt(data.level),
      angleDeg: leadingInt(data.angle),
      temperatureC: leadingInt(data.temperature),
      fire: typeof data.fire === 'boolean' ? data.fire : undefined,
      lowBattery: typeof data.battery === 'boolean' ? data.battery : undefined,
    });
  },
  examples: [
    {
      description: 'heartbeat upload without gps',
      operation: 'decodeUplink',
      fPort: 3,
      bytesHex: '800001011107d000190000000000000081',
      data: {
        level: '2000 mm',
        full: false,
        fire: false,
        tilt: false,
        battery: false,
        angle: '0 °',
        temperature: '25 ℃',
      },
      source: SOURCE,
    },
    {
      description: 'heartbeat upload with gps',
      operation: 'decodeUplink',
      fPort: 3,
      bytesHex: '800001011907d001cd03e942ef272042190000000000000081',
      data: {
        level: '2000 mm', longitude: '116.507430', latitude: '40.038999', full: false, fire: false,
        tilt: false, battery: false, angle: '0 °', temperature: '25 ℃',
      },
      source: SOURCE,
    },
    {
      description: 'Command confirmation',
      operation: 'decodeUplink',
      fPort: 3,
      bytesHex: '8000010319010418011e4b1e00000000000000000000000081',
      data: {
        periodic_interval: '24 hours',
        detection_interval: '1 minutes',
        full_alarm_threshold: '30 cm',
        fire_alarm_threshold: '75 ℃', tilt_alarm_threshold: '30 °', tilt_enable: false,
        ultrasonic_range: '2000 mm',
      },
      source: SOURCE,
    },
    {
      description: 'change periodic upload interval to 4 hours',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303130343831',
      data: { periodic_interval: 4 },
      source: SOURCE,
    },
    {
      description: 'change detection interval to 10 minutes',
      operation: 'decodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303830413831',
      data: { detection_interval: 10 },
      source: SOURCE,
    },
  ],
};

/** Codec of the Dingtek DF702. */
export const df702: CodecDefinition = defineDingtek(DF702);
