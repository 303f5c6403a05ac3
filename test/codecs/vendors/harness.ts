/**
 * Shared checks for vendor codec tests: the shared codecs.json vectors and each definition's
 * own examples, run through the definition as the TS013 wrapper will call it, and totality on
 * arbitrary bytes.
 */
import { expect, test as vitest } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fromHex, toHex } from '../../../codecs/framework/bytes.js';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import type { CodecDefinition, CodecExample } from '../../../codecs/framework/types.js';
import { type CodecVector, codecIdOf, loadVectors } from '../../vectors.js';

/** The message of what `f` throws (a CodecError), or undefined when it returns. */
export function thrownMessage(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (!isCodecError(e)) throw e;
    return e.message;
  }
  return undefined;
}

function byId(codecs: CodecDefinition[], id: string): CodecDefinition {
  const def = codecs.find((c) => c.id === id);
  if (def === undefined) throw new Error(`no codec ${id}`);
  return def;
}

/** Runs every codecs.json entry whose device belongs to `codecs`, one test per vector id. */
export function codecsJsonVectors(codecs: CodecDefinition[], minimum: number): void {
  const ids = codecs.map((c) => c.id);
  const vectors = loadVectors<CodecVector[]>('codecs.json').filter((v) =>
    ids.indexOf(codecIdOf(v)) >= 0);

  vitest(`codecs.json holds at least ${minimum} vectors for these devices`, () => {
    expect(vectors.length).toBeGreaterThanOrEqual(minimum);
  });

  for (const v of vectors) {
    vitest(`${v.id}: ${v.operation} ${codecIdOf(v)}`, () => {
      const def = byId(codecs, codecIdOf(v));
      const fPort = v.inputFPort !== undefined ? v.inputFPort : v.fPort!;
      const when = v.recvTime !== undefined ? v.recvTime : v.inputTime;
      const recvTime = when === undefined ? undefined : new Date(when);
      const bytes = fromHex(v.bytesHex, 'vector');
      if (v.operation === 'encodeDownlink') {
        const out = def.encodeDownlink!({ data: v.expected, variables: {} });
        expect(toHex(out.bytes)).toBe(v.bytesHex.toLowerCase());
        if (v.fPort !== null) expect(out.fPort).toBe(v.fPort);
        return;
      }
      const run = (): unknown => v.operation === 'decodeUplink'
        ? def.decodeUplink({ bytes, fPort, recvTime, variables: {} })
        : def.decodeDownlink!({ bytes, fPort, recvTime, variables: {} });
      if (v.expectedErrors !== undefined && v.expectedErrors.length > 0) {
        expect(thrownMessage(run)).toBe(v.expectedErrors[0]);
        return;
      }
      const out = run() as { data: unknown; warnings?: string[] };
      expect(out.data).toEqual(v.expected);
      if (v.expectedWarnings !== undefined) expect(out.warnings || []).toEqual(v.expectedWarnings);
    });
  }
}

/** Checks each definition's own examples. */
export function definitionExamples(codecs: CodecDefinition[]): void {
  for (const def of codecs) {
    def.examples.forEach((ex: CodecExample, i) => {
      vitest(`${def.id} example ${i}: ${ex.description}`, () => {
        expect(ex.source.length).toBeGreaterThan(0);
        if (ex.operation === 'encodeDownlink') {
          expect(toHex(def.encodeDownlink!({ data: ex.data, variables: {} }).bytes))
            .toBe(ex.bytesHex);
          return;
        }
        const input = {
          bytes: fromHex(ex.bytesHex, 'example'), fPort: ex.fPort, variables: {},
          recvTime: ex.recvTime === undefined ? undefined : new Date(ex.recvTime),
        };
        const out = ex.operation === 'decodeUplink'
          ? def.decodeUplink(input) : def.decodeDownlink!(input);
        expect(out.data).toEqual(ex.data);
        if (ex.warnings !== undefined) expect(out.warnings).toEqual(ex.warnings);
      });
    });
  }
}

/** Decoders return or throw a CodecError on any bytes and port, nothing else. */
export function totality(codecs: CodecDefinition[]): void {
  for (const def of codecs) {
    test.prop([fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 255 })], {
      numRuns: 400,
    })(`${def.id}: decoders are total on arbitrary bytes`, (raw, fPort) => {
      const bytes = Array.from(raw);
      for (const f of [def.decodeUplink, def.decodeDownlink]) {
        if (f === undefined) continue;
        try {
          const out = f({ bytes, fPort, recvTime: new Date(1700000000000), variables: {} });
          expect(typeof out.data).toBe('object');
          JSON.stringify(out.data);
        } catch (e) {
          expect(isCodecError(e)).toBe(true);
        }
      }
    });
  }
}

/** Checks static parts of a definition: ports, schemas, message types. */
export function definitionShape(codecs: CodecDefinition[]): void {
  for (const def of codecs) {
    vitest(`${def.id}: declares schemas, message types and ports`, () => {
      expect(def.uplinkSchema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      expect(def.downlinkSchema!['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      expect(def.messageTypes.some((m) => m.direction === 'uplink')).toBe(true);
      expect(def.messageTypes.some((m) => m.direction === 'downlink')).toBe(true);
      expect(def.uplinkFPorts.length).toBeGreaterThan(0);
      expect(def.examples.length).toBeGreaterThan(0);
    });
  }
}
