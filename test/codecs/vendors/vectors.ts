/**
 * Runs the codecs.json examples of one codec through its definition, the way the TS013
 * wrapper will: a thrown CodecError becomes `errors: [message]` with empty data.
 */
import { expect } from 'vitest';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { codecIdOf, loadVectors, type CodecVector } from '../../vectors.js';

/** The codecs.json entries of `id`. */
export function vectorsOf(id: string): CodecVector[] {
  return loadVectors<CodecVector[]>('codecs.json').filter((v) => codecIdOf(v) === id);
}

/** Bytes of a hex string as number[]. */
export function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.substr(i, 2), 16));
  return out;
}

/** Decodes like TS013: `{data, errors, warnings}`. */
export function runDecode(def: CodecDefinition, v: CodecVector): {
  data: unknown; errors: string[]; warnings: string[] } {
  const t = v.recvTime ?? v.inputTime;
  try {
    const r = def.decodeUplink({ bytes: hexBytes(v.bytesHex), fPort: v.fPort ?? 1,
      recvTime: t ? new Date(t) : undefined, variables: {} });
    return { data: r.data, errors: [], warnings: r.warnings ?? [] };
  } catch (e) {
    if (!isCodecError(e)) throw e;
    return { data: {}, errors: [e.message], warnings: [] };
  }
}

/** Checks one vector: data, errors and warnings as the source states them. */
export function checkVector(def: CodecDefinition, v: CodecVector): void {
  const got = runDecode(def, v);
  expect(got.data).toEqual(v.expected);
  expect(got.errors).toEqual(v.expectedErrors ?? []);
  expect(got.warnings).toEqual(v.expectedWarnings ?? []);
}

/** Runs `f` and lets only CodecErrors escape silently (totality checks). */
export function onlyCodecErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCodecError(e)) throw e;
  }
}
