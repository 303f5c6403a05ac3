/**
 * NanoSense EP5000 indoor environment probe: one 41-byte uplink with up to 28 measurements,
 * and one downlink (transmission interval). Layout after NanoSense's reference decoder
 * (TS013 `decodeUplink`/`encodeDownlink`); output names are the vendor's.
 *
 * `log_timestamp` is the receive time in Unix seconds, as in the vendor's output; without a
 * receive time it is left out with a warning (the vendor uses the machine's clock).
 */
import { fail } from '../../framework/codec-error.js';
import type { HarmonisedAir } from '../../framework/harmonised.js';
import type { CodecDefinition, JsonSchema } from '../../framework/types.js';
import { decodeFrame, encodeFrame, type FrameTable } from './format/frame.js';

/** The EP5000 frame table. */
export const ep5000Frame: FrameTable = {
  length: 41,
  sensors: ['Lux, T°K light', 'Benzen_Formaldehyde', 'nox_o3', 'voc_sulfuric_odors', 'co2',
    'noise', 'pm', 'temperature_rh'],
  info: [
    { name: 'firmware_version', bit: 8, bits: 8, mul: 0.1 },
    { name: 'frm_lora', bit: 16, bits: 8, mul: 0.1 },
    { name: 'autonomy_percent', bit: 40, bits: 8 },
    { name: 'transmission_rate', bit: 48, bits: 16 },
  ],
  measurements: [
    { name: 'temperature', bit: 72, bits: 9, mul: 0.1 },
    { name: 'humidity', bit: 64, bits: 8, mul: 0.5 },
    { name: 'pressure', bit: 208, bits: 14, mul: 0.1 },
    { name: 'co2', bit: 123, bits: 13 },
    { name: 'pm1', bit: 99, bits: 9 },
    { name: 'pm25', bit: 90, bits: 9 },
    { name: 'pm10', bit: 81, bits: 9 },
    { name: 'cov', bit: 136, bits: 16 },
    { name: 'formaldehyde', bit: 152, bits: 16, mul: 0.01 },
    { name: 'benzene', bit: 168, bits: 16, mul: 0.01 },
    // Bits 184..191 (sulfuric odours) are not decoded by the vendor either.
    { name: 'nox', bit: 192, bits: 8, mul: 2 },
    { name: 'o3', bit: 200, bits: 8, mul: 2 },
    { name: 'noise_average', bit: 108, bits: 7, add: 17 },
    { name: 'noise_peak', bit: 115, bits: 7, add: 17 },
    { name: 'lux', bit: 222, bits: 10, mul: 4 },
    { name: 'light_temperature', bit: 232, bits: 8, mul: 23 },
    { name: 'light_flickering', bit: 240, bits: 8, mul: 0.5 },
    { name: 'occupancy', bit: 122, bits: 1 },
    { name: 'health_index', bit: 248, bits: 8 },
    { name: 'cognitivity_index', bit: 256, bits: 8 },
    { name: 'sleep_index', bit: 264, bits: 8 },
    { name: 'respiratory_index', bit: 272, bits: 8 },
    { name: 'virus_risk_index', bit: 280, bits: 8 },
    { name: 'building_health_index', bit: 288, bits: 8 },
    { name: 'ventilation_control', bit: 296, bits: 8 },
    { name: 'heating_control', bit: 304, bits: 8 },
    { name: 'cooling_control', bit: 312, bits: 8 },
  ],
};

const INTERVAL_ERROR = 'Transmission interval be a number between 1 and 720 (minutes)';

function measurementSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = { log_timestamp: { type: 'integer' } };
  for (let i = 0; i < ep5000Frame.measurements.length; i++) {
    properties[ep5000Frame.measurements[i]!.name] = { type: 'number' };
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** The EP5000 codec. */
export const ep5000: CodecDefinition = {
  id: 'nanosense/ep5000',
  vendor: 'nanosense',
  model: 'ep5000',
  category: 'air',
  description: 'NanoSense EP5000 multi-sensor indoor air quality probe',
  uplinkFPorts: [],
  downlinkFPorts: [2],
  messageTypes: [
    {
      name: 'measurement', direction: 'uplink',
      description: 'All measurements, device information and sensor presence (41 bytes)',
    },
    {
      name: 'set_transmission_interval', direction: 'downlink', fPorts: [2],
      description: 'Set the transmission interval, 1 to 720 minutes: 0x01, interval (16 bits)',
    },
  ],
  decodeUplink(input) {
    const f = decodeFrame(ep5000Frame, input.bytes);
    const warnings: string[] = [];
    if (input.bytes.length !== ep5000Frame.length) {
      warnings.push(`Expected 328 bits, got ${input.bytes.length * 8} bits.`);
    }
    const lt = f.measurements.light_temperature!;
    if (lt < 1635 || lt > 7500) warnings.push(`Light temperature out of valid range: ${lt} K`);
    const m: Record<string, number> = {};
    if (input.recvTime) m.log_timestamp = Math.floor(input.recvTime.getTime() / 1000);
    else warnings.push('log_timestamp left out: no receive time');
    for (const k in f.measurements) m[k] = f.measurements[k]!;
    const data = {
      device_info: {
        active_sensors: f.sensors,
        firmware_version: f.info.firmware_version,
        frm_lora: f.info.frm_lora,
        transmission_rate: f.info.transmission_rate,
        autonomy_percent: f.info.autonomy_percent,
      },
      measurements: [m],
    };
    return warnings.length ? { data, warnings } : { data };
  },
  encodeUplink(input) {
    const d = input.data as {
      device_info?: Record<string, unknown>;
      measurements?: Array<Record<string, number>>;
    };
    const ok = d && d.device_info && d.measurements instanceof Array;
    if (!ok || d.measurements!.length !== 1) {
      fail('measurement: expected { device_info, measurements: [one object] }');
    }
    const sensors = d.device_info!.active_sensors;
    if (!(sensors instanceof Array)) fail('device_info.active_sensors: expected an array');
    const bytes = encodeFrame(ep5000Frame, {
      sensors: sensors as string[],
      info: d.device_info as Record<string, number>,
      measurements: d.measurements![0]!,
    });
    return { bytes, fPort: 1 };
  },
  encodeDownlink(input) {
    const v = (input.data as { transmissionInterval?: unknown } | null)?.transmissionInterval;
    if (typeof v !== 'number' || v !== Math.floor(v) || v < 1 || v > 720) fail(INTERVAL_ERROR);
    const n = v as number;
    return { bytes: [0x01, Math.floor(n / 256), n % 256], fPort: 2 };
  },
  decodeDownlink(input) {
    const b = input.bytes;
    if (b.length !== 3 || b[0] !== 0x01) {
      fail(`set_transmission_interval: expected 3 bytes starting 0x01, got ${b.length} bytes`, 0);
    }
    return { data: { transmissionInterval: b[1]! * 256 + b[2]! } };
  },
  normalizeUplink(data) {
    const d = data as {
      device_info?: Record<string, unknown>;
      measurements?: Array<Record<string, number>>;
    };
    const m = (d.measurements && d.measurements[0]) || {};
    const out: HarmonisedAir = { category: 'air' };
    if (typeof m.temperature === 'number') out.temperatureC = m.temperature;
    if (typeof m.humidity === 'number') out.humidityPercent = m.humidity;
    if (typeof m.co2 === 'number') out.co2Ppm = m.co2;
    if (typeof m.cov === 'number') {
      out.tvoc = m.cov;
      out.tvocUnit = 'ug/m3';
    }
    if (typeof m.pm25 === 'number') out.pm25UgM3 = m.pm25;
    if (typeof m.pm10 === 'number') out.pm10UgM3 = m.pm10;
    if (typeof m.pressure === 'number') out.pressureHPa = m.pressure;
    const a = d.device_info && d.device_info.autonomy_percent;
    if (typeof a === 'number') out.batteryPercent = a;
    if (typeof m.log_timestamp === 'number') {
      out.readingTime = new Date(m.log_timestamp * 1000).toISOString();
    }
    return out;
  },
  uplinkSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      device_info: {
        type: 'object',
        properties: {
          active_sensors: { type: 'array', items: { enum: ep5000Frame.sensors } },
          firmware_version: { type: 'number' },
          frm_lora: { type: 'number' },
          transmission_rate: { type: 'integer', description: 'minutes' },
          autonomy_percent: { type: 'integer' },
        },
      },
      measurements: { type: 'array', items: measurementSchema(), minItems: 1, maxItems: 1 },
    },
    required: ['device_info', 'measurements'],
  },
  downlinkSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { transmissionInterval: { type: 'integer', minimum: 1, maximum: 720 } },
    required: ['transmissionInterval'],
    additionalProperties: false,
  },
  examples: [
    {
      description: 'uplink EP5000 with full sensor data',
      operation: 'decodeUplink',
      fPort: 1,
      bytesHex: '9f5533000064000a4c87000000072f01c6000f00000000000000' +
        '9f18dab60064565c605f0f0a006420',
      recvTime: '2025-08-05T22:27:11.000Z',
      data: {
        device_info: {
          active_sensors: ['Lux, T°K light', 'voc_sulfuric_odors', 'co2', 'noise', 'pm',
            'temperature_rh'],
          autonomy_percent: 100, firmware_version: 8.5, frm_lora: 5.1, transmission_rate: 10,
        },
        measurements: [{
          benzene: 0, building_health_index: 15, co2: 454, cognitivity_index: 86,
          cooling_control: 100, cov: 15, formaldehyde: 0, health_index: 100, heating_control: 0,
          humidity: 38, light_flickering: 0, light_temperature: 4186, log_timestamp: 1754432831,
          lux: 872, noise_average: 74, noise_peak: 77, nox: 0, o3: 0, occupancy: 0, pm1: 0,
          pm10: 0, pm25: 0, pressure: 1018.2, respiratory_index: 96, sleep_index: 92,
          temperature: 27, ventilation_control: 10, virus_risk_index: 95,
        }],
      },
      source: 'actility/device-catalog vendors/nanosense/drivers/ep5000/examples.json ' +
        '(commit 3050a757849f839b4392869bd83f8ef22653f871), "uplink EP5000 with full sensor data"',
    },
    {
      description: 'encode downlink to set transmission interval to 30 minutes',
      operation: 'encodeDownlink',
      fPort: 2,
      bytesHex: '01001e',
      data: { transmissionInterval: 30 },
      source: 'actility/device-catalog vendors/nanosense/drivers/ep5000/examples.json ' +
        '(commit 53ef3f33882273deea70046c7feede49e4729962)',
    },
    {
      description: 'encode downlink to set transmission interval to 120 minutes',
      operation: 'encodeDownlink',
      fPort: 2,
      bytesHex: '010078',
      data: { transmissionInterval: 120 },
      source: 'actility/device-catalog vendors/nanosense/drivers/ep5000/examples.json ' +
        '(commit 3050a757849f839b4392869bd83f8ef22653f871)',
    },
    {
      description: 'fail encode downlink when transmission interval exceeds 720',
      operation: 'encodeDownlink',
      fPort: 2,
      bytesHex: '',
      data: { transmissionInterval: 800 },
      errors: [INTERVAL_ERROR],
      source: 'actility/device-catalog vendors/nanosense/drivers/ep5000/examples.json ' +
        '(commit 3050a757849f839b4392869bd83f8ef22653f871)',
    },
  ],
};
