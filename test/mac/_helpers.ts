/** Shared helpers for the framing tests: vector access and hex shorthands. */
import { bytesToHex, hexToBytes } from '../../src/bytes/hex.js';
import { loadVectors } from '../vectors.js';
import type { MacVector } from '../vectors.js';

/** All mac.json entries of one kind. */
export function vectorsOfKind(kind: string): MacVector[] {
  const all = loadVectors<MacVector[]>('mac.json').filter((v) => v.kind === kind);
  if (all.length === 0) throw new Error(`no vectors of kind ${kind}`);
  return all;
}

export const hex = (b: Uint8Array): string => bytesToHex(b);
export const bytes = (h: string): Uint8Array => hexToBytes(h);
/** Big-endian hex of an unsigned integer, `digits` wide. */
export const beHex = (n: number, digits: number): string => n.toString(16).padStart(digits, '0');
