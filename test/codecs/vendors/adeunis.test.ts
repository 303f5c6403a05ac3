/**
 * Adeunis codecs: the shared vectors, round trips of every frame code over frames generated
 * with valid lengths, downlinks, totality and regressions.
 */
import { describe, expect, test as vitest } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fromHex, toHex } from '../../../codecs/framework/bytes.js';
import { adeunisCodecs } from '../../../codecs/vendors/adeunis/index.js';
import { comfortCo2Codec } from '../../../codecs/vendors/adeunis/comfort-co2.js';
import { pulse4Codec } from '../../../codecs/vendors/adeunis/pulse-4.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import {
  codecsJsonVectors, definitionExamples, definitionShape, thrownMessage, totality,
} from './harness.js';

describe('shared vectors and vendor examples', () => {
  codecsJsonVectors(adeunisCodecs, 2);
  definitionExamples(adeunisCodecs);
  definitionShape(adeunisCodecs);
});

/** Body lengths (after code and status) by frame code; `ts` is 4 when timestamped. */
type Lengths = (ts: number) => number[];
const PULSE_4: Record<number, Lengths> = {
  0x10: () => [26, 9], 0x11: () => [8], 0x12: () => [8], 0x20: () => [1, 2, 3],
  0x30: (ts) => [9 + ts], 0x33: () => [3], 0x46: (ts) => [8 + ts], 0x47: (ts) => [4 + ts],
  0x5a: (ts) => [4, 6, 8, 12].map((n) => n + ts), 0x5b: (ts) => [4, 6, 10].map((n) => n + ts),
};
const COMFORT_CO2: Record<number, Lengths> = {
  0x10: () => [9, 11], 0x20: () => [1, 2, 3], 0x30: (ts) => (ts ? [21] : [9, 17]),
  0x33: () => [3], 0x6a: (ts) => [5, 10, 25].map((n) => n + ts), 0x6b: (ts) => [6 + ts],
};

function frames(lengths: Record<number, Lengths>) {
  const codes = Object.keys(lengths).map(Number);
  return fc.tuple(fc.constantFrom(...codes), fc.nat(255)).chain(([code, status]) => {
    const ts = (status & 0x04) !== 0 ? 4 : 0;
    return fc.constantFrom(...lengths[code]!(ts)).chain((n) =>
      fc.uint8Array({ minLength: n, maxLength: n }).map((body) => {
        const b = [code, status].concat(Array.from(body));
        // Configuration frames carry a product mode 0 to 3.
        if (code === 0x10 && lengths === PULSE_4) b[2] = b[2]! & 0x03;
        return b;
      }));
  });
}

describe('round trips', () => {
  const cases: [CodecDefinition, Record<number, Lengths>][] = [
    [pulse4Codec, PULSE_4], [comfortCo2Codec, COMFORT_CO2],
  ];
  for (const [def, lengths] of cases) {
    test.prop([frames(lengths)], { numRuns: 400 })(
      `${def.id}: decode(encodeUplink(data)) is data for every frame code`, (bytes) => {
        const data = def.decodeUplink({ bytes, fPort: 1, variables: {} }).data;
        const up = def.encodeUplink!({ data, variables: {} });
        expect(up.bytes[0]).toBe(bytes[0]);
        expect(def.decodeUplink({ bytes: up.bytes, fPort: 1, variables: {} }).data)
          .toEqual(data);
      });

    const register = fc.integer({ min: 300, max: 555 });
    const command = fc.oneof(
      fc.constantFrom({ getAppConfig: true }, { getNetworkConfig: true }),
      fc.array(register, { minLength: 1, maxLength: 8 }).map((r) => ({ getRegisters: r })),
      fc.array(fc.constantFrom(1, 2, 4).chain((size) => fc.record({
        register: fc.constant(300 + size), size: fc.constant(size),
        value: fc.nat(Math.pow(256, size) - 1) })), { minLength: 1, maxLength: 5 })
        .map((w) => ({ setRegisters: w })),
    );
    test.prop([command], { numRuns: 200 })(
      `${def.id}: decodeDownlink(encodeDownlink(command)) is the command`, (cmd) => {
        const out = def.encodeDownlink!({ data: cmd, variables: {} });
        const registerSizes = { 301: 1, 302: 2, 304: 4 };
        expect(def.decodeDownlink!({ bytes: out.bytes, fPort: out.fPort,
          variables: { registerSizes } }).data).toEqual(cmd);
      });
  }
});

describe('totality', () => {
  totality(adeunisCodecs);
});

describe('regressions and documented frames', () => {
  const dec = (def: CodecDefinition, hex: string) =>
    def.decodeUplink({ bytes: fromHex(hex, 'x'), fPort: 1, variables: {} }).data as
      { bytes: Record<string, unknown> };

  vitest('reads the 32-bit counter of 0x5a whole, above 2^31 too', () => {
    expect(dec(pulse4Codec, '5a6089abcdef0001').bytes['counterValues'])
      .toEqual([0x89abcdef, 0x89abcdee]);
  });

  vitest('reads negative temperatures of 0x6a as signed', () => {
    // 0xFF9C = -100 tenths.
    const out = dec(comfortCo2Codec, '6a00ff9c3201a4').bytes;
    expect(out['temperature']).toEqual({ unit: '\u00b0C', values: [-10] });
  });

  vitest('timestamps are UTC whatever the machine time zone', () => {
    const saved = process.env['TZ'];
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Auckland', 'UTC']) {
        process.env['TZ'] = tz;
        const out = dec(pulse4Codec, '5a6700000127000100020003000414aba3e9').bytes;
        // 2023-12-28T19:22:17 UTC, built from its fields, without the trailing Z.
        expect(out['timestamp']).toBe(new Date(Date.UTC(2023, 11, 28, 19, 22, 17))
          .toISOString().replace('Z', ''));
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  vitest('names an unknown frame code', () => {
    expect(thrownMessage(() => dec(pulse4Codec, '6a00'))).toBe(
      'uplink: frame code 0x6a is not one adeunis/pulse-4 sends');
  });

  vitest('rejects a history frame with an odd tail', () => {
    expect(thrownMessage(() => dec(pulse4Codec, '5a000000012700'))).toBe(
      '0x5a Pulse 4 data - channel A: history deltas need an even length, got 1');
  });

  vitest('rejects a cut measurement in 0x6a', () => {
    expect(thrownMessage(() => dec(comfortCo2Codec, '6a0001b33e01'))).toBe(
      '0x6a Comfort CO2 data: need 7 bytes at offset 0, got 6');
  });

  vitest('encodes the register write of Adeunis\'s published example', () => {
    // arifulmrislam/Downlink-Commands-for-Adeunis-Sensors, README.md: register 321 set to 600
    // is "41150258".
    const out = comfortCo2Codec.encodeDownlink!({
      data: { setRegisters: [{ register: 321, value: 600, size: 2 }] }, variables: {} });
    expect(toHex(out.bytes)).toBe('41150258');
    expect(thrownMessage(() => comfortCo2Codec.decodeDownlink!({ bytes: out.bytes, fPort: 1,
      variables: {} }))).toBe('downlink: width of register 321 unknown (offset 1)');
  });

  vitest('decodes the configuration answer of the same README (0x10)', () => {
    // arifulmrislam/Downlink-Commands-for-Adeunis-Sensors, README.md: "108021c000010001 01c200",
    // sampling period 450 x 2 s. Read here with the Comfort CO2 layout, which shares it.
    const out = dec(comfortCo2Codec, '108021c00001000101c200').bytes;
    expect(out['samplingPeriod']).toEqual({ unit: 's', value: 900 });
    expect(out['redundantSamples']).toBe(0);
  });

  vitest('normalizes to the harmonised views', () => {
    const data = comfortCo2Codec.decodeUplink({ bytes: fromHex('6a8001b33e01a401b43f01a5', 'x'),
      fPort: 1, variables: {} }).data;
    expect(comfortCo2Codec.normalizeUplink!(data)).toEqual({ category: 'air', lowBattery: false,
      temperatureC: 43.5, humidityPercent: 62, co2Ppm: 420 });
    const water = pulse4Codec.decodeUplink({
      bytes: fromHex('5a6700000127000100020003000414aba3e9', 'x'), fPort: 1, variables: {} }).data;
    expect(pulse4Codec.normalizeUplink!(water)).toEqual({ category: 'water', lowBattery: true,
      readingTime: '2023-12-28T19:22:17.000Z' });
  });
});
