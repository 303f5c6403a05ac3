/**
 * Nexelec ORIGIN+ (product 0xB1) and its family ORIGIN (0xB2), GUARD+ (0xB3), GUARD (0xB4):
 * smoke alarms with temperature and humidity. Layout after Nexelec's generation-3 payload
 * decoder (product status, configuration, smoke alarm, daily air quality, real time,
 * temperature datalog). Labels are the vendor's, spelling included.
 *
 * Values follow the vendor's arithmetic exactly (`raw * 0.1 - 30`), float noise included
 * (20.200000000000003), as in the vendor's examples.
 * Known gap: the products' downlink configuration frames are not covered.
 */
import type { HarmonisedAir } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { makeNexelecCodec, valueOf } from './format/device.js';
import type { MeasureField } from './format/fields.js';

const ACTIVE = ['Deactivate', 'Active'];
const R = 'Reserved';

function temperature(name: string, bit: number): MeasureField {
  return {
    name, kind: 'measure', unit: '°C', mul: 0.1, add: -30,
    errors: { 1023: 'Error' }, bit, bits: 10,
  };
}

function humidity(name: string, bit: number): MeasureField {
  return { name, kind: 'measure', unit: '%RH', div: 2, errors: { 255: 'Error' }, bit, bits: 8 };
}

/** The ORIGIN+ codec. */
export const originPlus: CodecDefinition = makeNexelecCodec({
  id: 'nexelec/origin-plus',
  model: 'origin-plus',
  category: 'air',
  description: 'Nexelec ORIGIN+ LoRa smoke alarm with temperature and humidity',
  products: { 0xb1: 'Origin+ LoRa', 0xb2: 'Origin LoRa', 0xb3: 'Guard+ LoRa', 0xb4: 'Guard LoRa' },
  uplinkFPort: 1,
  messages: [
    {
      type: 0, label: 'Product Status', name: 'product_status', minLength: 7, fields: [
        { name: 'hwVersion', kind: 'number', bit: 16, bits: 8 },
        { name: 'swVersion', kind: 'number', mul: 0.1, bit: 24, bits: 8 },
        { name: 'rmgLifetime', kind: 'measure', unit: 'month', bit: 32, bits: 8 },
        {
          name: 'smokeSensorStatus', kind: 'enum', bit: 40, bits: 1,
          labels: ['Smoke sensor ok', 'Smoke sensor fault'],
        },
        {
          name: 'tempHumSensorStatus', kind: 'enum', bit: 41, bits: 1,
          labels: ['T°/humidity sensor ok', 'T°/humidity sensor fault'],
        },
        {
          name: 'smokeSensorActivation', kind: 'enum', bit: 42, bits: 1,
          labels: ['Smoke sensor desactivate', 'Smoke sensor activate'],
        },
        {
          name: 'antiTearDetectionStatus', kind: 'enum', bit: 43, bits: 3,
          labels: ['Magnetic base not detected', 'Magnetic base detected',
            'Product removed from its based just now', 'Product installed on its base just now',
            'Magnetic base never detected'],
        },
        {
          name: 'batteryLevel', kind: 'enum', labels: ['High', 'Medium', 'Low', 'Critical'],
          bit: 46, bits: 2,
        },
        {
          // 2000 mV + 5 mV per step.
          name: 'batteryVoltage', kind: 'measure', unit: 'mV', unitKey: 'units', mul: 5,
          add: 2000, bit: 48, bits: 8,
        },
      ],
    },
    {
      type: 1, label: 'Product Configuration', name: 'product_configuration', minLength: 9,
      fields: [
        {
          name: 'reconfigurationSource', kind: 'enum', bit: 16, bits: 3,
          labels: ['NFC', 'Downlink', 'Product Start up', R, R, 'Local'],
        },
        {
          name: 'reconfigurationStatus', kind: 'enum', bit: 19, bits: 2,
          labels: ['Total Success', 'Partial Succes', 'Total fail', R],
        },
        { name: 'datalogEnable', kind: 'enum', labels: ACTIVE, bit: 21, bits: 1 },
        { name: 'dailyAirEnable', kind: 'enum', labels: ACTIVE, bit: 22, bits: 1 },
        {
          name: 'smokeDetectionOnMagnetRemovalEnable', kind: 'enum', labels: ACTIVE,
          bit: 23, bits: 1,
        },
        {
          name: 'pendingJoin', kind: 'enum', bit: 24, bits: 1,
          labels: ['No join request scheduled', 'Join request scheduled'],
        },
        {
          name: 'nfcStatus', kind: 'enum', labels: ['Discoverable', ' No Discoverable'],
          bit: 25, bits: 2,
        },
        {
          name: 'loraRegion', kind: 'enum', labels: ['EU868', R, R, R, R, R, R],
          bit: 27, bits: 4,
        },
        { name: 'datalogNewMeasure', kind: 'number', bit: 31, bits: 6 },
        { name: 'datalogMeasureRepetition', kind: 'number', bit: 37, bits: 5 },
        {
          name: 'transmissionIntervalDatalog', kind: 'measure', unit: 'minutes', mul: 10,
          bit: 42, bits: 8,
        },
        { name: 'd2dNetworkID', kind: 'number', bit: 50, bits: 17 },
      ],
    },
    {
      type: 2, label: 'Smoke Alarm', name: 'smoke_alarm', minLength: 7, fields: [
        {
          name: 'smokeAlarm', kind: 'enum', bit: 16, bits: 2,
          labels: ['Smoke Alarm non-activated', 'Local smoke Alarm activated',
            'Remote smoke Alarm activated'],
        },
        {
          name: 'smokeAlarmHush', kind: 'enum', bit: 18, bits: 2,
          labels: ['Smoke alarm stopped because no smoke anymore',
            'Smoke alarm stopped following central button press',
            ': Smoke alarm stopped following a remote silence'],
        },
        {
          name: 'smokeLocalProductTest', kind: 'enum', bit: 20, bits: 2,
          labels: ['Smoke test off', 'Local smoke test was done', 'Remote smoke test was done'],
        },
        {
          name: 'timeSinceLastTest', kind: 'measure', unit: 'week', unitKey: 'units',
          bit: 22, bits: 8,
        },
        {
          name: 'digitalMaintenanceCertificate', kind: 'enum', bit: 30, bits: 1,
          labels: ['Maintenance not done', 'Maintenance has been done'],
        },
        {
          name: 'timeSinceLastMaintenance', kind: 'measure', unit: 'week', unitKey: 'units',
          bit: 31, bits: 8,
        },
        temperature('temperature', 39),
      ],
    },
    {
      type: 3, label: 'Air Quality', name: 'daily_air_quality', minLength: 9, fields: [
        temperature('temperatureMin', 16),
        temperature('temperatureMax', 26),
        temperature('temperatureAvg', 36),
        humidity('humidityMin', 46),
        humidity('humidityMax', 54),
        humidity('humidityAvg', 62),
      ],
    },
    {
      type: 4, label: 'Real Time', name: 'real_time', minLength: 5, fields: [
        temperature('temperature', 16),
        humidity('humidity', 26),
      ],
    },
    {
      type: 5, label: 'Temperature datalog', name: 'temperature_datalog', minLength: 5, fields: [
        { name: 'datalogNewMeasure', kind: 'number', bit: 16, bits: 6 },
        {
          name: 'transmissionIntervalDatalog', kind: 'measure', unit: 'minutes', bit: 22, bits: 8,
        },
        { name: 'datalogMeasureRepetition', kind: 'number', bit: 30, bits: 6 },
        {
          name: 'temperature', kind: 'series', countField: 'datalogNewMeasure', unit: '°C',
          bit: 36, bits: 10,
        },
      ],
    },
  ],
  normalize(d) {
    const out: HarmonisedAir = { category: 'air' };
    const t = valueOf(d.temperature);
    const h = valueOf(d.humidity);
    const v = d.batteryVoltage as { value?: unknown } | undefined;
    if (t !== undefined) out.temperatureC = t;
    if (h !== undefined) out.humidityPercent = h;
    if (v && typeof v.value === 'number') out.batteryV = v.value / 1000;
    if (d.batteryLevel === 'Low' || d.batteryLevel === 'Critical') out.lowBattery = true;
    else if (d.batteryLevel === 'High' || d.batteryLevel === 'Medium') out.lowBattery = false;
    return out;
  },
  examples: [{
    description: 'Example 5: Origin+ Periodical Data',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'b1047d1900',
    data: {
      humidity: { unit: '%RH', value: 50 }, temperature: { unit: '°C', value: 20 },
      typeOfMessage: 'Real Time', typeOfProduct: 'Origin+ LoRa',
    },
    recvTime: '2020-08-02T20:00:00.000+05:00',
    source: 'actility/device-catalog vendors/nexelec/drivers/generic3/examples.json ' +
      '(commit 53ef3f33882273deea70046c7feede49e4729962), "Example 5"',
  }, {
    description: 'Example 1: Origin+ Product Status',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'b10005077805c8',
    data: {
      antiTearDetectionStatus: 'Magnetic base detected',
      batteryLevel: 'Medium',
      batteryVoltage: {'units': 'mV', 'value': 3000},
      hwVersion: 5,
      rmgLifetime: {'unit': 'month', 'value': 120},
      smokeSensorActivation: 'Smoke sensor desactivate',
      smokeSensorStatus: 'Smoke sensor ok',
      swVersion: 0.7000000000000001,
      tempHumSensorStatus: 'T°/humidity sensor ok',
      typeOfMessage: 'Product Status',
      typeOfProduct: 'Origin+ LoRa',
    },
    recvTime: '2020-08-02T20:00:00.000+05:00',
    source: 'actility/device-catalog vendors/nexelec/drivers/generic3/examples.json ' +
      '(commit 0a7d9e1011376d08e87d052d909994059e7e2e4e)',
  }, {
    description: 'Example 2: Origin Product Function Configuration',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'b2014280a1050000000000',
    data: {
      d2dNetworkID: 0,
      dailyAirEnable: 'Active',
      datalogEnable: 'Deactivate',
      datalogMeasureRepetition: 4,
      datalogNewMeasure: 20,
      loraRegion: 'EU868',
      nfcStatus: 'Discoverable',
      pendingJoin: 'Join request scheduled',
      reconfigurationSource: 'Product Start up',
      reconfigurationStatus: 'Total Success',
      smokeDetectionOnMagnetRemovalEnable: 'Deactivate',
      transmissionIntervalDatalog: {'unit': 'minutes', 'value': 200},
      typeOfMessage: 'Product Configuration',
      typeOfProduct: 'Origin LoRa',
    },
    recvTime: '2020-08-02T20:00:00.000+05:00',
    source: 'actility/device-catalog vendors/nexelec/drivers/generic3/examples.json ' +
      '(commit 0a7d9e1011376d08e87d052d909994059e7e2e4e)',
  }, {
    description: 'Example 3: Guard+ Fire Detector State',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'b302102a50fa00',
    data: {
      digitalMaintenanceCertificate: 'Maintenance has been done',
      smokeAlarm: 'Smoke Alarm non-activated',
      smokeAlarmHush: 'Smoke alarm stopped following central button press',
      smokeLocalProductTest: 'Smoke test off',
      temperature: {'unit': '°C', 'value': 20},
      timeSinceLastMaintenance: {'units': 'week', 'value': 40},
      timeSinceLastTest: {'units': 'week', 'value': 10},
      typeOfMessage: 'Smoke Alarm',
      typeOfProduct: 'Guard+ LoRa',
    },
    recvTime: '2020-08-02T20:00:00.000+05:00',
    source: 'actility/device-catalog vendors/nexelec/drivers/generic3/examples.json ' +
      '(commit 0a7d9e1011376d08e87d052d909994059e7e2e4e)',
  }, {
    description: 'Example 4: Guard Daily Air Quality',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'b4037c9f67d141e190',
    data: {
      humidityAvg: {'unit': '%RH', 'value': 50},
      humidityMax: {'unit': '%RH', 'value': 60},
      humidityMin: {'unit': '%RH', 'value': 40},
      temperatureAvg: {'unit': '°C', 'value': 20},
      temperatureMax: {'unit': '°C', 'value': 20.200000000000003},
      temperatureMin: {'unit': '°C', 'value': 19.800000000000004},
      typeOfMessage: 'Air Quality',
      typeOfProduct: 'Guard LoRa',
    },
    recvTime: '2020-08-02T20:00:00.000+05:00',
    source: 'actility/device-catalog vendors/nexelec/drivers/generic3/examples.json ' +
      '(commit 0a7d9e1011376d08e87d052d909994059e7e2e4e)',
  }, {
    description: 'Example 6: Guard+ Historical Temperature Data',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'b305103c26499c6358d0',
    data: {
      datalogMeasureRepetition: 2,
      datalogNewMeasure: 4,
      temperature: {'unit': '°C', 'value': [10, 11, 10, 10]},
      transmissionIntervalDatalog: {'unit': 'minutes', 'value': 15},
      typeOfMessage: 'Temperature datalog',
      typeOfProduct: 'Guard+ LoRa',
    },
    recvTime: '2020-08-02T20:00:00.000+05:00',
    source: 'actility/device-catalog vendors/nexelec/drivers/generic3/examples.json ' +
      '(commit 0a7d9e1011376d08e87d052d909994059e7e2e4e)',
  }],
});
