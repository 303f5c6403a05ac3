/**
 * The built scripts (`loire codec build`, from the bodies `npm run build` puts in
 * dist/codec-scripts) give exactly what the library gives, in QuickJS and in an ES5-only
 * node:vm context, for every example, every shared vector and arbitrary bytes; they parse as ES5
 * and stay under 40,960 bytes. Generic over the registry. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as acorn from 'acorn';
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCodecScript, isOversizeCodec } from '../../../cli/commands/codec.js';
import { MAX_SCRIPT_BYTES, SCRIPT_TARGETS, TARGET_STYLES } from '../../../cli/codec-script.js';
import { bindTs013, getCodec, listCodecs, type CodecDefinition } from '../../../codecs/index.js';
import { ROOT } from '../../vectors.js';
import { allCases } from './cases.js';
import {
  es5VmEngine,
  inputToJs,
  quickJsEngine,
  type LoadedScript,
  type ScriptEngine,
} from './engines.js';

const built = existsSync(resolve(ROOT, 'dist', 'codec-scripts', 'index.json'));
const cases = allCases();

let quickJs: ScriptEngine;
const engines: ScriptEngine[] = [];
beforeAll(async () => {
  quickJs = await quickJsEngine();
  engines.push(quickJs, es5VmEngine());
});
afterAll(() => quickJs?.dispose());

/** The style a script for `target` prints by default, as `loire codec build` picks it. */
function scriptStyle(codec: CodecDefinition, target: (typeof SCRIPT_TARGETS)[number]) {
  const names = (codec.styles ?? []).map((s) => s.name);
  if (names.length === 0) return undefined;
  return names.includes(TARGET_STYLES[target]) ? TARGET_STYLES[target] : names[0];
}

test('codec scripts are built (run `npm run build` before this file)', () => {
  expect(built).toBe(true);
});

// Codecs too large for a network-server script (recorded by the build) are refused by name.
const oversize = built ? listCodecs().filter((c) => isOversizeCodec(c.id)).map((c) => c.id) : [];

describe.runIf(built && oversize.length > 0)('codecs over the script size limit', () => {
  test.each(oversize)('%s: loire codec build refuses it with TOO_LARGE', (id) => {
    expect(() => buildCodecScript(getCodec(id)!, 'chirpstack')).toThrowError(
      new RegExp(`${id}: the codec is \\d+ bytes even minified, over the 40960-byte limit`),
    );
  });
});

const scripted = listCodecs().filter((c) => !oversize.includes(c.id));

describe.runIf(built).each(scripted.map((c) => [c.id] as const))('%s scripts', (id) => {
  const codec = getCodec(id)!;
  const own = cases.filter((c) => c.codecId === id);

  describe.each(SCRIPT_TARGETS.map((t) => [t] as const))('target %s', (target) => {
    const script = buildCodecScript(codec, target);
    const style = scriptStyle(codec, target);
    const library = bindTs013(codec, {
      ...(style === undefined ? {} : { variables: { style } }),
      ...(target === 'tts' ? { normalized: 'tts' as const } : {}),
    });

    test('parses as ES5, has no module syntax and is under 40,960 bytes', () => {
      expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
      expect(Buffer.byteLength(script)).toBeLessThanOrEqual(MAX_SCRIPT_BYTES);
      expect(script).not.toMatch(/\brequire\s*\(/);
    });

    test('defines the TS013 entry points as plain global functions', () => {
      for (const engine of engines) {
        const loaded = engine.load(script);
        const kinds = loaded.call('(function () { return [typeof decodeUplink, ' +
          'typeof encodeDownlink, typeof decodeDownlink, typeof normalizeUplink]; })', '');
        const normalize = target === 'tts' && codec.normalizeUplink ? 'function' : 'undefined';
        expect(kinds).toEqual(['function', 'function', 'function', normalize]);
        loaded.dispose();
      }
    });

    // One loaded script per engine for the cases, as a server keeps one context per codec.
    const shared = new Map<ScriptEngine, LoadedScript>();
    const loadedIn = (engine: ScriptEngine): LoadedScript => {
      if (!shared.has(engine)) shared.set(engine, engine.load(script));
      return shared.get(engine)!;
    };
    afterAll(() => {
      for (const l of shared.values()) l.dispose();
    });

    test.each(own.map((c) => [c.label, c] as const))('%s: same result as the library', (_, c) => {
      const expected = JSON.stringify(library[c.operation](c.input as never));
      for (const engine of engines) {
        // The JSON text must match, key order included (field order is part of the output).
        const got = loadedIn(engine).call(c.operation, inputToJs(c.input));
        expect(JSON.stringify(got), engine.name).toBe(expected);
      }
    });

    test('arbitrary bytes on any fPort: same result as the library', () => {
      const loaded = engines.map((e) => ({ engine: e, script: e.load(script) }));
      try {
        fc.assert(
          fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 223 }),
            (b, p) => {
            const input = { bytes: Array.from(b), fPort: p, recvTime: '2024-01-01T00:00:00.000Z' };
            const expected = JSON.stringify(library.decodeUplink(input));
            for (const l of loaded) {
              const got = l.script.call('decodeUplink', inputToJs(input));
              expect(JSON.stringify(got), l.engine.name).toBe(expected);
            }
          }),
          { numRuns: 40 },
        );
      } finally {
        for (const l of loaded) l.script.dispose();
      }
    });
  });
});
