/**
 * MClimate Vicki LoRaWAN radiator valve: keep-alive (reasons 0x01 and 0x81), answers to get
 * commands and the downlink command set, after docs.mclimate.eu "Vicki LoRaWAN Device
 * Communication Protocol" and MClimate's reference decoder/encoder.
 *
 * Known gap: the heating-schedule downlinks (events, season, clock, time zone) are not in
 * MClimate's reference encoder and are not encoded here; their answers are decoded.
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedHvac } from '../../framework/harmonised.js';
import { makeMclimateCodec, pick } from './format/device.js';
import type { CommandSpec } from './format/commands.js';
import type { KeepaliveField, KeepaliveSpec } from './format/keepalive.js';
import {
  bcdByte, fixedString, flag, hexByte, int, none, skip, struct, zeroFalse,
} from './format/values.js';
import {
  deviceTime, flags, fuota, heatingEvents, heatingEventStates, heatingSchedule, openWindow,
} from './format/special.js';

const u8 = int(1);
const u16 = int(2);
const tenths16 = int(2, { div: 10 });

function vickiKeepalive(reason: number, temperature: KeepaliveField): KeepaliveSpec {
  return {
    reason,
    length: 9,
    fields: [
      { name: 'reason', bits: [[0, 8]], kind: 'hexNumber' },
      { name: 'targetTemperature', bits: [[8, 8]] },
      temperature,
      { name: 'relativeHumidity', bits: [[24, 8]], mul: 100, div: 256, decimals: 2 },
      // Byte 6 packs the high nibbles: motor position (high) and motor range (low).
      { name: 'motorRange', bits: [[52, 4], [40, 8]] },
      { name: 'motorPosition', bits: [[48, 4], [32, 8]] },
      { name: 'batteryVoltage', bits: [[56, 4]], div: 10, add: 2, decimals: 2 },
      { name: 'openWindow', bits: [[60, 1]], kind: 'bool' },
      { name: 'highMotorConsumption', bits: [[61, 1]], kind: 'bool' },
      { name: 'lowMotorConsumption', bits: [[62, 1]], kind: 'bool' },
      { name: 'brokenSensor', bits: [[63, 1]], kind: 'bool' },
      { name: 'childLock', bits: [[64, 1]], kind: 'bool' },
      { name: 'calibrationFailed', bits: [[65, 1]], kind: 'bool' },
      { name: 'attachedBackplate', bits: [[66, 1]], kind: 'bool' },
      { name: 'perceiveAsOnline', bits: [[67, 1]], kind: 'bool' },
      { name: 'antiFreezeProtection', bits: [[68, 1]], kind: 'bool' },
    ],
  };
}

const r = (code: number, name: string, value: CommandSpec['value'], description: string) =>
  ({ code, name, value, description });

/** Answers to get commands (uplink), by command code. */
export const vickiResponses: CommandSpec[] = [
  r(0x04, 'deviceVersions', struct([['hardware', bcdByte], ['software', bcdByte]]),
    'Hardware and software versions'),
  r(0x12, 'keepAliveTime', u8, 'Keep-alive period, minutes'),
  r(0x13, 'openWindowParams', openWindow('duration'), 'Open-window detection parameters'),
  r(0x14, 'childLock', flag, 'Child lock'),
  r(0x15, 'temperatureRangeSettings', struct([['min', u8], ['max', u8]]),
    'Allowed target temperature range, °C'),
  r(0x16, 'internalAlgoParams', struct([['period', u8], ['pFirstLast', u8], ['pNext', u8]]),
    'Internal algorithm parameters'),
  r(0x17, 'internalAlgoTdiffParams', struct([['warm', u8], ['cold', u8]]),
    'Internal algorithm temperature-difference parameters'),
  r(0x18, 'operationalMode', u8, 'Operational mode'),
  r(0x19, 'joinRetryPeriod', int(1, { mul: 5, div: 60 }), 'Join retry period, minutes'),
  r(0x1b, 'uplinkType', u8, 'Uplink type (0 unconfirmed, 1 confirmed)'),
  r(0x1d, 'watchDogParams', struct([['wdpC', zeroFalse(1)], ['wdpUc', zeroFalse(1)]]),
    'Radio watchdog parameters'),
  r(0x1f, 'primaryOperationalMode', hexByte, 'Primary operational mode'),
  r(0x21, 'batteryRangesBoundaries',
    struct([['Boundary1', u16], ['Boundary2', u16], ['Boundary3', u16]]),
    'Battery range boundaries, mV'),
  r(0x23, 'batteryRangesOverVoltage',
    struct([['', skip(1)], ['Range1', u8], ['Range2', u8], ['Range3', u8]]),
    'Battery ranges over-voltage'),
  r(0x27, 'OVAC', u8, 'Over-voltage alarm counter'),
  r(0x28, 'manualTargetTemperatureUpdate', u8, 'Target temperature set on the device, °C'),
  r(0x29, 'proportionalAlgoParams', struct([['coefficient', u8], ['period', u8]]),
    'Proportional algorithm parameters'),
  r(0x2b, 'algoType', hexByte, 'Temperature control algorithm'),
  r(0x2d, 'motorPosition', u16, 'Motor position'),
  // Answer fields merge into the message, as in the vendor's output; the keep-alive that
  // follows overwrites motorPosition and targetTemperature, not targetTemperatureFloat.
  {
    code: 0x31,
    name: 'targetTemperatureAndMotorPosition',
    flat: true,
    flatKeys: ['motorPosition', 'targetTemperature'],
    flatEcho: ['targetTemperatureFloat', 'targetTemperature'],
    value: {
      size: 3,
      read(b, o, what) {
        const t = struct([['motorPosition', u16], ['targetTemperature', u8]]).read(b, o, what);
        const obj = t as Record<string, number>;
        return {
          motorPosition: obj.motorPosition,
          targetTemperature: obj.targetTemperature,
          targetTemperatureFloat: obj.targetTemperature,
        };
      },
      write(v, out, what) {
        struct([['motorPosition', u16], ['targetTemperature', u8]]).write(v, out, what);
      },
      schema: {},
    },
    description: 'Motor position and target temperature',
  },
  r(0x36, 'proportionalGain', fixedString(3, 131072, 5), 'PI proportional gain Kp'),
  r(0x3d, 'integralGain', fixedString(3, 131072, 5), 'PI integral gain Ki'),
  r(0x3f, 'integralValue', tenths16, 'PI integral value'),
  r(0x40, 'piRunPeriod', u8, 'PI run period'),
  r(0x42, 'tempHysteresis', u8, 'Temperature hysteresis'),
  r(0x44, 'extSensorTemperature', tenths16, 'External sensor temperature, °C'),
  r(0x46, 'openWindowParams',
    struct([['enabled', flag], ['duration', int(1, { mul: 5 })], ['delta', int(1, { div: 10 })]]),
    'Open-window detection parameters, 0.1 °C delta'),
  r(0x48, 'forceAttach', u8, 'Force attach'),
  r(0x4a, 'antiFreezeParams', struct([
    ['activatedTemperature', int(1, { div: 10 })],
    ['deactivatedTemperature', int(1, { div: 10 })],
    ['targetTemperature', u8],
  ]), 'Anti-freeze parameters, °C'),
  r(0x4b, 'patchVersion', u8, 'Firmware patch version'),
  r(0x4d, 'piMaxIntegratedError', tenths16, 'PI maximum integrated error'),
  r(0x50, 'effectiveMotorRange', struct([
    ['maxValveOpenness', int(1, { mul: -1, add: 100 })],
    ['minValveOpenness', int(1, { mul: -1, add: 100 })],
  ]), 'Effective motor range, % openness'),
  r(0x52, 'targetTemperatureFloat', tenths16, 'Target temperature, 0.1 °C'),
  r(0x54, 'temperatureOffset', int(1, { rawAdd: -28, mul: 0.176 }),
    'Temperature offset, °C'),
  // The vendor reads one byte of flags and advances two.
  r(0x58, 'notifications', flags([
    'temperatureRestoredAfterManualBoost', 'temperatureChangedByHeatingSchedule'], 1),
  'Notifications'),
  {
    code: 0x5a,
    name: 'heatingEvents',
    flat: true,
    flatKeys: ['heatingEventGroup', 'heatingEvents'],
    value: heatingEvents,
    description: 'Heating events of one group (start, target, weekdays)',
  },
  r(0x5c, 'heatingSchedule', heatingSchedule, 'Heating season start and end'),
  r(0x5e, 'deviceTime', deviceTime, 'Device clock, UTC'),
  r(0x60, 'deviceTimeZone', int(1, { signed: true }), 'Time zone offset, hours'),
  r(0x62, 'autoSetpointRestoreStatus', int(1, { mul: 10 }), 'Set-point restore time'),
  r(0x64, 'ledIndicationDuration', int(1, { div: 2 }), 'LED indication duration, s'),
  r(0x66, 'offlineTargetTemperature', tenths16, 'Offline target temperature, °C'),
  r(0x68, 'internalAlgoTempState', u8, 'Internal algorithm temperature state'),
  r(0x6a, 'temperatureLevels', struct([
    ['level0', tenths16], ['level1', tenths16], ['level2', tenths16],
    ['level3', tenths16], ['level4', tenths16], ['level5', tenths16],
  ]), 'Temperature of each scale level, °C'),
  r(0x6c, 'heatingEventStates', heatingEventStates, 'Which heating events are active'),
  r(0x6e, 'timeRequestByMACcommand', u8, 'Time request by MAC command'),
  r(0xa0, 'fuota', fuota, 'FUOTA address'),
];

/** Downlink commands (fPort 1), as MClimate's encoder names them. */
export const vickiDownlinks: CommandSpec[] = [
  r(0x02, 'setKeepAlive', u8, 'Set keep-alive period, minutes'),
  r(0x12, 'getKeepAliveTime', none, 'Read keep-alive period'),
  r(0x03, 'recalibrateMotor', none, 'Recalibrate the motor'),
  r(0x04, 'getDeviceVersions', none, 'Read hardware and software versions'),
  r(0x06, 'setOpenWindow', openWindow('closeTime'), 'Set open-window detection'),
  r(0x13, 'getOpenWindowParams', none, 'Read open-window parameters'),
  r(0x07, 'setChildLock', flag, 'Set child lock'),
  r(0x14, 'getChildLock', none, 'Read child lock'),
  r(0x08, 'setTemperatureRange', struct([['min', u8], ['max', u8]]),
    'Set allowed target range, °C'),
  r(0x15, 'getTemperatureRange', none, 'Read allowed target range'),
  r(0x0b, 'forceClose', none, 'Close the valve'),
  r(0x0c, 'setInternalAlgoParams', struct([['pFirstLast', u8], ['pNext', u8]]),
    'Set internal algorithm parameters'),
  r(0x16, 'getInternalAlgoParams', none, 'Read internal algorithm parameters'),
  r(0x1a, 'setInternalAlgoTdiffParams', struct([['cold', u8], ['warm', u8]]),
    'Set temperature-difference parameters'),
  r(0x17, 'getInternalAlgoTdiffParams', none, 'Read temperature-difference parameters'),
  r(0x0d, 'setOperationalMode', u8, 'Set operational mode'),
  r(0x18, 'getOperationalMode', none, 'Read operational mode'),
  r(0x0e, 'setTargetTemperature', u8, 'Set target temperature, °C'),
  r(0x0f, 'setExternalTemperature', u8, 'Send external temperature, °C'),
  r(0x10, 'setJoinRetryPeriod', int(1, { mul: 5, div: 60 }), 'Set join retry period, min'),
  r(0x19, 'getJoinRetryPeriod', none, 'Read join retry period'),
  r(0x11, 'setUplinkType', u8, 'Set uplink type'),
  r(0x1b, 'getUplinkType', none, 'Read uplink type'),
  r(0x31, 'setTargetTemperatureAndMotorPosition',
    struct([['motorPosition', u16], ['targetTemperature', u8]]),
    'Set motor position and target temperature'),
  r(0x1c, 'setWatchDogParams',
    struct([['confirmedUplinks', u8], ['unconfirmedUplinks', u8]]), 'Set radio watchdog'),
  r(0x1d, 'getWatchDogParams', none, 'Read radio watchdog'),
  r(0x1e, 'setPrimaryOperationalMode', u8, 'Set primary operational mode'),
  r(0x1f, 'getPrimaryOperationalMode', none, 'Read primary operational mode'),
  r(0x2a, 'setProportionalAlgorithmParameters',
    struct([['coefficient', u8], ['period', u8]]), 'Set proportional algorithm'),
  r(0x29, 'getProportionalAlgorithmParameters', none, 'Read proportional algorithm'),
  r(0x2c, 'setTemperatureControlAlgorithm', u8, 'Set control algorithm'),
  r(0x2b, 'getTemperatureControlAlgorithm', none, 'Read control algorithm'),
  r(0x2d, 'setMotorPositionOnly', u16, 'Set motor position'),
  r(0x30, 'deviceReset', none, 'Reset the device'),
  r(0x35, 'setChildLockBehavior', u8, 'Set child lock behaviour'),
  r(0x34, 'getChildLockBehavior', none, 'Read child lock behaviour'),
  r(0x37, 'setProportionalGain', int(3, { div: 131072 }), 'Set PI gain Kp'),
  r(0x36, 'getProportionalGain', none, 'Read PI gain Kp'),
  r(0x3c, 'setExternalTemperatureFloat', tenths16, 'Send external temperature, 0.1 °C'),
  r(0x3e, 'setIntegralGain', int(3, { div: 131072 }), 'Set PI gain Ki'),
  r(0x3d, 'getIntegralGain', none, 'Read PI gain Ki'),
  r(0x41, 'setPiRunPeriod', u8, 'Set PI run period'),
  r(0x40, 'getPiRunPeriod', none, 'Read PI run period'),
  r(0x43, 'setTempHysteresis', int(1, { div: 10 }), 'Set temperature hysteresis, °C'),
  r(0x42, 'getTempHysteresis', none, 'Read temperature hysteresis'),
  r(0x45, 'setOpenWindowPrecisely',
    struct([['enabled', flag], ['duration', int(1, { mul: 5 })], ['delta', int(1, { div: 10 })]]),
    'Set open-window detection, 0.1 °C delta'),
  r(0x46, 'getOpenWindowPrecisely', none, 'Read open-window detection (precise)'),
  r(0x47, 'setForceAttach', u8, 'Set force attach'),
  r(0x48, 'getForceAttach', none, 'Read force attach'),
  r(0x4e, 'setValveOpenness', u8, 'Set valve openness, %'),
];

/** The Vicki codec. */
export const vicki: CodecDefinition = makeMclimateCodec({
  id: 'mclimate/vicki',
  model: 'vicki',
  category: 'hvac',
  description: 'MClimate Vicki LoRaWAN smart radiator thermostatic valve',
  uplinkFPort: 1,
  downlinkFPort: 1,
  keepalives: [
    vickiKeepalive(0x01, {
      name: 'sensorTemperature', bits: [[16, 8]], mul: 165, div: 256, add: -40, decimals: 2,
    }),
    vickiKeepalive(0x81, {
      name: 'sensorTemperature', bits: [[16, 8]], rawAdd: -28.33333, div: 5.66666, decimals: 2,
    }),
  ],
  responses: vickiResponses,
  downlinks: vickiDownlinks,
  derive(d) {
    const range = d.motorRange as number;
    const pos = d.motorPosition as number;
    d.valveOpenness = range !== 0 ? Math.round((1 - pos / range) * 100) : 0;
    if (!('targetTemperatureFloat' in d)) d.targetTemperatureFloat = d.targetTemperature;
  },
  derivedSchema: {
    valveOpenness: { type: 'integer', description: '%, from motor position and range' },
    targetTemperatureFloat: { type: 'number', description: '°C' },
  },
  chooseKeepalive: (d) => (d.reason === 81 ? 0x81 : 0x01),
  // The vendor's normalizeUplink (TheThingsNetwork/lorawan-devices vendor/mclimate/vicki.js)
  // reports these states as warnings, in this order.
  warnFlags: ['openWindow', 'highMotorConsumption', 'lowMotorConsumption', 'brokenSensor',
    'childLock', 'calibrationFailed', 'attachedBackplate', 'perceiveAsOnline',
    'antiFreezeProtection'],
  normalize(d) {
    const out: HarmonisedHvac = { category: 'hvac' };
    pick(d, out as unknown as Record<string, unknown>, {
      sensorTemperature: 'temperatureC',
      targetTemperatureFloat: 'setpointC',
      valveOpenness: 'valvePercent',
      relativeHumidity: 'humidityPercent',
      batteryVoltage: 'batteryV',
    });
    return out;
  },
  examples: [
    {
      description: 'Periodic uplink',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '011d5a78fa2c01f080',
      data: {
        reason: 1, targetTemperature: 29, sensorTemperature: 18.01, relativeHumidity: 46.88,
        motorRange: 300, motorPosition: 250, batteryVoltage: 3.5, openWindow: false,
        childLock: true, highMotorConsumption: false, lowMotorConsumption: false,
        brokenSensor: false, attachedBackplate: false, calibrationFailed: false,
        perceiveAsOnline: false, antiFreezeProtection: false, valveOpenness: 17,
        targetTemperatureFloat: 29,
      },
      source: 'TheThingsNetwork/lorawan-devices vendor/mclimate/vicki-codec.yaml ' +
        '(commit 2fce2150c398524274a7d11ec1246284da251a81), "Periodic uplink"',
    },
    {
      description: 'Downlink: setting target temperature and open window parameters',
      operation: 'encodeDownlink',
      fPort: 1,
      bytesHex: '0e140601041c23',
      data: {
        setTargetTemperature: 20,
        setOpenWindow: { enabled: true, closeTime: 20, delta: 3, motorPosition: 540 },
      },
      source: 'actility/device-catalog vendors/mclimate/drivers/vicki/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
    {
      description: 'Downlink: Set valve openness',
      operation: 'encodeDownlink',
      fPort: 1,
      bytesHex: '4e32',
      data: { setValveOpenness: 50 },
      source: 'actility/device-catalog vendors/mclimate/drivers/vicki/examples.json ' +
        '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Downlink: Set target temperature and motor position',
      operation: 'encodeDownlink',
      fPort: 1,
      bytesHex: '31003216',
      data: { setTargetTemperatureAndMotorPosition: { motorPosition: 50, targetTemperature: 22 } },
      source: 'actility/device-catalog vendors/mclimate/drivers/vicki/examples.json ' +
        '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Downlink: Set motor position only',
      operation: 'encodeDownlink',
      fPort: 1,
      bytesHex: '2d0032',
      data: { setMotorPositionOnly: 50 },
      source: 'actility/device-catalog vendors/mclimate/drivers/vicki/examples.json ' +
        '(commit 1d513318f9bcf4750c346cb2be6246ba1147f867)',
    },
    {
      description: 'Downlink decode: the vendor echoes the bytes',
      operation: 'decodeDownlink',
      fPort: 1,
      bytesHex: '4e32',
      data: { bytes: [78, 50] },
      source: 'actility/device-catalog vendors/mclimate/drivers/vicki/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962), "passthrough bytes"',
    },
  ],
});
