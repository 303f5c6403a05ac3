/**
 * Operators paste several codecs into one script (a shared ChirpStack device profile, a test
 * bench). Users of other decoders reported codecs that break then because their helpers share
 * names. Every built ChirpStack script is pasted into ONE context here, in QuickJS and in the
 * ES5-only node:vm context: each codec, reached through its own `loire_<vendor>_<model>`
 * variable, must still give exactly what the library gives for its examples.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCodecScript, isOversizeCodec } from '../../../cli/commands/codec.js';
import { scriptVariableName } from '../../../cli/codec-script.js';
import { bindTs013, getCodec, listCodecs } from '../../../codecs/index.js';
import { ROOT } from '../../vectors.js';
import { allCases } from './cases.js';
import { es5VmEngine, inputToJs, quickJsEngine, type ScriptEngine } from './engines.js';

const built = existsSync(resolve(ROOT, 'dist', 'codec-scripts', 'index.json'));
const ids = built
  ? listCodecs().map((c) => c.id).filter((id) => !isOversizeCodec(id))
  : [];
const engines: ScriptEngine[] = [];

beforeAll(async () => {
  engines.push(await quickJsEngine(), es5VmEngine());
});
afterAll(() => engines.forEach((e) => e.dispose()));

describe.runIf(built)('all codecs pasted into one script', () => {
  test('every codec keeps its own behaviour next to all the others', () => {
    const script = ids.map((id) => buildCodecScript(getCodec(id)!, 'chirpstack')).join('\n');
    const uplinks = allCases().filter((c) => c.operation === 'decodeUplink');
    for (const engine of engines) {
      const loaded = engine.load(script);
      let checked = 0;
      for (const id of ids) {
        const codec = getCodec(id)!;
        const style = (codec.styles ?? []).some((s) => s.name === 'chirpstack')
          ? { style: 'chirpstack' }
          : {};
        for (const c of uplinks.filter((u) => u.codecId === id).slice(0, 3)) {
          const variables = { ...style, ...((c.input['variables'] as object) ?? {}) };
          const input = { ...c.input, variables };
          const expected = JSON.parse(
            JSON.stringify(bindTs013(codec).decodeUplink(input as never)),
          ) as unknown;
          const got = loaded.call(`${scriptVariableName(id)}.decodeUplink`, inputToJs(input));
          expect(got, `${engine.name} ${id} ${c.label}`).toEqual(expected);
          checked++;
        }
      }
      loaded.dispose();
      expect(checked).toBeGreaterThan(ids.length);
    }
  });
});
