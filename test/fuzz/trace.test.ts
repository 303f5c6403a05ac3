/**
 * Campaign over `loire validate`'s input: `parseTrace` on JSON-lines text in every shape it reads
 * (loire lines, packet-forwarder rxpk/txpk, ChirpStack and The Things Stack events), with fields
 * drawn from valid and invalid values, then `validateTrace` on whatever parses (EU868, 1.0 keys).
 * Both may refuse with LoireError; nothing else may escape, and nothing may take 10 ms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToHex } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';
import { EU868 } from '../../src/region/index.js';
import { parseTrace, validateTrace } from '../../simulator/validate/index.js';
import { Campaign, runsFor } from './harness.js';
import { mutated, randomBytes, SEED_FRAMES } from './inputs.js';

const isLoireError = (e: unknown): boolean => e instanceof LoireError;

// Fixed test keys (not from any device).
const KEY = Uint8Array.from({ length: 16 }, (_, i) => 0x11 * (i % 15));
const keys = { nwkSKey: KEY, appSKey: KEY, appKey: KEY };

const frame = fc.oneof(fc.constantFrom(...SEED_FRAMES), mutated(SEED_FRAMES), randomBytes(64));

/** A value that is right for the field most of the time, and anything JSON at times. */
const either = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 14 }, { arbitrary: fc.jsonValue({ maxDepth: 1 }),
    weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });

const time = fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }).map((ms) =>
  new Date(ms).toISOString()), fc.constantFrom('2026-13-01T00:00:00Z', 'yesterday', ''));
const freqMHz = fc.constantFrom(868.1, 868.3, 868.5, 867.1, 869.525, 433.175, 0, -1);
const datr = fc.oneof(fc.constantFrom('SF7BW125', 'SF12BW125', 'SF9BW250', 'SF5BW999', 'SF7'),
  fc.constant(50000));

const loireLine = fc.record({
  timeMs: either(fc.integer({ min: 0, max: 2 ** 40 })),
  direction: either(fc.constantFrom('up', 'down')),
  frequencyHz: either(fc.integer({ min: 0, max: 1_000_000_000 })),
  dr: either(fc.integer({ min: -1, max: 16 })),
  sf: either(fc.integer({ min: 5, max: 13 })),
  bw: either(fc.constantFrom(125, 250, 500, 125000)),
  phyPayload: either(frame.map((b) => bytesToHex(b))),
}, { requiredKeys: [] });

const rxpk = fc.record({
  tmst: either(fc.nat()), time: either(time), freq: either(freqMHz), datr: either(datr),
  data: either(frame.map((b) => bytesToBase64(b))),
}, { requiredKeys: [] });

const packetForwarder = fc.oneof(
  fc.array(either(rxpk), { maxLength: 3 }).map((r) => ({ rxpk: r })),
  rxpk.map((t) => ({ txpk: t })),
);

const chirpstack = fc.record({
  deduplicationId: fc.constant('00000000-0000-0000-0000-000000000000'),
  time: either(time),
  deviceInfo: either(fc.record({ devEui: either(fc.constantFrom('0102030405060708', 'zz')) })),
  txInfo: fc.record({ frequency: either(fc.integer({ min: 0, max: 1_000_000_000 })),
    modulation: either(fc.record({ lora: either(fc.record({
      spreadingFactor: either(fc.integer({ min: 5, max: 13 })),
      bandwidth: either(fc.constantFrom(125000, 250000)) })) })) }),
  devAddr: either(fc.constantFrom('26011bda', 'xyz', '')),
  dr: either(fc.integer({ min: -1, max: 16 })),
  fCnt: either(fc.nat({ max: 2 ** 33 })),
  fPort: either(fc.nat({ max: 300 })),
  data: either(randomBytes(32).map((b) => bytesToBase64(b))),
  phyPayload: either(frame.map((b) => bytesToHex(b))),
}, { requiredKeys: ['deduplicationId', 'txInfo'] });

const tts = fc.record({
  end_device_ids: either(fc.record({ dev_eui: either(fc.constant('0102030405060708')),
    dev_addr: either(fc.constantFrom('26011BDA', 'nothex')) })),
  received_at: either(time),
  uplink_message: fc.record({
    f_cnt: either(fc.nat({ max: 2 ** 33 })), f_port: either(fc.nat({ max: 300 })),
    frm_payload: either(randomBytes(32).map((b) => bytesToBase64(b))),
    raw_payload: either(frame.map((b) => bytesToBase64(b))),
    received_at: either(time),
    settings: either(fc.record({ frequency: either(fc.constantFrom('868100000', 868100000)),
      data_rate: either(fc.record({ lora: either(fc.record({
        spreading_factor: either(fc.integer({ min: 5, max: 13 })),
        bandwidth: either(fc.constant(125000)) })) })) })),
  }, { requiredKeys: [] }),
}, { requiredKeys: ['uplink_message'] });

const line = fc.oneof(
  { arbitrary: loireLine.map((o) => JSON.stringify(o)), weight: 4 },
  { arbitrary: packetForwarder.map((o) => JSON.stringify(o)), weight: 2 },
  { arbitrary: chirpstack.map((o) => JSON.stringify(o)), weight: 2 },
  { arbitrary: tts.map((o) => JSON.stringify(o)), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? ''), weight: 1 },
  { arbitrary: fc.constantFrom('', '# comment', '{', 'null'), weight: 1 },
);

const trace = fc.array(line, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'));

describe('fuzz: trace files of loire validate', () => {
  it('parseTrace, then validateTrace, throw only LoireError', () => {
    const c = new Campaign('trace parsing and validation (loire validate)');
    c.assert(fc.property(trace, (text) => {
      const r = c.call(() => validateTrace(parseTrace(text), { region: EU868, keys }),
        isLoireError, () => JSON.stringify(text));
      if (!r.ok) return;
      expect(r.value.summary.frames).toBe(r.value.frames.length);
      // A report states no number it could not compute (NaN from an unreadable field).
      expect(JSON.stringify(r.value, (_, v) => (Number.isNaN(v) ? 'NaN!' : v)))
        .not.toContain('NaN');
    }), runsFor(300_000));
  });
});
