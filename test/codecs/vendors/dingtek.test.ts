/**
 * Dingtek DF702/DF703 codecs: the shared vendor examples, the examples each table carries,
 * round trips of reports, parameters and every command, totality on arbitrary bytes, and
 * regressions.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
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
        const out = def.decodeUplink({ bytes, fPort, variables: {} });
        expect(out.data).toEqual(v.expected);
        expect(out.warnings).toEqual(v.expectedWarnings);
      } else if (v.operation === 'encodeDownlink') {
        const out = def.encodeDownlink!({ data: v.expected, variables: {} });
        expect(toHex(out.bytes)).toBe(v.bytesHex.toLowerCase());
        expect(out.fPort).toBe(3);
      } else {
        expect(def.decodeDownlink!({ bytes, fPort, variables: {} }).data).toEqual(v.expected);
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
          expect(toHex(def.encodeDownlink!({ data: ex.data, variables: {} }).bytes)).toBe(ex.bytesHex);
          expect(def.decodeDownlink!({ bytes, fPort: 3, variables: {} }).data).toEqual(ex.data);
        } else if (ex.operation === 'decodeDownlink') {
          expect(def.decodeDownlink!({ bytes, fPort: 3, variables: {} }).data).toEqual(ex.data);
        } else {
          const data = def.decodeUplink({ bytes, fPort: 3, variables: {} }).data;
          expect(data).toEqual(ex.data);
          // Re-encoding gives a frame that decodes the same (DF702 does not show the firmware
          // bytes, so those are not reproduced).
          const again = def.encodeUplink!({ data, variables: {} }).bytes;
          expect(def.decodeUplink({ bytes: again, fPort: 3, variables: {} }).data).toEqual(data);
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
    test.prop([reportFrame], { numRuns: 200 })(`${def.id} report: decode(encodeUplink(data)) = data`, (bytes) => {
      const data = def.decodeUplink({ bytes, fPort: 3, variables: {} }).data;
      const enc = def.encodeUplink!({ data, variables: {} });
      expect(def.decodeUplink({ bytes: enc.bytes, fPort: 3, variables: {} }).data).toEqual(data);
    });
    test.prop([paramsFrame], { numRuns: 200 })(`${def.id} parameters: decode(encodeUplink(data)) = data`, (bytes) => {
      const data = def.decodeUplink({ bytes, fPort: 3, variables: {} }).data;
      const enc = def.encodeUplink!({ data, variables: {} });
      expect(def.decodeUplink({ bytes: enc.bytes, fPort: 3, variables: {} }).data).toEqual(data);
    });
  }
  for (const table of [DF702, DF703]) {
    const def = byId.get(`dingtek/${table.model}`)!;
    for (const c of table.commands) {
      const values = c.values
        ? fc.constantFrom(...c.values.map((v) => v[0]))
        : fc.integer({ min: c.min!, max: c.max! });
      test.prop([values])(`${def.id} set_${c.key}: decodeDownlink(encodeDownlink(cmd)) = cmd`, (v) => {
        const cmd = { [c.key]: v };
        const enc = def.encodeDownlink!({ data: cmd, variables: {} });
        expect(def.decodeDownlink!({ bytes: enc.bytes, fPort: 3, variables: {} }).data).toEqual(cmd);
      });
    }
  }
});

describe('totality on arbitrary bytes', () => {
  for (const def of dingtekCodecs) {
    const framed = fc.oneof(
      fc.array(u8, { maxLength: 64 }),
      reportFrame.chain((f) => fc.array(u8, { minLength: f.length, maxLength: f.length })
        .map((noise) => f.map((b, i) => (i === 0 || i === 4 || i === f.length - 1 ? b : noise[i]!)))),
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

  it('reads a negative temperature as signed (the vendor decoder shows 251 ℃ for -5 ℃)', () => {
    const bytes = hex('800001011107d000fb0000000000000081');
    expect((d702.decodeUplink({ bytes, fPort: 3, variables: {} }).data as { temperature: string }).temperature).toBe('-5 ℃');
    expect((d703.decodeUplink({ bytes, fPort: 3, variables: {} }).data as { temperature: number }).temperature).toBe(-5);
  });

  it('reads the frame counter as 16 bits', () => {
    const bytes = hex('800001011107d00019000000000102' + '0081');
    expect((d703.decodeUplink({ bytes, fPort: 3, variables: {} }).data as { frameCounter: number }).frameCounter).toBe(258);
  });

  it('gives the sign of the angle from its sign byte, as the vendor decoder intends', () => {
    const neg = hex('800001011107d000190110000000000081');
    const pos = hex('800001011107d000190010000000000081');
    expect((d703.decodeUplink({ bytes: neg, fPort: 3, variables: {} }).data as { angle: number }).angle).toBe(-16);
    expect((d703.decodeUplink({ bytes: pos, fPort: 3, variables: {} }).data as { angle: number }).angle).toBe(16);
  });

  it('shows coordinates as the vendor does, within 2e-7 of the IEEE 754 value', () => {
    const bytes = hex('800001011907d001cd03e942ef272042190000000000010081');
    const ieee = ieeeCoordinate(bytes, 8, 'lon');
    expect(ieee).toBeCloseTo(116.507423, 6);
    const shown = Number((d703.decodeUplink({ bytes, fPort: 3, variables: {} }).data as { longitude: string }).longitude);
    expect(Math.abs(shown - ieee) / ieee).toBeLessThan(2e-7);
  });

  it('names what is wrong with a bad frame', () => {
    expect(() => d702.decodeUplink({ bytes: hex('800001011107d0'), fPort: 3, variables: {} })).toThrow(
      expect.objectContaining({ message: 'uplink: 7 bytes, expected a 17- or 25-byte frame' }),
    );
    expect(() => d702.decodeUplink({ bytes: hex('800001011107d000190000000000000081'), fPort: 2, variables: {} })).toThrow(
      expect.objectContaining({ message: 'uplink: FPort 2, expected 3' }),
    );
    expect(() => d702.decodeUplink({ bytes: hex('800001011107d000190000000000000080'), fPort: 3, variables: {} })).toThrow(
      expect.objectContaining({ message: 'uplink: tail 0x80 at offset 16, expected 0x81' }),
    );
  });

  it('refuses settings out of the vendor range and several settings at once', () => {
    expect(() => d702.encodeDownlink!({ data: { periodic_interval: 169 }, variables: {} })).toThrow(
      expect.objectContaining({ message: 'downlink: periodic_interval: expected an integer from 1 to 168, got 169' }),
    );
    expect(() => d703.encodeDownlink!({ data: { uploadInterval: 2, detectInterval: 3 }, variables: {} })).toThrow(
      expect.objectContaining({ message: 'downlink: expected exactly one setting per downlink, got 2' }),
    );
  });

  it('normalises both naming styles to the same waste view', () => {
    const bytes = hex('800001011107d000190000010000000081');
    const a = d702.normalizeUplink!(d702.decodeUplink({ bytes, fPort: 3, variables: {} }).data);
    const b = d703.normalizeUplink!(d703.decodeUplink({ bytes, fPort: 3, variables: {} }).data);
    expect(a).toEqual({ category: 'waste', distanceMm: 2000, tiltDeg: 0, temperatureC: 25, fireAlarm: true, lowBattery: false });
    expect(b).toEqual(a);
  });
});
