/**
 * Nexelec AIR+ (X850, product 0xAE) and AIR (X845, 0xAF): CO, temperature, humidity and
 * IZI-air indoor air quality index. Layout after Nexelec's AIR+ payload decoder 1.0.2
 * (product status, CO alarm status, real time, product configuration, SAV information).
 *
 * Known gap: the products' downlink configuration frames are not covered.
 */
import type { HarmonisedAir } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { makeNexelecCodec, valueOf } from './format/device.js';

const ACTIVE = ['Not active', 'Active'];
const HW = ['Hardware working correctly', 'Hardware fault detected'];
const R = 'Reserved';

/** The AIR+ codec. */
export const airPlus: CodecDefinition = makeNexelecCodec({
  id: 'nexelec/air-plus',
  model: 'air-plus',
  category: 'air',
  description: 'Nexelec AIR+ LoRa: carbon monoxide alarm with temperature, humidity and IAQ',
  products: { 0xae: 'Air+ LoRa', 0xaf: 'Air LoRa' },
  uplinkFPort: 1,
  messages: [
    {
      type: 0, label: 'Product Status', name: 'product_status', minLength: 6, fields: [
        { name: 'hwRevision', kind: 'revision', style: 'padded', bit: 16, bits: 8 },
        { name: 'swRevision', kind: 'revision', style: 'tenths', bit: 24, bits: 8 },
        { name: 'remainingProductLifetime', kind: 'measure', unit: 'month', bit: 32, bits: 8 },
        { name: 'coSensorStatus', kind: 'enum', labels: HW, bit: 40, bits: 1 },
        { name: 'tempHumSensorStatus', kind: 'enum', labels: HW, bit: 41, bits: 1 },
        { name: 'memoryFault', kind: 'enum', labels: HW, bit: 42, bits: 1 },
        { name: 'hushStatus', kind: 'enum', labels: ACTIVE, bit: 43, bits: 1 },
        {
          name: 'energyStatus', kind: 'enum', labels: ['High', 'Medium', 'Low', 'Critical'],
          bit: 44, bits: 2,
        },
        {
          name: 'magnetDetection', kind: 'enum',
          labels: ['No magnetic base detected', 'Magnetic base detected'], bit: 46, bits: 1,
        },
      ],
    },
    {
      type: 1, label: 'CO Alarm Status', name: 'co_alarm_status', minLength: 5, fields: [
        {
          name: 'coConcentration', kind: 'measure', unit: 'ppm', errors: { 1023: 'Error' },
          bit: 16, bits: 10,
        },
        { name: 'preAlarm', kind: 'enum', labels: ACTIVE, bit: 26, bits: 1 },
        { name: 'localAlarm', kind: 'enum', labels: ACTIVE, bit: 27, bits: 1 },
        { name: 'coAlarmHush', kind: 'enum', labels: ACTIVE, bit: 28, bits: 1 },
        {
          name: 'productTest', kind: 'enum', labels: ['Test Off', 'Product test is running'],
          bit: 30, bits: 1,
        },
        { name: 'timeSinceLastTest', kind: 'measure', unit: 'week', bit: 32, bits: 8 },
      ],
    },
    {
      type: 2, label: 'Real Time', name: 'real_time', minLength: 7, fields: [
        {
          name: 'coConcentration', kind: 'measure', unit: 'ppm', errors: { 1023: 'Error' },
          bit: 16, bits: 10,
        },
        {
          // 0.1 °C steps from -30 °C.
          name: 'temperature', kind: 'measure', unit: '°C', div: 10, add: -30, decimals: 2,
          errors: { 1022: 'Sensor not present', 1023: 'Error' }, bit: 26, bits: 10,
        },
        {
          name: 'relativeHumidity', kind: 'measure', unit: '%RH', div: 2, decimals: 2,
          errors: { 254: 'Sensor not present', 255: 'Error' }, bit: 36, bits: 8,
        },
        {
          name: 'iaqGlobal', kind: 'enum', bit: 44, bits: 3,
          labels: ['Excellent', 'Good', 'Fair', 'Poor', 'Bad', 'Not used', 'Not used', 'Error'],
        },
        {
          name: 'iaqSource', kind: 'enum', bit: 47, bits: 4,
          labels: ['None', 'Dryness Indicator', 'Mould Indicator', 'Dust mites Indicator', 'CO',
            R, R, R, R, R, R, R, R, R, R, 'Error'],
        },
      ],
    },
    {
      type: 3, label: 'Product Function Configuration', name: 'product_configuration',
      minLength: 11, fields: [
        {
          name: 'reconfigurationSource', kind: 'enum', bit: 16, bits: 3,
          labels: ['NFC', 'Applicative Downlink', 'Start-up product', R, R, 'Local', R, R],
        },
        {
          name: 'reconfigurationState', kind: 'enum', bit: 19, bits: 2,
          labels: ['Total success', 'Partial success', 'Total failure', R],
        },
        { name: 'realtimeStatus', kind: 'enum', labels: ACTIVE, bit: 21, bits: 1 },
        {
          name: 'nfcStatus', kind: 'enum', bit: 22, bits: 2,
          labels: ['Discoverable', 'Not Discoverable', 'RFU', 'RFU'],
        },
        {
          name: 'regionSelection', kind: 'enum', bit: 24, bits: 4,
          labels: ['RFU', 'EU', 'RFU', 'RFU', 'RFU', 'RFU', 'RFU', 'RFU', 'RFU', 'RFU', 'RFU',
            'RFU', 'RFU', 'RFU', 'RFU', 'RFU'],
        },
        { name: 'realtimePeriod', kind: 'measure', unit: 'min', mul: 10, bit: 28, bits: 4 },
        {
          name: 'deltaTemperature', kind: 'measure', unit: '°C', div: 10, decimals: 2,
          bit: 32, bits: 8,
        },
        { name: 'deltaCO', kind: 'measure', unit: 'ppm', mul: 5, bit: 40, bits: 8 },
        { name: 'd2dID', kind: 'number', bit: 48, bits: 17 },
        {
          name: 'd2dPing', kind: 'enum', labels: ['Not compatible', 'Compatible'],
          bit: 65, bits: 1,
        },
        {
          name: 'pendingJoin', kind: 'enum',
          labels: ['No join request scheduled', 'Join request scheduled'], bit: 66, bits: 1,
        },
        { name: 'downlinkCounter', kind: 'number', bit: 72, bits: 16 },
      ],
    },
    { type: 4, label: 'SAV Information', name: 'sav_information', minLength: 2, fields: [] },
  ],
  normalize(d) {
    const out: HarmonisedAir = { category: 'air' };
    const t = valueOf(d.temperature);
    const h = valueOf(d.relativeHumidity);
    if (t !== undefined) out.temperatureC = t;
    if (h !== undefined) out.humidityPercent = h;
    if (d.energyStatus === 'Low' || d.energyStatus === 'Critical') out.lowBattery = true;
    else if (d.energyStatus === 'High' || d.energyStatus === 'Medium') out.lowBattery = false;
    return out;
  },
  examples: [{
    description: 'AIR+ Real Time',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'ae02963527d700',
    data: {
      typeOfProduct: 'Air+ LoRa', typeOfMessage: 'Real Time',
      coConcentration: { value: 600, unit: 'ppm' }, temperature: { value: 55, unit: '°C' },
      relativeHumidity: { value: 62.5, unit: '%RH' }, iaqGlobal: 'Poor', iaqSource: 'Reserved',
    },
    recvTime: '2024-01-15T10:00:00.000Z',
    source: 'actility/device-catalog vendors/nexelec/drivers/air-plus/examples.json ' +
      '(commit 53ef3f33882273deea70046c7feede49e4729962), "AIR+ Real Time"',
  }, {
    description: 'AIR+ CO Alarm Status',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'ae01c83a78',
    data: {
      typeOfProduct: 'Air+ LoRa',
      typeOfMessage: 'CO Alarm Status',
      coConcentration: {'value': 800, 'unit': 'ppm'},
      preAlarm: 'Active',
      localAlarm: 'Active',
      coAlarmHush: 'Active',
      productTest: 'Product test is running',
      timeSinceLastTest: {'value': 120, 'unit': 'week'},
    },
    recvTime: '2024-01-15T10:00:00.000Z',
    source: 'actility/device-catalog vendors/nexelec/drivers/air-plus/examples.json ' +
      '(commit 08a2cff5f955b2b87ac9cb6c979a2fb43ef85272)',
  }, {
    description: 'AIR+ Product Status',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'ae00030a78fefa',
    data: {
      typeOfProduct: 'Air+ LoRa',
      typeOfMessage: 'Product Status',
      hwRevision: 'V003',
      swRevision: 'V1.0',
      remainingProductLifetime: {'value': 120, 'unit': 'month'},
      coSensorStatus: 'Hardware fault detected',
      tempHumSensorStatus: 'Hardware fault detected',
      memoryFault: 'Hardware fault detected',
      hushStatus: 'Active',
      energyStatus: 'Critical',
      magnetDetection: 'Magnetic base detected',
    },
    recvTime: '2024-01-15T10:00:00.000Z',
    source: 'actility/device-catalog vendors/nexelec/drivers/air-plus/examples.json ' +
      '(commit 08a2cff5f955b2b87ac9cb6c979a2fb43ef85272)',
  }, {
    description: 'AIR+ Product Function Configuration',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'ae032ea5af5e1770601388',
    data: {
      typeOfProduct: 'Air+ LoRa',
      typeOfMessage: 'Product Function Configuration',
      reconfigurationSource: 'Applicative Downlink',
      reconfigurationState: 'Partial success',
      realtimeStatus: 'Active',
      nfcStatus: 'RFU',
      regionSelection: 'RFU',
      realtimePeriod: {'value': 50, 'unit': 'min'},
      deltaTemperature: {'value': 17.5, 'unit': '°C'},
      deltaCO: {'value': 470, 'unit': 'ppm'},
      d2dID: 12000,
      d2dPing: 'Compatible',
      pendingJoin: 'Join request scheduled',
      downlinkCounter: 5000,
    },
    recvTime: '2024-01-15T10:00:00.000Z',
    source: 'actility/device-catalog vendors/nexelec/drivers/air-plus/examples.json ' +
      '(commit 08a2cff5f955b2b87ac9cb6c979a2fb43ef85272)',
  }, {
    description: 'AIR+ Real Time, temperature sensor in error',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'ae0200bff8c880',
    data: {
      typeOfProduct: 'Air+ LoRa',
      typeOfMessage: 'Real Time',
      coConcentration: {'value': 2, 'unit': 'ppm'},
      temperature: 'Error',
      relativeHumidity: {'value': 70, 'unit': '%RH'},
      iaqGlobal: 'Bad',
      iaqSource: 'CO',
    },
    recvTime: '2024-01-15T10:00:00.000Z',
    source: 'actility/device-catalog vendors/nexelec/drivers/air-plus/examples.json ' +
      '(commit 08a2cff5f955b2b87ac9cb6c979a2fb43ef85272)',
  }, {
    description: 'AIR+ SAV Information',
    operation: 'decodeUplink',
    fPort: 1,
    bytesHex: 'ae04',
    data: {
      typeOfProduct: 'Air+ LoRa',
      typeOfMessage: 'SAV Information',
    },
    recvTime: '2024-01-15T10:00:00.000Z',
    source: 'actility/device-catalog vendors/nexelec/drivers/air-plus/examples.json ' +
      '(commit 08a2cff5f955b2b87ac9cb6c979a2fb43ef85272)',
  }],
});
