/**
 * Campaign over every registered codec through the TS013 wrapper: decodeUplink and, where the
 * codec has one, decodeDownlink, on random bytes and mutations of the codec's own examples, at
 * the codec's FPorts and others. The wrapper never throws; a codec fault shows as an error that
 * is not the codec's own ("unexpected decoder failure", i.e. an exception other than
 * CodecError), or as decoded data holding a value JSON cannot carry (NaN, Infinity, undefined).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecIds, decodeDownlink, decodeUplink, getCodec } from '../../codecs/index.js';
import type { CodecDefinition, Ts013DecodeOutput } from '../../codecs/index.js';
import { isCodecError } from '../../codecs/framework/codec-error.js';
import { decodeOmsFrame, decodeOmsRecords } from '../../codecs/formats/oms/index.js';
import { hexToBytes } from '../../src/bytes/hex.js';
import { Campaign, hex, runsFor } from './harness.js';
import { mutated, randomBytes } from './inputs.js';

/** Thrown inside a timed call so the harness records a fault; never thrown by codecs. */
class CodecFault extends Error {}

/** Where in `value` a number is not finite, or a value is undefined or a function. */
function notJson(value: unknown, path = 'data'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path}=${value}`;
  if (value === undefined || typeof value === 'function') return `${path} is ${typeof value}`;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const bad = notJson(v, `${path}.${k}`);
    if (bad) return bad;
  }
  return undefined;
}

/** The TS013 call, with a wrapper-level fault turned into an exception. */
function checked(out: Ts013DecodeOutput): Ts013DecodeOutput {
  const unexpected = out.errors.find((e) => e.startsWith('unexpected decoder failure'));
  if (unexpected) throw new CodecFault(unexpected);
  if (out.errors.length > 0) return out;
  const bad = notJson(out.data);
  if (bad) throw new CodecFault(`decoded data is not JSON: ${bad}`);
  return out;
}

const never = (): boolean => false;
const hasErrors = (out: Ts013DecodeOutput): boolean => out.errors.length > 0;

/**
 * Codecs known to ignore bytes past a message's fixed length, as the vendor's decoder does (the
 * vendor's own examples carry such bytes): for them a prefix may decode to the same output.
 */
const TRAILING_IGNORED = new Set(['nexelec/air-plus', 'nexelec/origin-plus']);

function examplesOf(codec: CodecDefinition, op: string): Uint8Array[] {
  return codec.examples.filter((e) => e.operation === op && e.bytesHex !== '')
    .map((e) => hexToBytes(e.bytesHex));
}

function inputs(codec: CodecDefinition, op: 'decodeUplink' | 'decodeDownlink') {
  const seeds = examplesOf(codec, op);
  const ports = op === 'decodeUplink' ? codec.uplinkFPorts : codec.downlinkFPorts;
  const bytes = seeds.length > 0
    ? fc.oneof({ arbitrary: randomBytes(64), weight: 1 }, { arbitrary: mutated(seeds), weight: 2 })
    : randomBytes(64);
  const fPort = ports.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...ports), weight: 4 },
      { arbitrary: fc.integer({ min: 1, max: 223 }), weight: 1 })
    : fc.integer({ min: 1, max: 223 });
  const styles = (codec.styles ?? []).map((s) => s.name);
  const variables = styles.length > 0
    ? fc.constantFrom(...styles).map((style) => ({ style }))
    : fc.constant({});
  return fc.record({ bytes, fPort, variables, recvTime: fc.constantFrom(undefined,
    '2026-03-01T12:00:00Z') });
}

describe('fuzz: codecs through TS013', () => {
  for (const id of codecIds()) {
    const codec = getCodec(id)!;
    const ops = codec.decodeDownlink ? ['decodeUplink', 'decodeDownlink'] as const
      : ['decodeUplink'] as const;
    for (const op of ops) {
      it(`${id} ${op}: only the codec's own errors, JSON-clean data`, () => {
        const fn = op === 'decodeUplink' ? decodeUplink : decodeDownlink;
        const c = new Campaign(`codec ${id} ${op}`);
        c.assert(fc.property(inputs(codec, op), (input) => {
          c.call(() => checked(fn(codec, input)), never,
            () => `fPort ${input.fPort} ${hex(input.bytes)} ${JSON.stringify(input.variables)}`,
            hasErrors);
        }), runsFor(40_000));
      });
    }

    const examples = codec.examples.filter((e) => e.operation === 'decodeUplink' &&
      (e.errors ?? []).length === 0 && e.bytesHex.length > 2);
    if (examples.length === 0) continue;
    it(`${id}: no strict prefix of an example decodes to the example's output`, () => {
      // A prefix may decode (record formats stop at a record boundary), but never to what the
      // whole payload gives (data and warnings): that would mean the dropped bytes were ignored.
      const c = new Campaign(`codec ${id} example prefixes`);
      c.assert(fc.property(fc.constantFrom(...examples), (e) => {
        const bytes = hexToBytes(e.bytesHex);
        const base = { fPort: e.fPort, recvTime: e.recvTime, variables: e.variables ?? {} };
        const whole = decodeUplink(codec, { ...base, bytes });
        expect(whole.errors).toEqual([]);
        for (let n = 0; n < bytes.length; n++) {
          const prefix = bytes.subarray(0, n);
          const r = c.call(() => checked(decodeUplink(codec, { ...base, bytes: prefix })), never,
            () => `fPort ${e.fPort} ${hex(prefix)}`, hasErrors);
          if (r.ok && r.value.errors.length === 0 && !TRAILING_IGNORED.has(id)) {
            expect({ data: r.value.data, warnings: r.value.warnings },
              `prefix ${hex(prefix)} of ${e.bytesHex}`)
              .not.toEqual({ data: whole.data, warnings: whole.warnings });
          }
        }
      }), runsFor(Math.max(200, examples.length * 50)));
    });
  }
});

describe('fuzz: OMS (wireless M-Bus) frames and records', () => {
  // Seeds: every example of the OMS-based codecs (generic/oms and the meters built on it).
  const omsIds = ['generic/oms', ...codecIds().filter((id) => /^(sensus|kamstrup|axioma|arad)\//
    .test(id))];
  const seeds = omsIds.flatMap((id) => examplesOf(getCodec(id)!, 'decodeUplink'));
  const bytes = fc.oneof({ arbitrary: randomBytes(80), weight: 1 },
    { arbitrary: mutated(seeds), weight: 3 });

  it('decodeOmsFrame and decodeOmsRecords throw only CodecError, with JSON-clean output', () => {
    expect(seeds.length).toBeGreaterThan(0);
    const c = new Campaign('OMS frame and records');
    c.assert(fc.property(bytes, fc.nat(20), (b, skip) => {
      const arr = Array.from(b);
      const frame = c.call(() => decodeOmsFrame(arr), isCodecError, () => hex(b));
      if (frame.ok) expect(notJson(frame.value)).toBeUndefined();
      const records = c.call(() => decodeOmsRecords(arr, Math.min(skip, arr.length)),
        isCodecError, () => `${hex(b)} from ${skip}`);
      if (records.ok) expect(notJson(records.value)).toBeUndefined();
    }), runsFor(300_000));
  });
});
