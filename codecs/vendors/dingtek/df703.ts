/**
 * Dingtek DF703: waste bin fill-level sensor, same frames as the DF702 with numeric values and
 * camelCase names, a frame counter and a work mode. Names follow the vendor's examples
 * (TheThingsNetwork/lorawan-devices vendor/dingtek/df703-codec.yaml); the decoder file it names
 * was not available, so the layout is the DF702 one checked against those examples.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { fail } from '../../framework/codec-error.js';
import { type DingtekDevice, defineDingtek } from './format/define.js';
import { normalizeDf70x } from './format/waste-normalize.js';

const SOURCE =
  'TheThingsNetwork/lorawan-devices vendor/dingtek/df703-codec.yaml ' +
  '(commit ba16c84c7677421156193bd4c528c1dbd35e0ee4)';

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The DF703 table. */
export const DF703: DingtekDevice = {
  model: 'df703',
  description: 'Dingtek DF703 waste bin fill-level sensor (fire and fall alarms)',
  report: [
    { raw: 'levelMm', key: 'level' },
    { raw: 'longitude', key: 'longitude' },
    { raw: 'latitude', key: 'latitude' },
    { raw: 'full', key: 'alarmLevel' },
    { raw: 'fire', key: 'alarmFire' },
    { raw: 'tilt', key: 'alarmFall' },
    { raw: 'lowBattery', key: 'alarmBattery' },
    { raw: 'angleDeg', key: 'angle' },
    { raw: 'temperatureC', key: 'temperature' },
    { raw: 'frameCounter', key: 'frameCounter' },
  ],
  params: [
    {
      raw: 'firmware',
      key: 'firmware',
      read: (v, what) =>
        typeof v === 'string' ? v : fail(`${what}: expected a string such as '1.4'`),
    },
    { raw: 'uploadIntervalH', key: 'uploadInterval' },
    { raw: 'detectIntervalMin', key: 'detectInterval' },
    { raw: 'fullThresholdCm', key: 'levelThreshold' },
    { raw: 'fireThresholdC', key: 'fireThreshold' },
    { raw: 'tiltThresholdDeg', key: 'fallThreshold' },
    { raw: 'tiltEnable', key: 'fallEnable' },
    { raw: 'mode', key: 'workMode' },
  ],
  commands: [
    {
      key: 'uploadInterval',
      option: 0x01,
      min: 1,
      max: 168,
      description: 'Heartbeat interval in hours (1 to 168)',
    },
    {
      key: 'levelThreshold',
      option: 0x02,
      min: 15,
      max: 255,
      description: 'Full alarm distance in cm (15 to 255)',
    },
    {
      key: 'fireThreshold',
      option: 0x03,
      min: 0,
      max: 255,
      description: 'Fire alarm temperature in °C (0 to 255)',
    },
    {
      key: 'fallThreshold',
      option: 0x04,
      min: 15,
      max: 90,
      description: 'Fall (tilt) alarm angle in degrees (15 to 90)',
    },
    {
      key: 'detectInterval',
      option: 0x08,
      min: 1,
      max: 60,
      description: 'Measurement interval in minutes (1 to 60)',
    },
    {
      key: 'fallEnable',
      option: 0x09,
      values: [[true, 0x0a], [false, 0x09]],
      description: 'Enable or disable the fall alarm (option 0x09, values 0x0A and 0x09)',
    },
  ],
  normalize(data) {
    return normalizeDf70x({
      levelMm: num(data.level),
      angleDeg: num(data.angle),
      temperatureC: num(data.temperature),
      fire: typeof data.alarmFire === 'boolean' ? data.alarmFire : undefined,
      lowBattery: typeof data.alarmBattery === 'boolean' ? data.alarmBattery : undefined,
    });
  },
  examples: [
    {
      description: 'heartbeat upload without gps',
      operation: 'decodeUplink',
      fPort: 3,
      bytesHex: '800001011107d000190000000000010081',
      data: {
        level: 2000, alarmLevel: false, alarmFire: false, alarmFall: false, alarmBattery: false,
        angle: 0, temperature: 25, frameCounter: 1,
      },
      source: SOURCE,
    },
    {
      description: 'heartbeat upload with gps',
      operation: 'decodeUplink',
      fPort: 3,
      bytesHex: '800001011907d001cd03e942ef272042190000000000010081',
      data: {
        level: 2000, longitude: '116.507430', latitude: '40.038999', alarmLevel: false,
        alarmFire: false, alarmFall: false, alarmBattery: false, angle: 0, temperature: 25,
        frameCounter: 1,
      },
      source: SOURCE,
    },
    {
      description: 'parameter packet',
      operation: 'decodeUplink',
      fPort: 3,
      bytesHex: '8000010319010418011e4b1e00000000000000000000000081',
      data: {
        firmware: '1.4', uploadInterval: 24, detectInterval: 1, levelThreshold: 30,
        fireThreshold: 75, fallThreshold: 30, fallEnable: false, workMode: 0,
      },
      source: SOURCE,
    },
    {
      description: 'change periodic upload interval to 4 hours',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303130343831',
      data: { uploadInterval: 4 },
      source: SOURCE,
    },
    {
      description: 'change detection interval to 10 minutes',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303830413831',
      data: { detectInterval: 10 },
      source: SOURCE,
    },
    {
      description: 'change full alarm threshold to 35cm',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303232333831',
      data: { levelThreshold: 35 },
      source: SOURCE,
    },
    {
      description: 'change fire alarm threshold to 70℃',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303334363831',
      data: { fireThreshold: 70 },
      source: SOURCE,
    },
    {
      description: 'change tilt alarm threshold to 45°',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303432443831',
      data: { fallThreshold: 45 },
      source: SOURCE,
    },
    {
      description: 'enable fall detection',
      operation: 'encodeDownlink',
      fPort: 3,
      bytesHex: '3830303239393939303930413831',
      data: { fallEnable: true },
      source: SOURCE,
    },
  ],
};

/** Codec of the Dingtek DF703. */
export const df703: CodecDefinition = defineDingtek(DF703);
