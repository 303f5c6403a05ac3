/**
 * Input generators for the campaign: random bytes, and mutations of real frames (the shared
 * vectors' PHYPayloads), which reach deeper into a decoder than random bytes do.
 */
import fc from 'fast-check';
import { base64ToBytes, hexToBytes } from '../../src/bytes/hex.js';
import { loadVectors, type MacVector } from '../vectors.js';

/** Every distinct frame in mac.json (`phypayload` inputs, hex or base64), as bytes. */
export const SEED_FRAMES: Uint8Array[] = (() => {
  const seen = new Map<string, Uint8Array>();
  for (const v of loadVectors<MacVector[]>('mac.json')) {
    for (const [k, value] of Object.entries(v.inputs)) {
      if (!/phypayload/i.test(k) || typeof value !== 'string') continue;
      const bytes = k.endsWith('_base64') ? base64ToBytes(value) : hexToBytes(value);
      seen.set(Array.from(bytes).join(','), bytes);
    }
  }
  return [...seen.values()];
})();

type Mutation =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; value: number }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'cut'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.nat(255) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1,
    max: 8 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

function apply(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Array.from(bytes);
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'set' && b.length > 0) b[at % b.length] = m.value;
    else if (m.kind === 'insert') b.splice(at, 0, m.value);
    else if (m.kind === 'delete') b.splice(at, m.count);
    else if (m.kind === 'cut') b = b.slice(0, at);
  }
  return Uint8Array.from(b);
}

/** A seed mutated by one to four edits (set, insert, delete, cut). */
export function mutated(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([seed, ms]) => apply(seed, ms));
}

/** Random bytes, short ones more often; lengths up to `max`. */
export function randomBytes(max = 300): fc.Arbitrary<Uint8Array> {
  return fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: max }));
}

/** Random bytes whose first byte is one of `heads` (an MHDR, a CID, a channel...). */
export function headed(heads: readonly number[], max = 64): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...heads), fc.uint8Array({ maxLength: max }))
    .map(([h, rest]) => Uint8Array.of(h, ...rest));
}
