/**
 * Shared checks for vendor codec tests: the codecs.json examples of a codec, and the
 * totality property on arbitrary bytes.
 */
import { expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import { codecIdOf, loadVectors, type CodecVector } from '../../vectors.js';

export function hexToBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.substr(i, 2), 16));
  return out;
}

export function bytesToHex(b: number[]): string {
  return b.map((x) => (x < 16 ? '0' : '') + x.toString(16)).join('');
}

/** The codecs.json entries of one codec id. */
export function vectorsOf(id: string): CodecVector[] {
  return loadVectors<CodecVector[]>('codecs.json').filter((v) => codecIdOf(v) === id);
}

/** Runs one codecs.json vector through the definition. */
export function checkVector(def: CodecDefinition, v: CodecVector): void {
  const time = v.recvTime ?? v.inputTime;
  const fPort = v.inputFPort ?? v.fPort ?? 1;
  if (v.operation === 'encodeDownlink') {
    const r = def.encodeDownlink!({ data: v.expected, variables: {} });
    expect(bytesToHex(r.bytes)).toBe(v.bytesHex.toLowerCase());
    if (v.fPort !== null) expect(r.fPort).toBe(v.fPort);
    return;
  }
  const input = {
    bytes: hexToBytes(v.bytesHex),
    fPort,
    recvTime: time ? new Date(time) : undefined,
    variables: {},
  };
  if (v.expectedErrors && v.expectedErrors.length > 0) {
    let msg: string | undefined;
    try {
      v.operation === 'decodeDownlink' ? def.decodeDownlink!(input) : def.decodeUplink(input);
    } catch (e) {
      if (!isCodecError(e)) throw e;
      msg = e.message;
    }
    expect([msg]).toEqual(v.expectedErrors);
    return;
  }
  const r = v.operation === 'decodeDownlink'
    ? def.decodeDownlink!(input)
    : def.decodeUplink(input);
  expect(r.data).toEqual(v.expected);
  expect(r.warnings ?? []).toEqual(v.expectedWarnings ?? []);
}

/** Totality: any bytes, any fPort, the decoder returns or throws a CodecError. */
export function totality(def: CodecDefinition): void {
  it(`${def.id}: decoders are total on arbitrary bytes`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
        fc.integer({ min: 0, max: 255 }),
        (bytes, fPort) => {
          for (const f of [def.decodeUplink, def.decodeDownlink]) {
            if (!f) continue;
            for (const variables of [{}, { decodeCommands: true }]) {
              try {
                const r = f({ bytes, fPort, recvTime: new Date(0), variables });
                expect(typeof r.data).toBe('object');
              } catch (e) {
                if (!isCodecError(e)) throw e;
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
}

/** Decodes, or returns undefined when the codec rejects the bytes. */
export function tryDecode<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isCodecError(e)) return undefined;
    throw e;
  }
}
