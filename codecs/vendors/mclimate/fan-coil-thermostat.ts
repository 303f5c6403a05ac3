/**
 * MClimate Fan Coil Thermostat: keep-alive (11 bytes), answers and downlinks, after
 * docs.mclimate.eu "Fan Coil Thermostat Device Communication Protocol" and MClimate's
 * reference decoder/encoder. Command names keep the vendor's spelling (some start with a
 * capital S/G), so that the vendor's own downlink objects encode unchanged.
 *
 * Layouts follow the vendor's current examples (actility/device-catalog fan-coil
 * examples.json, commit 1d513318): answers 0x30, 0x3E, 0x5B, 0x6D in tenths of a degree.
 * Scaled set commands are rounded, where the vendor's encoder truncates.
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedHvac } from '../../framework/harmonised.js';
import { makeMclimateCodec, pick } from './format/device.js';
import { cmd, generalDownlinks, generalResponses, u8 } from './format/general.js';
import { flag, int, none, struct } from './format/values.js';
import { fuota } from './format/special.js';

const tenth = int(1, { div: 10 });
const ranges = struct([
  ['heatingTempMin', u8], ['heatingTempMax', u8], ['coolingTempMin', u8], ['coolingTempMax', u8],
]);

/** Pairs of (set code, get code, names, layout) that are symmetric. */
const pairs: Array<[number, string, string, string, ReturnType<typeof int> | typeof ranges]> = [
  [0x31, 'SetValveOpenCloseTime', 'GetValveOpenCloseTime', 'valveOpenCloseTime', u8],
  [0x33, 'SetDisplayRefreshPeriod', 'GetDisplayRefreshPeriod', 'displayRefreshPeriod', u8],
  [0x40, 'SetCurrentTemperatureVisibility', 'GetCurrentTemperatureVisibility',
    'currentTemperatureVisibility', u8],
  [0x42, 'SetHumidityVisibility', 'GetHumidityVisibility', 'humidityVisibility', u8],
  [0x44, 'SetFanSpeed', 'GetFanSpeed', 'fanSpeed', u8],
  [0x46, 'SetFanSpeedLimit', 'GetFanSpeedLimit', 'fanSpeedLimit', u8],
  [0x4a, 'setEcmStartUpTime', 'getEcmStartUpTime', 'ecmStartUpTime', u8],
  [0x4c, 'setEcmRelay', 'getEcmRelay', 'ecmRelay', u8],
  [0x4e, 'setFrostProtection', 'getFrostProtection', 'frostProtection', u8],
  [0x52, 'setFctOperationalMode', 'getFctOperationalMode', 'fctOperationalMode', u8],
  [0x54, 'setAllowedOperationalModes', 'getAllowedOperationalModes',
    'allowedOperationalModes', u8],
  [0x56, 'setCoolingSetpointNotOccupied', 'getCoolingSetpointNotOccupied',
    'coolingSetpointNotOccupied', u8],
  [0x58, 'setHeatingSetpointNotOccupied', 'getHeatingSetpointNotOccupied',
    'heatingSetpointNotOccupied', u8],
  [0x5c, 'setFanSpeedNotOccupied', 'getFanSpeedNotOccupied', 'fanSpeedNotOccupied', u8],
  [0x5e, 'setAutomaticChangeover', 'getAutomaticChangeover', 'automaticChangeover', u8],
  [0x60, 'setWiringDiagram', 'getWiringDiagram', 'wiringDiagram', u8],
  [0x62, 'setOccFunction', 'getOccFunction', 'occFunction', u8],
  [0x66, 'setDeviceStatus', 'getDeviceStatus', 'deviceStatus', u8],
  [0x68, 'setReturnOfPowerOperation', 'getReturnOfPowerOperation',
    'returnOfPowerOperation', u8],
];

const pairDownlinks = [];
const pairResponses = [];
for (let i = 0; i < pairs.length; i++) {
  const [code, set, get, answer, layout] = pairs[i]!;
  pairDownlinks.push(cmd(code, set, layout, `Set ${answer}`));
  pairDownlinks.push(cmd(code + 1, get, none, `Read ${answer}`));
  pairResponses.push(cmd(code + 1, answer, layout, answer));
}

/** The Fan Coil Thermostat codec. */
export const fanCoilThermostat: CodecDefinition = makeMclimateCodec({
  id: 'mclimate/fan-coil-thermostat',
  model: 'fan-coil-thermostat',
  category: 'hvac',
  description: 'MClimate Fan Coil Thermostat LoRaWAN',
  uplinkFPort: 1,
  downlinkFPort: 1,
  keepalives: [{
    reason: 0x01,
    length: 11,
    fields: [
      { name: 'sensorTemperature', bits: [[8, 16]], rawAdd: -400, div: 10, decimals: 2 },
      { name: 'relativeHumidity', bits: [[24, 8]], mul: 100, div: 256, decimals: 2 },
      { name: 'targetTemperature', bits: [[32, 16]], div: 10 },
      { name: 'operationalMode', bits: [[48, 8]] },
      { name: 'displayedFanSpeed', bits: [[56, 8]] },
      { name: 'actualFanSpeed', bits: [[64, 8]] },
      { name: 'valveStatus', bits: [[72, 8]] },
      { name: 'deviceStatus', bits: [[80, 8]] },
    ],
  }],
  responses: generalResponses.concat(pairResponses, [
    cmd(0x05, 'targetTemperatureStep', tenth, 'Target temperature step, °C'),
    cmd(0x14, 'keysLock', flag, 'Keys lock'),
    cmd(0x15, 'temperatureRangeSettings', struct([['min', u8], ['max', u8]]),
      'Allowed target range, °C'),
    cmd(0x17, 'heatingCoolingTargetTempRanges', ranges, 'Heating/cooling target ranges, °C'),
    cmd(0x2f, 'targetTemperature', u8, 'Target temperature, °C'),
    cmd(0x30, 'manualTargetTemperatureUpdate', int(2, { div: 10 }),
      'Target set on the device, °C'),
    cmd(0x36, 'extAutomaticTemperatureControl', u8, 'External automatic temperature control'),
    cmd(0x3e, 'extSensorTemperature', int(2, { div: 10 }), 'External sensor temperature, °C'),
    cmd(0x49, 'ecmVoltageRange', struct([['min', tenth], ['max', tenth]]),
      'EC motor voltage range, V'),
    cmd(0x51, 'frostProtectionSettings', struct([['threshold', u8], ['setpoint', u8]]),
      'Frost protection threshold and set point, °C'),
    cmd(0x5b, 'tempSensorCompensation',
      struct([['compensation', u8], ['temperature', tenth]]), 'Temperature sensor compensation'),
    cmd(0x65, 'automaticChangeoverThreshold',
      struct([['coolingThreshold', u8], ['heatingThreshold', u8]]), 'Changeover thresholds'),
    cmd(0x6b, 'deltaTemperature1', tenth, 'Delta temperature 1, °C'),
    cmd(0x6d, 'deltaTemperature2and3',
      struct([['deltaTemperature2', tenth], ['deltaTemperature3', tenth]]),
      'Delta temperatures 2 and 3, °C'),
    cmd(0x6e, 'frostProtectionStatus', u8, 'Frost protection status'),
    cmd(0x70, 'occupancySensorStatusSetPoint', u8, 'Occupancy sensor set point status'),
    cmd(0x71, 'occupancySensorStatus', u8, 'Occupancy sensor status'),
    cmd(0x72, 'dewPointSensorStatus', u8, 'Dew point sensor status'),
    cmd(0x73, 'filterAlarm', u8, 'Filter alarm'),
    cmd(0x74, 'automaticChangeoverMode',
      struct([['ntcTemperature', u8], ['automaticChangeover', u8]]), 'Changeover mode'),
    cmd(0x75, 'powerModuleStatus', u8, 'Power module status'),
    cmd(0x77, 'heatingCoolingTargetTempRangesUnoccupied', ranges,
      'Heating/cooling target ranges when unoccupied, °C'),
    cmd(0x79, 'fanOffDelayTime', u8, 'Fan off delay'),
    cmd(0x7b, 'additionalFanMode', u8, 'Additional fan mode'),
    cmd(0x7c, 'internalTemperatureSensorError', u8, 'Internal temperature sensor error'),
    cmd(0x7d, 'externalTemperatureSensorError', u8, 'External temperature sensor error'),
    cmd(0x9b, 'userInterfaceLanguage', u8, 'User interface language'),
    cmd(0xa4, 'region', u8, 'LoRaWAN region'),
    cmd(0xa0, 'fuota', fuota, 'FUOTA address'),
  ]),
  downlinks: generalDownlinks.concat(pairDownlinks, [
    cmd(0x2e, 'setTargetTemperature', int(2, { div: 10 }), 'Set target temperature, °C'),
    cmd(0x03, 'setTargetTemperatureStep', tenth, 'Set target temperature step, °C'),
    cmd(0x05, 'getTargetTemperatureStep', none, 'Read target temperature step'),
    cmd(0x07, 'setKeysLock', u8, 'Set keys lock'),
    cmd(0x14, 'getKeysLock', none, 'Read keys lock'),
    cmd(0x08, 'setTemperatureRange', struct([['min', u8], ['max', u8]]),
      'Set allowed target range, °C'),
    cmd(0x15, 'getTemperatureRange', none, 'Read allowed target range'),
    cmd(0x48, 'setEcmVoltageRange', struct([['min', tenth], ['max', tenth]]),
      'Set EC motor voltage range, V'),
    cmd(0x49, 'getEcmVoltageRange', none, 'Read EC motor voltage range'),
    cmd(0x50, 'setFrostProtectionSettings', struct([['threshold', u8], ['setpoint', u8]]),
      'Set frost protection'),
    cmd(0x51, 'getFrostProtectionSettings', none, 'Read frost protection'),
    cmd(0x5a, 'setTempSensorCompensation',
      struct([['compensation', u8], ['temperature', tenth]]), 'Set sensor compensation'),
    cmd(0x5b, 'getTempSensorCompensation', none, 'Read sensor compensation'),
    cmd(0x64, 'setAutomaticChangeoverThreshold',
      struct([['coolingThreshold', u8], ['heatingThreshold', u8]]), 'Set changeover thresholds'),
    cmd(0x65, 'getAutomaticChangeoverThreshold', none, 'Read changeover thresholds'),
    cmd(0x6a, 'setDeltaTemperature1', tenth, 'Set delta temperature 1, °C'),
    cmd(0x6b, 'getDeltaTemperature1', none, 'Read delta temperature 1'),
    cmd(0x6c, 'setDeltaTemperature2and3',
      struct([['deltaTemperature2', tenth], ['deltaTemperature3', tenth]]),
      'Set delta temperatures 2 and 3'),
    cmd(0x6d, 'getDeltaTemperature2and3', none, 'Read delta temperatures 2 and 3'),
    cmd(0x6e, 'getFrostProtectionStatus', none, 'Read frost protection status'),
    cmd(0x70, 'getOccupancySensorStatusSetPoint', none, 'Read occupancy set point status'),
    cmd(0x71, 'getOccupancySensorStatus', none, 'Read occupancy sensor status'),
    cmd(0x72, 'getDewPointSensorStatus', none, 'Read dew point sensor status'),
    cmd(0x73, 'getFilterAlarm', none, 'Read filter alarm'),
  ]),
  normalize(d) {
    const out: HarmonisedHvac = { category: 'hvac' };
    pick(d, out as unknown as Record<string, unknown>, {
      sensorTemperature: 'temperatureC',
      targetTemperature: 'setpointC',
      relativeHumidity: 'humidityPercent',
    });
    return out;
  },
  examples: [{
    description: 'Periodic uplink',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: '01028875013b0100060101',
    data: {
      actualFanSpeed: 6, deviceStatus: 1, displayedFanSpeed: 0, operationalMode: 1,
      relativeHumidity: 45.7, sensorTemperature: 24.8, targetTemperature: 31.5, valveStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 53ef3f33882273deea70046c7feede49e4729962)',
  }, {
    description:
      'Response: manual target temperature update (0x30, two bytes) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: '3000d701028875013b0100060101',
    data: {
      manualTargetTemperatureUpdate: 21.5,
      sensorTemperature: 24.8, relativeHumidity: 45.7, targetTemperature: 31.5,
      operationalMode: 1, displayedFanSpeed: 0, actualFanSpeed: 6, valveStatus: 1, deviceStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Response: external sensor temperature (0x3e) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: '3e00fa01028875013b0100060101',
    data: {
      extSensorTemperature: 25,
      sensorTemperature: 24.8, relativeHumidity: 45.7, targetTemperature: 31.5,
      operationalMode: 1, displayedFanSpeed: 0, actualFanSpeed: 6, valveStatus: 1, deviceStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Response: FCT operational mode (0x53) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: '530201028875013b0100060101',
    data: {
      fctOperationalMode: 2,
      sensorTemperature: 24.8, relativeHumidity: 45.7, targetTemperature: 31.5,
      operationalMode: 1, displayedFanSpeed: 0, actualFanSpeed: 6, valveStatus: 1, deviceStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Response: temperature sensor compensation (0x5b) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: '5b01aa01028875013b0100060101',
    data: {
      tempSensorCompensation: { compensation: 1, temperature: 17 },
      sensorTemperature: 24.8, relativeHumidity: 45.7, targetTemperature: 31.5,
      operationalMode: 1, displayedFanSpeed: 0, actualFanSpeed: 6, valveStatus: 1, deviceStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Response: delta temperature 2 and 3 (0x6d) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: '6d1e2801028875013b0100060101',
    data: {
      deltaTemperature2and3: { deltaTemperature2: 3, deltaTemperature3: 4 },
      sensorTemperature: 24.8, relativeHumidity: 45.7, targetTemperature: 31.5,
      operationalMode: 1, displayedFanSpeed: 0, actualFanSpeed: 6, valveStatus: 1, deviceStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Response: region (0xa4) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'a40101028875013b0100060101',
    data: {
      region: 1,
      sensorTemperature: 24.8, relativeHumidity: 45.7, targetTemperature: 31.5,
      operationalMode: 1, displayedFanSpeed: 0, actualFanSpeed: 6, valveStatus: 1, deviceStatus: 1,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Downlink: enable frost protection (0x4e)',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '4e01',
    data: { setFrostProtection: 1 },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Downlink: read frost protection (0x4f)',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '4f',
    data: { getFrostProtection: true },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Downlink: set target temperature step to 0.5C',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '0305',
    data: { setTargetTemperatureStep: 0.5 },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Downlink: set delta temperature 1 to 3C',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '6a1e',
    data: { setDeltaTemperature1: 3 },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }, {
    description: 'Downlink: set watchdog parameters',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '1c0205',
    data: { setWatchDogParams: { confirmedUplinks: 2, unconfirmedUplinks: 5 } },
    source: 'actility/device-catalog vendors/mclimate/drivers/fan-coil/examples.json ' +
      '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
  }],
});
