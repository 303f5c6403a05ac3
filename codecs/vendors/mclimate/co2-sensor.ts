/**
 * MClimate CO2 Sensor and Notifier: keep-alive (7 bytes), answers and downlinks, after
 * docs.mclimate.eu "CO2 Sensor Device Communication Protocol" (commands cheat sheet) and
 * MClimate's reference decoders. Output names follow the vendor's example (`co2`,
 * `temperature`, `humidity`, `battery`).
 *
 * MClimate's later decoders name the keep-alive fields `CO2`, `sensorTemperature`,
 * `relativeHumidity`, `batteryVoltage`; this codec keeps the names of the shared example.
 *
 * Assumption: each set command carries the same argument layout as the answer to its get
 * command (the cheat sheet pairs them, set = get - 1); the vendor publishes no encoder.
 */
import type { CodecDefinition } from '../../framework/types.js';
import type { HarmonisedAir } from '../../framework/harmonised.js';
import { makeMclimateCodec, pick } from './format/device.js';
import { cmd, generalDownlinks, generalResponses, u16, u8 } from './format/general.js';
import { int, none, struct, type ValueCodec } from './format/values.js';

const x10 = int(1, { mul: 10 });
const x10w = int(2, { mul: 10 });
const zones = struct([['good_zone', u8], ['medium_zone', u8], ['bad_zone', u8]]);
const buzzer = struct([
  ['duration_good_beeping', u8], ['duration_good_loud', x10], ['duration_good_silent', x10],
  ['duration_medium_beeping', u8], ['duration_medium_loud', x10],
  ['duration_medium_silent', x10],
  ['duration_bad_beeping', u8], ['duration_bad_loud', x10], ['duration_bad_silent', x10],
]);
const led = struct([
  ['red_good', u8], ['green_good', u8], ['blue_good', u8], ['duration_good', x10w],
  ['red_medium', u8], ['green_medium', u8], ['blue_medium', u8], ['duration_medium', x10w],
  ['red_bad', u8], ['green_bad', u8], ['blue_bad', u8], ['duration_bad', x10w],
]);

const pairs: Array<[number, string, string, ValueCodec]> = [
  [0x1e, 'Co2BoundaryLevels', 'boundaryLevels',
    struct([['good_medium', u16], ['medium_bad', u16]])],
  [0x20, 'Co2AutoZeroValue', 'autoZeroValue', u16],
  [0x22, 'NotifyPeriod', 'notifyPeriod', zones],
  [0x24, 'Co2MeasurementPeriod', 'measurementPeriod', zones],
  [0x26, 'BuzzerNotification', 'buzzerNotification', buzzer],
  [0x28, 'LedNotification', 'ledNotification', led],
  [0x2a, 'Co2AutoZeroPeriod', 'autoZeroPeriod', u8],
];
const pairDownlinks = [];
const pairResponses = [];
for (let i = 0; i < pairs.length; i++) {
  const [code, stem, answer, layout] = pairs[i]!;
  pairDownlinks.push(cmd(code, `set${stem}`, layout, `Set ${answer}`));
  pairDownlinks.push(cmd(code + 1, `get${stem}`, none, `Read ${answer}`));
  pairResponses.push(cmd(code + 1, answer, layout, answer));
}

/** The CO2 Sensor codec. */
export const co2Sensor: CodecDefinition = makeMclimateCodec({
  id: 'mclimate/co2-sensor',
  model: 'co2-sensor',
  category: 'air',
  description: 'MClimate CO2 Sensor and Notifier LoRaWAN (NDIR CO2, temperature, humidity)',
  uplinkFPort: 2,
  downlinkFPort: 1,
  keepalives: [{
    reason: 0x01,
    length: 7,
    fields: [
      { name: 'co2', bits: [[8, 16]] },
      { name: 'temperature', bits: [[24, 16]], rawAdd: -400, div: 10 },
      { name: 'humidity', bits: [[40, 8]], mul: 100, div: 256, decimals: 2 },
      // Battery: 1600 mV + 8 mV per step.
      { name: 'battery', bits: [[48, 8]], rawAdd: 200, mul: 8, div: 1000, decimals: 2 },
    ],
  }],
  responses: generalResponses.concat(pairResponses),
  downlinks: generalDownlinks.concat(pairDownlinks),
  normalize(d) {
    const out: HarmonisedAir = { category: 'air' };
    pick(d, out as unknown as Record<string, unknown>, {
      co2: 'co2Ppm', temperature: 'temperatureC', humidity: 'humidityPercent', battery: 'batteryV',
    });
    return out;
  },
  examples: [{
    description: 'Short periodic uplink',
    operation: 'decodeUplink',
    fPort: 2,
    bytesHex: '010271027384ed',
    data: { battery: 3.5, co2: 625, humidity: 51.56, temperature: 22.7 },
    source: 'TheThingsNetwork/lorawan-devices vendor/mclimate/co2-sensor-codec.yaml ' +
      '(commit 3c1e5b354e5b4b41c722ffa2dbbf47ac06a4572e), "Short periodic uplink"',
  }, {
    description: 'Downlink: set CO2 measurement period',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '24050a14',
    data: { setCo2MeasurementPeriod: { good_zone: 5, medium_zone: 10, bad_zone: 20 } },
    source: 'actility/device-catalog vendors/mclimate/drivers/co2-sensor/examples.json ' +
      '(commit 9493183cfc54636dc84c69550c5519eeb131317b)',
  }, {
    description: 'Downlink: set CO2 auto zero period to 24 hours',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '2a18',
    data: { setCo2AutoZeroPeriod: 24 },
    source: 'actility/device-catalog vendors/mclimate/drivers/co2-sensor/examples.json ' +
      '(commit 9493183cfc54636dc84c69550c5519eeb131317b)',
  }, {
    description: 'Downlink: read device versions',
    operation: 'encodeDownlink',
    fPort: 1,
    bytesHex: '04',
    data: { getDeviceVersions: true },
    source: 'actility/device-catalog vendors/mclimate/drivers/co2-sensor/examples.json ' +
      '(commit 9493183cfc54636dc84c69550c5519eeb131317b)',
  }, {
    description: 'Downlink decode: passthrough bytes',
    operation: 'decodeDownlink',
    fPort: 1,
    bytesHex: '2a18',
    data: { bytes: [42, 24] },
    source: 'actility/device-catalog vendors/mclimate/drivers/co2-sensor/examples.json ' +
      '(commit 9493183cfc54636dc84c69550c5519eeb131317b)',
  }],
});
