/**
 * Dingtek DF702/DF703 codecs: the shared vendor examples, the examples each table carries,
 * round trips of reports, parameters and every command, totality on arbitrary bytes, and
 * regressions.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import type {
  CodecDefinition,
  Decoded,
  Encoded,
} from '../../../codecs/framework/types.js';
import { DF702 } from '../../../codecs/vendors/dingtek/df702.js';
import { DF703 } from '../../../codecs/vendors/dingtek/df703.js';
import { ieeeCoordinate } from '../../../codecs/vendors/dingtek/format/coordinate.js';
import { dingtekCodecs } from '../../../codecs/vendors/dingtek/index.js';
import { type CodecVector, codecIdOf, loadVectors } from '../../vectors.js';

const hex = (s: string): number[] => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 2) out.push(parseInt(s.substr(i, 2), 16));
  return out;
};
const toHex = (b: number[]): string => b.map((x) => x.toString(16).padStart(2, '0')).join('');

const up = (def: CodecDefinition, bytes: number[], fPort = 3): Decoded =>
  def.decodeUplink({ bytes, fPort, variables: {} });
const down = (def: CodecDefinition, bytes: number[], fPort = 3): Decoded =>
  def.decodeDownlink!({ bytes, fPort, variables: {} });
const encUp = (def: CodecDefinition, data: unknown): Encoded =>
  def.encodeUplink!({ data, variables: {} });
const encDown = (def: CodecDefinition, data: unknown): Encoded =>
  def.encodeDownlink!({ data, variables: {} });
const byId = new Map(dingtekCodecs.map((c) => [c.id, c]));
const vectors = loadVectors<CodecVector[]>('codecs.json').filter((v) =>
  codecIdOf(v).startsWith('dingtek/'),
);

describe('shared codecs.json examples', () => {
  it('covers DF702 and DF703', () => {
    expect(new Set(vectors.map(codecIdOf))).toEqual(new Set(['dingtek/df702', 'dingtek/df703']));
  });
  for (const v of vectors) {
    it(v.id, () => {
      const def = byId.get(codecIdOf(v))!;
      const bytes = hex(v.bytesHex);
      const fPort = v.inputFPort ?? v.fPort ?? 3;
      if (v.operation === 'decodeUplink') {
        const out = up(def, bytes, fPort);
        expect(out.data).toEqual(v.expected);
        expect(out.warnings).toEqual(v.expectedWarnings);
      } else if (v.operation === 'encodeDownlink') {
        const out = encDown(def, v.expected);
        expect(toHex(out.bytes)).toBe(v.bytesHex.toLowerCase());
        expect(out.fPort).toBe(3);
      } else {
        expect(down(def, bytes, fPort).data).toEqual(v.expected);
      }
    });
  }
});

describe('examples carried by the definitions', () => {
  for (const def of dingtekCodecs) {
    for (const ex of def.examples) {
      it(`${def.id}: ${ex.description}`, () => {
        const bytes = hex(ex.bytesHex);
        if (ex.operation === 'encodeDownlink') {
          expect(toHex(encDown(def, ex.data).bytes)).toBe(ex.bytesHex);
          expect(down(def, bytes, 3).data).toEqual(ex.data);
        } else if (ex.operation === 'decodeDownlink') {
          expect(down(def, bytes, 3).data).toEqual(ex.data);
        } else {
          const data = up(def, bytes, 3).data;
          expect(data).toEqual(ex.data);
          // Re-encoding gives a frame that decodes the same (DF702 does not show the firmware
          // bytes, so those are not reproduced).
          const again = encUp(def, data).bytes;
          expect(up(def, again, 3).data).toEqual(data);
          if (def.id === 'dingtek/df703') expect(toHex(again)).toBe(ex.bytesHex);
        }
      });
    }
  }
});

const u8 = fc.integer({ min: 0, max: 255 });
const nibble = fc.integer({ min: 0, max: 15 });
const floatBytes = fc
  .float({ min: -180, max: 180, noNaN: true })
  .map((x) => {
    const b = Buffer.alloc(4);
    b.writeFloatLE(x);
    return [...b];
  });

/** Any measurement frame, with or without GPS, any data type but 0x03 parameters. */
const reportFrame = fc
  .record({
    gps: fc.boolean(),
    type: u8.filter((t) => t !== 3),
    level: fc.array(u8, { minLength: 2, maxLength: 2 }),
    lon: floatBytes,
    lat: floatBytes,
    rest: fc.tuple(u8, nibble, u8, nibble, nibble, nibble, nibble, u8, u8),
  })
  .map(({ gps, type, level, lon, lat, rest }) => {
    const [temp, sign, angle, full, fire, tilt, batt, c1, c2] = rest;
    const body = level.concat([gps ? 1 : 0], gps ? lon.concat(lat) : [], [
      temp, sign, angle, full * 16 + fire, tilt * 16 + batt, c1, c2, 0,
    ]);
    return [0x80, 0x00, 0x01, type, body.length + 6].concat(body, [0x81]);
  });

const paramsFrame = fc.array(u8, { minLength: 9, maxLength: 9 }).map((p) => {
  const body = p.concat(new Array(10).fill(0));
  return [0x80, 0x00, 0x01, 0x03, 25].concat(body, [0x81]);
});

describe('round trips', () => {
  for (const def of dingtekCodecs) {
    const runs = { numRuns: 200 };
    test.prop([reportFrame], runs)(`${def.id} report: decode(encode(data)) = data`, (bytes) => {
      const data = up(def, bytes, 3).data;
      const enc = encUp(def, data);
      expect(up(def, enc.bytes, 3).data).toEqual(data);
    });
    test.prop([paramsFrame], runs)(`${def.id} parameters round trip`, (bytes) => {
      const data = up(def, bytes, 3).data;
      const enc = encUp(def, data);
      expect(up(def, enc.bytes, 3).data).toEqual(data);
    });
  }
  for (const table of [DF702, DF703]) {
    const def = byId.get(`dingtek/${table.model}`)!;
    for (const c of table.commands) {
      const values = c.values
        ? fc.constantFrom(...c.values.map((v) => v[0]))
        : fc.integer({ min: c.min!, max: c.max! });
      test.prop([values])(`${def.id} set_${c.key}: decode(encode(cmd)) = cmd`, (v) => {
        const cmd = { [c.key]: v };
        const enc = encDown(def, cmd);
        expect(down(def, enc.bytes, 3).data).toEqual(cmd);
      });
    }
  }
});

describe('totality on arbitrary bytes', () => {
  for (const def of dingtekCodecs) {
    const framed = fc.oneof(
      fc.array(u8, { maxLength: 64 }),
      reportFrame.chain((f) => fc.array(u8, { minLength: f.length, maxLength: f.length })
        // Keep header, length and tail so that the data readers are reached.
        .map((noise) =>
          f.map((b, i) => (i === 0 || i === 4 || i === f.length - 1 ? b : noise[i]!)),
        )),
    );
    test.prop([framed, fc.integer({ min: 0, max: 255 })], { numRuns: 300 })(
      `${def.id}: decoders return or throw a CodecError`,
      (bytes, fPort) => {
        for (const port of [fPort, 3]) {
          for (const op of [def.decodeUplink, def.decodeDownlink!]) {
            try {
              expect(typeof op({ bytes, fPort: port, variables: {} }).data).toBe('object');
            } catch (e) {
              expect(isCodecError(e)).toBe(true);
            }
          }
        }
      },
    );
  }
});

describe('regressions and errors', () => {
  const d702 = byId.get('dingtek/df702')!;
  const d703 = byId.get('dingtek/df703')!;

  // The vendor decoder shows 251 ℃ for -5 ℃.
  it('reads a negative temperature as signed', () => {
    const bytes = hex('800001011107d000fb0000000000000081');
    expect((up(d702, bytes, 3).data as { temperature: string }).temperature).toBe('-5 ℃');
    expect((up(d703, bytes, 3).data as { temperature: number }).temperature).toBe(-5);
  });

  it('reads the frame counter as 16 bits', () => {
    const bytes = hex('800001011107d00019000000000102' + '0081');
    expect((up(d703, bytes, 3).data as { frameCounter: number }).frameCounter).toBe(258);
  });

  it('gives the sign of the angle from its sign byte, as the vendor decoder intends', () => {
    const neg = hex('800001011107d000190110000000000081');
    const pos = hex('800001011107d000190010000000000081');
    expect((up(d703, neg, 3).data as { angle: number }).angle).toBe(-16);
    expect((up(d703, pos, 3).data as { angle: number }).angle).toBe(16);
  });

  it('shows coordinates as the vendor does, within 2e-7 of the IEEE 754 value', () => {
    const bytes = hex('800001011907d001cd03e942ef272042190000000000010081');
    const ieee = ieeeCoordinate(bytes, 8, 'lon');
    expect(ieee).toBeCloseTo(116.507423, 6);
    const shown = Number((up(d703, bytes, 3).data as { longitude: string }).longitude);
    expect(Math.abs(shown - ieee) / ieee).toBeLessThan(2e-7);
  });

  it('names what is wrong with a bad frame', () => {
    expect(() => up(d702, hex('800001011107d0'), 3)).toThrow(
      expect.objectContaining({ message: 'uplink: 7 bytes, expected a 17- or 25-byte frame' }),
    );
    expect(() => up(d702, hex('800001011107d000190000000000000081'), 2)).toThrow(
      expect.objectContaining({ message: 'uplink: FPort 2, expected 3' }),
    );
    expect(() => up(d702, hex('800001011107d000190000000000000080'), 3)).toThrow(
      expect.objectContaining({ message: 'uplink: tail 0x80 at offset 16, expected 0x81' }),
    );
  });

  it('refuses settings out of the vendor range and several settings at once', () => {
    expect(() => encDown(d702, { periodic_interval: 169 })).toThrow(
      expect.objectContaining({
        message: 'downlink: periodic_interval: expected an integer from 1 to 168, got 169',
      }),
    );
    expect(() => encDown(d703, { uploadInterval: 2, detectInterval: 3 })).toThrow(
      expect.objectContaining({
        message: 'downlink: expected exactly one setting per downlink, got 2',
      }),
    );
  });

  it('normalises both naming styles to the same waste view', () => {
    const bytes = hex('800001011107d000190000010000000081');
    const a = d702.normalizeUplink!(up(d702, bytes, 3).data);
    const b = d703.normalizeUplink!(up(d703, bytes, 3).data);
    expect(a).toEqual({
      category: 'waste',
      distanceMm: 2000,
      tiltDeg: 0,
      temperatureC: 25,
      fireAlarm: true,
      lowBattery: false,
    });
    expect(b).toEqual(a);
  });
});
