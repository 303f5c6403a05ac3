/**
 * Campaign over the high-level frame decoder: `decodeFrame` with 1.0 and 1.1 keys on arbitrary
 * and mutated frames (MIC checks, FOpts and FRMPayload decryption, Join-Accept decryption, MAC
 * commands), and the truncation property on frames `buildDataFrame` makes: no strict prefix is
 * reported as a frame whose MIC holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoireError, buildDataFrame, decodeFrame } from '../../src/index.js';
import { Campaign, hex, runsFor } from './harness.js';
import { headed, mutated, randomBytes, SEED_FRAMES } from './inputs.js';

const isLoireError = (e: unknown): boolean => e instanceof LoireError;

// Fixed test keys (not from any device), one per role.
const k = (n: number): string => n.toString(16).padStart(2, '0').repeat(16);
const KEYS_10 = { nwkSKey: k(1), appSKey: k(2), appKey: k(3) };
const KEYS_11 = { fNwkSIntKey: k(4), sNwkSIntKey: k(5), nwkSEncKey: k(6), appSKey: k(2),
  nwkKey: k(7), jsIntKey: k(8), jsEncKey: k(9) };

const MHDRS = [0x00, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0];
const frames = fc.oneof(
  { arbitrary: randomBytes(), weight: 1 },
  { arbitrary: mutated(SEED_FRAMES), weight: 2 },
  { arbitrary: headed(MHDRS, 40), weight: 2 },
);

const options = fc.record({
  fCnt: fc.option(fc.nat({ max: 0xffffffff }), { nil: undefined }),
  confFCnt: fc.option(fc.nat({ max: 0xffff }), { nil: undefined }),
  txDr: fc.option(fc.nat({ max: 15 }), { nil: undefined }),
  txCh: fc.option(fc.nat({ max: 15 }), { nil: undefined }),
  joinRequest: fc.option(fc.record({ joinEui: fc.constant('0102030405060708'),
    devNonce: fc.nat({ max: 0xffff }) }), { nil: undefined }),
}, { requiredKeys: [] });

describe('fuzz: decodeFrame', () => {
  for (const lorawan of ['1.0', '1.1'] as const) {
    it(`decodeFrame with ${lorawan} keys throws only LoireError`, () => {
      const c = new Campaign(`decodeFrame ${lorawan} with keys`);
      const keys = lorawan === '1.0' ? KEYS_10 : KEYS_11;
      c.assert(fc.property(frames, options, (bytes, opts) => {
        const r = c.call(() => decodeFrame(bytes, { ...opts, keys, lorawan }), isLoireError,
          () => `${hex(bytes)} ${JSON.stringify(opts)}`);
        if (r.ok && r.value.type === 'data') {
          // Random bytes almost never carry a MIC these keys make.
          expect(typeof r.value.micValid).toBe('boolean');
        }
      }), runsFor(500_000));
    });
  }

  const built = fc.record({
    lorawan: fc.constantFrom('1.0' as const, '1.1' as const),
    uplink: fc.boolean(),
    confirmed: fc.boolean(),
    devAddr: fc.nat({ max: 0xffffffff }),
    fCnt: fc.nat({ max: 0xffffffff }),
    fOpts: fc.constantFrom('', '02', '06ff03', '0b01'),
    fPort: fc.option(fc.integer({ min: 1, max: 223 }), { nil: null }),
    payload: fc.uint8Array({ maxLength: 40 }),
  }).map((r) => {
    const keys = r.lorawan === '1.0' ? KEYS_10 : KEYS_11;
    // Uplink FOpts: none, LinkCheckReq, DevStatusAns or RekeyInd; downlinks carry none.
    const fOpts = r.uplink ? Uint8Array.from((r.fOpts.match(/../g) ?? []).map((h) =>
      parseInt(h, 16))) : new Uint8Array(0);
    const bytes = buildDataFrame({ uplink: r.uplink, confirmed: r.confirmed, devAddr: r.devAddr,
      fCnt: r.fCnt, fOpts, fPort: r.fPort, payload: r.fPort === null ? undefined : r.payload,
      txDr: 5, txCh: 2 }, { keys, lorawan: r.lorawan });
    return { bytes, keys, lorawan: r.lorawan, fCnt: r.fCnt };
  });

  it('no strict prefix of a built data frame decodes with a valid MIC', () => {
    const c = new Campaign('decodeFrame strict prefixes of built frames');
    c.assert(fc.property(built, (v) => {
      const opts = { keys: v.keys, lorawan: v.lorawan, fCnt: v.fCnt, txDr: 5, txCh: 2 };
      const whole = decodeFrame(v.bytes, opts);
      expect(whole.type === 'data' && whole.micValid).toBe(true);
      for (let n = 0; n < v.bytes.length; n++) {
        const prefix = v.bytes.subarray(0, n);
        const r = c.call(() => decodeFrame(prefix, opts), isLoireError, () => hex(prefix));
        if (!r.ok) continue;
        expect(r.value.type === 'data' && r.value.micValid, `prefix ${hex(prefix)}`).toBe(false);
      }
    }), runsFor(60_000));
  });
});
