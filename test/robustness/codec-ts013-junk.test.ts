/**
 * Every registered codec, given what a platform or a careless caller may pass: bytes out of
 * 0..255, non-integers, strings, null, 10,000 bytes, fPort 0/224/undefined, an invalid
 * recvTime; encoders given data of the wrong type. TS013 says the functions return `errors`
 * rather than throw; loire adds that a failed call returns empty `data` / `bytes`.
 */
import { describe, expect, test } from 'vitest';
import {
  codecIds,
  decodeDownlink,
  decodeUplink,
  encodeDownlink,
  encodeUplink,
  getCodec,
  normalizeUplink,
  type CodecDefinition,
} from '../../codecs/index.js';

const codecs = codecIds().map((id) => getCodec(id)!) as CodecDefinition[];

/** Inputs that no codec may accept, whatever its fPort. */
const BAD_INPUTS: [string, unknown][] = [
  ['a byte of 256', { bytes: [1, 256, 3], fPort: 1 }],
  ['a negative byte', { bytes: [1, -1, 3], fPort: 1 }],
  ['a non-integer byte', { bytes: [1, 1.5, 3], fPort: 1 }],
  ['a NaN byte', { bytes: [Number.NaN], fPort: 1 }],
  ['string bytes', { bytes: ['01', '02'], fPort: 1 }],
  ['bytes as a string', { bytes: '0102', fPort: 1 }],
  ['bytes null', { bytes: null, fPort: 1 }],
  ['no bytes', { fPort: 1 }],
  ['input null', null],
  ['input undefined', undefined],
  ['fPort 0 (MAC commands only, TS001-1.0.4 §4.3.2)', { bytes: [1, 2, 3], fPort: 0 }],
  ['fPort as a string', { bytes: [1, 2, 3], fPort: '1' }],
];

function shapeOf(r: { errors: unknown; warnings: unknown }): void {
  expect(Array.isArray(r.errors)).toBe(true);
  expect(Array.isArray(r.warnings)).toBe(true);
}

describe.each(codecs.map((c) => [c.id, c] as const))('%s', (_id, codec) => {
  test('decoders refuse malformed TS013 inputs with errors and empty data', () => {
    for (const op of [decodeUplink, decodeDownlink]) {
      for (const [what, input] of BAD_INPUTS) {
        const r = op(codec, input as never);
        shapeOf(r);
        expect(r.errors.length, what).toBeGreaterThan(0);
        expect(r.data, what).toEqual({});
      }
    }
  });

  test('decoders never throw on fPort 224, no fPort, bad recvTime or 10,000 bytes', () => {
    const huge = Array.from({ length: 10_000 }, (_, i) => (i * 37) & 255);
    const inputs = [
      { bytes: [1, 2, 3], fPort: 224 },
      { bytes: [1, 2, 3] },
      { bytes: [1, 2, 3], fPort: 1, recvTime: 'yesterday' },
      { bytes: [1, 2, 3], fPort: 1, recvTime: new Date(Number.NaN) },
      { bytes: huge, fPort: 1 },
      { bytes: new Array<number>(10_000).fill(0), fPort: 2 },
      { bytes: new Array<number>(10_000).fill(255), fPort: 85 },
    ];
    for (const op of [decodeUplink, decodeDownlink]) {
      for (const input of inputs) {
        const r = op(codec, input as never);
        shapeOf(r);
        // Either a clear error with empty data, or data without NaN / invalid dates in it.
        if (r.errors.length > 0) expect(r.data).toEqual({});
        else expect(JSON.stringify(r.data)).not.toMatch(/NaN|Invalid Date|null/);
      }
    }
  });

  test('normalizeUplink refuses data no decoder returns, rather than assume defaults', () => {
    if (typeof codec.normalizeUplink !== 'function') return;
    for (const data of [null, undefined, 1, true, 'x']) {
      const r = normalizeUplink(codec, { data } as never);
      expect(r.errors.length, `data ${String(data)}`).toBeGreaterThan(0);
      expect(r.data).toEqual({});
    }
  });

  test('encoders given data of the wrong type return errors and no bytes', () => {
    for (const op of [encodeDownlink, encodeUplink]) {
      for (const data of [null, undefined, 1, true, 'reportIntervalS=600']) {
        for (const input of [{ data }, { data, fPort: 0 }]) {
          const r = op(codec, input as never);
          shapeOf(r);
          expect(r.errors.length, `${op.name} ${JSON.stringify(input)}`).toBeGreaterThan(0);
          expect(r.bytes).toEqual([]);
        }
      }
      for (const input of [null, undefined, 42]) {
        const r = op(codec, input as never);
        expect(r.errors.length, `${op.name} input ${String(input)}`).toBeGreaterThan(0);
      }
    }
  });
});
