import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import {
  aqiSensor, co2Sensor, fanCoilThermostat, mclimateCodecs, vicki, wirelessThermostat,
} from '../../../codecs/vendors/mclimate/index.js';
import { vickiDownlinks } from '../../../codecs/vendors/mclimate/vicki.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import { bytesToHex, checkVector, hexToBytes, totality, tryDecode, vectorsOf } from './harness.js';

const dec = (def: CodecDefinition, hex: string) =>
  def.decodeUplink({ bytes: hexToBytes(hex), fPort: 1, variables: {} });
const errOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isCodecError(e)) return e.message;
    throw e;
  }
  return '';
};

describe('MClimate codecs.json examples', () => {
  for (const def of mclimateCodecs) {
    const vs = vectorsOf(def.id);
    for (const v of vs) it(`${v.id} (${def.id} ${v.operation})`, () => checkVector(def, v));
  }
  it('covers every MClimate device of the brief', () => {
    const n = mclimateCodecs.map((d) => vectorsOf(d.id).length);
    expect(n.every((x) => x > 0)).toBe(true);
  });
});

describe('MClimate embedded examples', () => {
  for (const def of mclimateCodecs) {
    for (const ex of def.examples) {
      it(`${def.id}: ${ex.description}`, () => {
        const bytes = hexToBytes(ex.bytesHex);
        if (ex.operation === 'encodeDownlink') {
          expect(bytesToHex(def.encodeDownlink!({ data: ex.data, variables: {} }).bytes))
            .toBe(ex.bytesHex);
        } else if (ex.operation === 'decodeDownlink') {
          expect(def.decodeDownlink!({ bytes, fPort: ex.fPort, variables: {} }).data)
            .toEqual(ex.data);
        } else {
          expect(def.decodeUplink({ bytes, fPort: ex.fPort, variables: {} }).data)
            .toEqual(ex.data);
        }
      });
    }
  }
});

/** Keep-alive frames of each device, as arbitraries: reason byte then random bytes. */
const keepaliveArb = (reason: number, len: number) =>
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: len - 1, maxLength: len - 1 })
    .map((rest) => [reason, ...rest]);

/** Answer frames: some answer records followed by a keep-alive. */
function answerArb(_def: CodecDefinition, codes: Array<[number, number]>, ka: fc.Arbitrary<number[]>) {
  const rec = fc.constantFrom(...codes).chain(([code, size]) =>
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: size, maxLength: size })
      .map((args) => [code, ...args]));
  return fc.tuple(fc.array(rec, { maxLength: 3 }), ka).map(([recs, k]) => recs.flat().concat(k));
}

const uplinkCases: Array<[CodecDefinition, fc.Arbitrary<number[]>]> = [
  [vicki, fc.oneof(keepaliveArb(0x01, 9), keepaliveArb(0x81, 9),
    answerArb(vicki, [[0x12, 1], [0x15, 2], [0x17, 2], [0x19, 1], [0x1d, 2], [0x1f, 1],
      [0x21, 6], [0x36, 3], [0x3f, 2], [0x44, 2], [0x4a, 3], [0x50, 2], [0x52, 2], [0x54, 1],
      [0x5e, 4], [0x60, 1], [0x62, 1], [0x64, 1], [0x6a, 12], [0x6c, 4], [0xa0, 4], [0x13, 4]],
    keepaliveArb(0x01, 9)))],
  [wirelessThermostat, fc.oneof(keepaliveArb(0x01, 11), keepaliveArb(0x81, 12),
    answerArb(wirelessThermostat, [[0x12, 1], [0x32, 1], [0x4f, 1], [0x53, 1], [0xa0, 4]],
      keepaliveArb(0x01, 11)))],
  [fanCoilThermostat, fc.oneof(keepaliveArb(0x01, 11),
    answerArb(fanCoilThermostat, [[0x05, 1], [0x17, 4], [0x49, 2], [0x6d, 2], [0x45, 1]],
      keepaliveArb(0x01, 11)))],
  [co2Sensor, fc.oneof(keepaliveArb(0x01, 7),
    answerArb(co2Sensor, [[0x1f, 4], [0x21, 2], [0x23, 3], [0x27, 9], [0x29, 15], [0x2b, 1]],
      keepaliveArb(0x01, 7)))],
  [aqiSensor, fc.oneof(keepaliveArb(0x01, 10),
    answerArb(aqiSensor, [[0x12, 1], [0xa4, 1], [0x1d, 2]], keepaliveArb(0x01, 10)))],
];

describe('MClimate uplink round trips', () => {
  for (const [def, arb] of uplinkCases) {
    it(`${def.id}: decode(encodeUplink(data)) equals data`, () => {
      fc.assert(fc.property(arb, (bytes) => {
        const first = tryDecode(() => def.decodeUplink({ bytes, fPort: 1, variables: {} }));
        fc.pre(first !== undefined && first.warnings === undefined);
        const enc = def.encodeUplink!({ data: first!.data, variables: {} });
        const again = def.decodeUplink({ bytes: enc.bytes, fPort: enc.fPort, variables: {} });
        expect(again.data).toEqual(first!.data);
      }), { numRuns: 300 });
    });
  }
});

describe('MClimate downlink round trips', () => {
  for (const def of mclimateCodecs) {
    it(`${def.id}: decodeDownlink(encodeDownlink(cmd)) equals cmd`, () => {
      // Each downlink code with its argument length, found by probing the decoder.
      const codes: Array<[number, number]> = [];
      for (let c = 0; c < 256; c++) {
        for (let k = 0; k <= 16; k++) {
          const ok = tryDecode(() => def.decodeDownlink!({
            bytes: [c, ...new Array(k).fill(0)], fPort: 1, variables: { decodeCommands: true },
          }));
          if (ok) {
            codes.push([c, k]);
            break;
          }
        }
      }
      expect(codes.length).toBeGreaterThan(5);
      const rec = fc.constantFrom(...codes).chain(([code, size]) =>
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: size, maxLength: size })
          .map((args) => [code, ...args]));
      fc.assert(fc.property(fc.array(rec, { minLength: 1, maxLength: 3 }), (recs) => {
        const bytes = recs.flat();
        const cmd = tryDecode(() =>
          def.decodeDownlink!({ bytes, fPort: 1, variables: { decodeCommands: true } }));
        fc.pre(cmd !== undefined);
        const enc = def.encodeDownlink!({ data: cmd!.data, variables: {} });
        const back = def.decodeDownlink!({
          bytes: enc.bytes, fPort: enc.fPort, variables: { decodeCommands: true },
        });
        expect(back.data).toEqual(cmd!.data);
      }), { numRuns: 500 });
    });
  }
  it('decodes every Vicki downlink command it can encode', () => {
    for (const spec of vickiDownlinks) {
      const args = new Array(spec.value.size).fill(1);
      const bytes = [spec.code, ...args];
      const cmd = vicki.decodeDownlink!({ bytes, fPort: 1, variables: { decodeCommands: true } });
      expect(Object.keys(cmd.data as object)).toEqual([spec.name]);
      expect(vicki.encodeDownlink!({ data: cmd.data, variables: {} }).bytes).toEqual(bytes);
    }
  });
});

describe('MClimate faults reported in other decoders', () => {
  it('reads the FUOTA address as 32-bit unsigned, never negative', () => {
    const d = dec(wirelessThermostat, 'a0ffffffff' + '0102887509c41502007801').data as
      Record<string, { fuota_address: number; fuota_address_raw: string }>;
    expect(d.fuota).toEqual({ fuota_address: 4294967295, fuota_address_raw: 'ffffffff' });
  });
  it('reads a temperature below zero as negative (raw 0x0186 = -1.0 °C)', () => {
    const d = dec(wirelessThermostat, '0101867509c41502007801').data as Record<string, number>;
    expect(d.sensorTemperature).toBe(-1);
    const tz = dec(vicki, '60fb' + '011d5a78fa2c01f080').data as Record<string, number>;
    expect(tz.deviceTimeZone).toBe(-5);
  });
  it('shows the device time in UTC whatever the machine time zone', () => {
    // 1700000000 s = 2023-11-14T22:13:20Z, computed independently of the decoder.
    const iso = new Date(Date.UTC(2023, 10, 14, 22, 13, 20)).toISOString();
    expect(iso).toBe('2023-11-14T22:13:20.000Z');
    const d = dec(vicki, '5e6553f100' + '011d5a78fa2c01f080').data as Record<string, string>;
    expect(d.deviceTime).toBe('14/11/2023 22:13');
  });
  it('decodes the keep-alive after an unknown answer, with a warning', () => {
    const r = dec(vicki, '5a00' + '011d5a78fa2c01f080');
    expect((r.data as Record<string, number>).motorRange).toBe(300);
    expect(r.warnings).toEqual(['unknown command 0x5a at offset 0: rest of the answers skipped']);
  });
  it('rejects a truncated keep-alive naming the length', () => {
    expect(errOf(() => dec(vicki, '011d5a'))).toBe('keepalive: need 9 bytes at offset 0, got 3');
  });
  it('rejects an unknown downlink command by name', () => {
    expect(errOf(() => vicki.encodeDownlink!({ data: { setFoo: 1 }, variables: {} })))
      .toBe("downlink: unknown command 'setFoo'");
  });
  it('echoes downlink bytes by default, as the vendor does', () => {
    expect(vicki.decodeDownlink!({ bytes: [0x4e, 0x32], fPort: 1, variables: {} }).data)
      .toEqual({ bytes: [0x4e, 0x32] });
    expect(vicki.decodeDownlink!({
      bytes: [0x4e, 0x32], fPort: 1, variables: { decodeCommands: true },
    }).data).toEqual({ setValveOpenness: 50 });
  });
});

describe('MClimate harmonised view', () => {
  it('maps Vicki to hvac', () => {
    expect(vicki.normalizeUplink!(dec(vicki, '011d5a78fa2c01f080').data)).toEqual({
      category: 'hvac', temperatureC: 18.01, setpointC: 29, valvePercent: 17,
      humidityPercent: 46.88, batteryV: 3.5,
    });
  });
  it('maps the CO2 sensor to air', () => {
    expect(co2Sensor.normalizeUplink!(dec(co2Sensor, '010271027384ed').data)).toEqual({
      category: 'air', co2Ppm: 625, temperatureC: 22.7, humidityPercent: 51.56, batteryV: 3.5,
    });
  });
});

for (const def of mclimateCodecs) totality(def);
