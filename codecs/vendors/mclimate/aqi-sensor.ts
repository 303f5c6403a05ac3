/**
 * MClimate AQI Sensor and Notifier: bit-packed keep-alive (10 bytes), answers and downlinks,
 * after docs.mclimate.eu "AQI Sensor Device Communication Protocol" and MClimate's reference
 * decoder (`KEEPALIVE_BYTE_LEN = 10`).
 */
import { fail } from '../../framework/codec-error.js';
import { readUintBE } from '../../framework/bytes.js';
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedAir } from '../../framework/harmonised.js';
import { makeMclimateCodec, pick } from './format/device.js';
import { cmd, generalDownlinks, generalResponses, u8 } from './format/general.js';
import type { ValueCodec } from './format/values.js';

const COLOURS = ['red', 'green', 'blue'];

/** LED settings: per colour one byte, 3 bits of behaviour then 5 bits of duration / 10. */
const aqiLed: ValueCodec = {
  size: 3,
  read(b, o, what) {
    const out: Record<string, number> = {};
    for (let i = 0; i < 3; i++) {
      const v = readUintBE(b, o + i, 1, what);
      out[`${COLOURS[i]}Behavior`] = Math.floor(v / 32);
      out[`${COLOURS[i]}Duration`] = (v % 32) * 10;
    }
    return out;
  },
  write(v, out, what) {
    if (typeof v !== 'object' || v === null) fail(`${what}: expected an object`);
    const obj = v as Record<string, unknown>;
    for (let i = 0; i < 3; i++) {
      const beh = obj[`${COLOURS[i]}Behavior`];
      const dur = obj[`${COLOURS[i]}Duration`];
      if (typeof beh !== 'number' || beh !== Math.floor(beh) || beh < 0 || beh > 7) {
        fail(`${what}.${COLOURS[i]}Behavior: expected an integer from 0 to 7, got ${String(beh)}`);
      }
      if (typeof dur !== 'number' || dur % 10 !== 0 || dur < 0 || dur > 310) {
        fail(`${what}.${COLOURS[i]}Duration: expected a multiple of 10 from 0 to 310, ` +
          `got ${String(dur)}`);
      }
      out.push((beh as number) * 32 + (dur as number) / 10);
    }
  },
  schema: { type: 'object' },
};

/** The AQI Sensor codec. */
export const aqiSensor: CodecDefinition = makeMclimateCodec({
  id: 'mclimate/aqi-sensor',
  model: 'aqi-sensor',
  category: 'air',
  description: 'MClimate AQI Sensor and Notifier LoRaWAN (air quality index, VOC, pressure)',
  uplinkFPort: 2,
  downlinkFPort: 1,
  keepalives: [{
    reason: 0x01,
    length: 10,
    fields: [
      { name: 'sAQI', bits: [[8, 9]], mul: 16 },
      { name: 'AQI', bits: [[17, 5]], mul: 16 },
      { name: 'CO2eq', bits: [[22, 10]], mul: 32 },
      { name: 'VOC', bits: [[32, 8]], mul: 4 },
      { name: 'relative_humidity', bits: [[40, 8]], mul: 4, div: 10 },
      { name: 'pressure', bits: [[48, 11]], mul: 40, add: 0, rawAdd: 750, div: 100 },
      // Bit 59 is not used.
      { name: 'temperature', bits: [[60, 10]], rawAdd: -400, div: 10 },
      { name: 'accuracy_aqi', bits: [[70, 2]] },
      { name: 'voltage', bits: [[72, 8]], rawAdd: 200, mul: 8, div: 1000 },
    ],
  }],
  responses: generalResponses.concat([cmd(0xa4, 'region', u8, 'LoRaWAN region')]),
  downlinks: generalDownlinks.concat([cmd(0x05, 'setAqiLed', aqiLed, 'Set AQI LED behaviour')]),
  normalize(d) {
    const out: HarmonisedAir = { category: 'air' };
    pick(d, out as unknown as Record<string, unknown>, {
      temperature: 'temperatureC', relative_humidity: 'humidityPercent',
      pressure: 'pressureHPa', voltage: 'batteryV', VOC: 'tvoc',
    });
    // The vendor's catalogue gives VOC in ppb.
    if (out.tvoc !== undefined) out.tvocUnit = 'ppb';
    return out;
  },
  examples: [{
    description: 'Periodic uplink',
    operation: 'decodeUplink',
    fPort: 2,
    bytesHex: '0107a04d034bc8aa2bd6',
    data: {
      AQI: 128, CO2eq: 2464, VOC: 12, accuracy_aqi: 3, pressure: 942, relative_humidity: 30,
      sAQI: 240, temperature: 25, voltage: 3.312,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/aqi-sensor/examples.json ' +
      '(commit 53ef3f33882273deea70046c7feede49e4729962)',
  }, {
    description: 'Response: keepAliveTime (0x12) with keepalive trailer',
    operation: 'decodeUplink',
    fPort: 2,
    bytesHex: '120a0107a04d034bc8aa2bd6',
    data: {
      keepAliveTime: 10, sAQI: 240, AQI: 128, CO2eq: 2464, VOC: 12, relative_humidity: 30,
      pressure: 942, temperature: 25, accuracy_aqi: 3, voltage: 3.312,
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/aqi-sensor/examples.json ' +
      '(commit 409b672e724e835eb6bc033b572560d5372ae6dc)',
  }, {
    description: 'Downlink: configure the AQI notification LED',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '05214263',
    data: {
      setAqiLed: {
        redBehavior: 1, redDuration: 10, greenBehavior: 2, greenDuration: 20,
        blueBehavior: 3, blueDuration: 30,
      },
    },
    source: 'actility/device-catalog vendors/mclimate/drivers/aqi-sensor/examples.json ' +
      '(commit 409b672e724e835eb6bc033b572560d5372ae6dc)',
  }, {
    description: 'Downlink decode: passthrough bytes',
    operation: 'decodeDownlink',
    fPort: 1,
    bytesHex: '05214263',
    data: { bytes: [5, 33, 66, 99] },
    source: 'actility/device-catalog vendors/mclimate/drivers/aqi-sensor/examples.json ' +
      '(commit 409b672e724e835eb6bc033b572560d5372ae6dc)',
  }],
});
