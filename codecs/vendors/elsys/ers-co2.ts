/**
 * Elsys ERS CO2: indoor temperature, humidity, light, motion (PIR) and CO2 (ELSYS "Sensor
 * payload" document; names as the vendor's reference decoder, TheThingsNetwork/lorawan-devices
 * `vendor/elsys/elsys.js`).
 */
import type { HarmonisedAir } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { type ElsysDevice, elsysCodec } from './format/codec.js';

/** The ERS CO2 table: the records it sends. */
export const ERS_CO2: ElsysDevice = {
  id: 'elsys/ers-co2',
  model: 'ERS CO2',
  category: 'air',
  description: 'Indoor climate sensor: temperature, humidity, light, motion and CO2',
  sends: [0x01, 0x02, 0x04, 0x05, 0x06, 0x07],
  normalize(data): HarmonisedAir {
    const out: HarmonisedAir = { category: 'air' };
    if (typeof data['temperature'] === 'number') out.temperatureC = data['temperature'];
    if (typeof data['humidity'] === 'number') out.humidityPercent = data['humidity'];
    if (typeof data['co2'] === 'number') out.co2Ppm = data['co2'];
    if (typeof data['vdd'] === 'number') out.batteryV = data['vdd'] / 1000;
    return out;
  },
  examples: [
    {
      description: 'ERS CO2 temperature, humidity, light, motion and co2',
      operation: 'decodeUplink', fPort: 1, bytesHex: '0100e202290400270506060308',
      data: { temperature: 22.6, humidity: 41, light: 39, motion: 6, co2: 776 },
      source: 'TheThingsNetwork/lorawan-devices, file vendor/elsys/ers-co2-codec.yaml ' +
        '(commit 51dc053e81e3529ce44f491a3e2817e3b34e505a)',
    },
  ],
};

/** Codec of the Elsys ERS CO2. */
export const ersCo2Codec: CodecDefinition = elsysCodec(ERS_CO2);
