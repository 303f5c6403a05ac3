/**
 * MClimate Wireless Thermostat: keep-alive 0x01 (11 bytes, integer target) and 0x81 (12
 * bytes, target in 0.1 °C), answers and downlinks, after docs.mclimate.eu "Wireless
 * Thermostat Device Communication Protocol" and MClimate's reference decoder.
 *
 * `setTargetTemperature` is sent as 0x2E with 0.1 °C in 16 bits, as in the shared example
 * (vendor driver of 2024). The vendor's later driver sends whole degrees as 0x2E with one
 * byte and decimals as 0x50; that newer layout is not followed here.
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedHvac } from '../../framework/harmonised.js';
import { makeMclimateCodec, pick } from './format/device.js';
import type { KeepaliveField } from './format/keepalive.js';
import { cmd, generalDownlinks, generalResponses, u8 } from './format/general.js';
import { flag, int, none, struct } from './format/values.js';
import { fuota } from './format/special.js';

const head: KeepaliveField[] = [
  { name: 'sensorTemperature', bits: [[8, 16]], rawAdd: -400, div: 10, decimals: 2 },
  { name: 'relativeHumidity', bits: [[24, 8]], mul: 100, div: 256, decimals: 2 },
  { name: 'batteryVoltage', bits: [[32, 16]], div: 1000, decimals: 2 },
];

/** The Wireless Thermostat codec. */
export const wirelessThermostat: CodecDefinition = makeMclimateCodec({
  id: 'mclimate/wireless-thermostat',
  model: 'wireless-thermostat',
  category: 'hvac',
  description: 'MClimate Wireless Thermostat LoRaWAN (temperature, humidity, light, PIR)',
  uplinkFPort: 1,
  downlinkFPort: 1,
  keepalives: [
    {
      reason: 0x01,
      length: 11,
      fields: head.concat([
        { name: 'targetTemperature', bits: [[48, 8]] },
        { name: 'powerSourceStatus', bits: [[56, 8]] },
        { name: 'lux', bits: [[64, 16]] },
        { name: 'pir', bits: [[80, 8]], kind: 'bool' },
      ]),
    },
    {
      reason: 0x81,
      length: 12,
      fields: head.concat([
        { name: 'targetTemperature', bits: [[48, 16]], div: 10 },
        { name: 'powerSourceStatus', bits: [[64, 8]] },
        { name: 'lux', bits: [[72, 16]] },
        { name: 'pir', bits: [[88, 8]], kind: 'bool' },
      ]),
    },
  ],
  chooseKeepalive(d) {
    const t = d.targetTemperature;
    return typeof t === 'number' && t === Math.floor(t) && t >= 0 && t <= 255 ? 0x01 : 0x81;
  },
  responses: generalResponses.concat([
    cmd(0x14, 'childLock', flag, 'Keys lock'),
    cmd(0x15, 'temperatureRangeSettings', struct([['min', u8], ['max', u8]]),
      'Allowed target range, °C'),
    cmd(0x2f, 'targetTemperature', u8, 'Target temperature, °C'),
    cmd(0x30, 'manualTargetTemperatureUpdate', u8, 'Target set on the device, °C'),
    cmd(0x32, 'heatingStatus', u8, 'Heating status'),
    cmd(0x34, 'displayRefreshPeriod', u8, 'Display refresh period, hours'),
    cmd(0x36, 'sendTargetTempDelay', u8, 'Delay before sending a new target, s'),
    cmd(0x38, 'automaticHeatingStatus', u8, 'Automatic heating status'),
    cmd(0x3a, 'sensorMode', u8, 'Sensor mode'),
    cmd(0x3d, 'pirSensorStatus', u8, 'PIR sensor status'),
    cmd(0x3f, 'pirSensorSensitivity', u8, 'PIR sensitivity'),
    cmd(0x41, 'currentTemperatureVisibility', u8, 'Current temperature shown'),
    cmd(0x43, 'humidityVisibility', u8, 'Humidity shown'),
    cmd(0x45, 'lightIntensityVisibility', u8, 'Light intensity shown'),
    cmd(0x47, 'pirInitPeriod', u8, 'PIR initialisation period'),
    cmd(0x49, 'pirMeasurementPeriod', u8, 'PIR measurement period'),
    // Two bytes since the vendor's 2025 decoder (example "4b003c" = 60).
    cmd(0x4b, 'pirCheckPeriod', int(2), 'PIR check period'),
    cmd(0x4d, 'pirBlindPeriod', u8, 'PIR blind period'),
    cmd(0x4f, 'temperatureHysteresis', int(1, { div: 10 }), 'Temperature hysteresis, °C'),
    cmd(0x51, 'targetTemperature', int(2, { div: 10 }), 'Target temperature, 0.1 °C'),
    cmd(0x53, 'targetTemperatureStep', int(1, { div: 10 }), 'Target temperature step, °C'),
    cmd(0x54, 'manualTargetTemperatureUpdate', int(2, { div: 10 }),
      'Target set on the device, 0.1 °C'),
    cmd(0xa0, 'fuota', fuota, 'FUOTA address'),
    cmd(0xa4, 'region', u8, 'LoRaWAN region'),
  ]),
  downlinks: generalDownlinks.concat([
    cmd(0x2e, 'setTargetTemperature', int(2, { div: 10 }), 'Set target temperature, °C'),
    cmd(0x2f, 'getTargetTemperature', none, 'Read target temperature'),
    cmd(0x07, 'setKeysLock', u8, 'Set keys lock'),
    cmd(0x14, 'getKeysLock', none, 'Read keys lock'),
    cmd(0x08, 'setTemperatureRange', struct([['min', u8], ['max', u8]]),
      'Set allowed target range, °C'),
    cmd(0x15, 'getTemperatureRange', none, 'Read allowed target range'),
    cmd(0xa5, 'restartDevice', none, 'Restart the device'),
  ]),
  normalize(d) {
    const out: HarmonisedHvac = { category: 'hvac' };
    pick(d, out as unknown as Record<string, unknown>, {
      sensorTemperature: 'temperatureC',
      targetTemperature: 'setpointC',
      relativeHumidity: 'humidityPercent',
      batteryVoltage: 'batteryV',
    });
    return out;
  },
  examples: [
    {
      description: 'Periodic uplink keepalive type 0x01',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '0102887509c41502007801',
      data: {
        sensorTemperature: 24.8, relativeHumidity: 45.7, batteryVoltage: 2.5,
        targetTemperature: 21, powerSourceStatus: 2, lux: 120, pir: true,
      },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
    {
      description: 'Encode downlink setTargetTemperature to 21.5C',
      operation: 'encodeDownlink',
      fPort: 1,
      bytesHex: '2e00d7',
      data: { setTargetTemperature: 21.5 },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
    {
      description: 'Periodic uplink keepalive type 0x81 with decimal target temperature',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '8102887509c400d702007800',
      data: {
        sensorTemperature: 24.8, relativeHumidity: 45.7, batteryVoltage: 2.5,
        targetTemperature: 21.5, powerSourceStatus: 2, lux: 120, pir: false,
      },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Response keepAliveTime with keepalive trailer',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '120a0102887509c41502007801',
      data: {
        keepAliveTime: 10,
        sensorTemperature: 24.8, relativeHumidity: 45.7, batteryVoltage: 2.5,
        targetTemperature: 21, powerSourceStatus: 2, lux: 120, pir: true,
      },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Response PIR check period (0x4b, two bytes) with keepalive trailer',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '4b003c0102887509c41502007801',
      data: {
        pirCheckPeriod: 60,
        sensorTemperature: 24.8, relativeHumidity: 45.7, batteryVoltage: 2.5,
        targetTemperature: 21, powerSourceStatus: 2, lux: 120, pir: true,
      },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Response region (0xa4) with keepalive trailer',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: 'a4010102887509c41502007801',
      data: {
        region: 1,
        sensorTemperature: 24.8, relativeHumidity: 45.7, batteryVoltage: 2.5,
        targetTemperature: 21, powerSourceStatus: 2, lux: 120, pir: true,
      },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Encode downlink setWatchDogParams',
      operation: 'encodeDownlink',
      fPort: 1,
      bytesHex: '1c0205',
      data: { setWatchDogParams: { confirmedUplinks: 2, unconfirmedUplinks: 5 } },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Decode downlink passthrough bytes',
      operation: 'decodeDownlink',
      fPort: 1,
      bytesHex: '2e00d7',
      data: { bytes: [46, 0, 215] },
      source: 'actility/device-catalog vendors/mclimate/drivers/wireless-thermostat/' +
        'examples.json (commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
  ],
});
