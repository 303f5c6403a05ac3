/**
 * The NAS codecs as network-server scripts: each bundled alone into an IIFE, lowered to ES5 by
 * the TypeScript compiler, parsed as ES5, checked for post-ES5 built-ins, then both pasted
 * into one QuickJS script where every shared vector and example (both directions) gives the
 * same result as in Node. (A stand-in for the project's script build, with its constraints.)
 */
import { build } from 'esbuild';
import * as acorn from 'acorn';
import { getQuickJS } from 'quickjs-emscripten';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cm30xxCodec } from '../../../codecs/vendors/nas/cm30xx.js';
import { ul20xxCodec } from '../../../codecs/vendors/nas/ul20xx.js';
import { um30xxCodec } from '../../../codecs/vendors/nas/um30xx.js';
import { type CodecVector, ROOT, codecIdOf, loadVectors } from '../../vectors.js';
import { schemaErrors } from './schema-check.js';

const CODECS: Array<[string, string, string]> = [
  ['nas/ul20xx', 'ul20xxCodec', 'nas/ul20xx'],
  ['nas/cm30xx', 'cm30xxCodec', 'nas/cm30xx'],
  ['nas/um30xx', 'um30xxCodec', 'nas/um30xx'],
];

const FORBIDDEN = new RegExp([
  'Object\\.assign', 'Array\\.from', '\\.padStart', 'Number\\.isInteger',
  'Math\\.(trunc|fround|sign|log10)\\b', '\\bnew (Map|Set)\\b', '\\bSymbol\\b', 'Uint8Array',
  'DataView', 'TextDecoder', '\\bBuffer\\b',
].join('|'));

async function es5Script(exportName: string, path: string, globalName: string): Promise<string> {
  const out = await build({
    stdin: { contents: `export { ${exportName} as codec } from './codecs/vendors/${path}.ts';`,
      resolveDir: ROOT, loader: 'ts' },
    bundle: true, format: 'iife', globalName, target: 'es2015', write: false, logLevel: 'silent',
  });
  return ts.transpileModule(out.outputFiles[0]!.text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None },
  }).outputText;
}

describe('NAS codecs as ES5 scripts in QuickJS', () => {
  it('are ES5 without later built-ins and give Node\'s results side by side', async () => {
    const scripts: string[] = [];
    for (let i = 0; i < CODECS.length; i++) {
      const src = await es5Script(CODECS[i]![1], CODECS[i]![2], `codec${i}`);
      expect(() => acorn.parse(src, { ecmaVersion: 5 })).not.toThrow();
      expect(src).not.toMatch(FORBIDDEN);
      scripts.push(src);
    }
    const defs = [ul20xxCodec, cm30xxCodec, um30xxCodec];
    const cases: { idx: number; op: string; input: string }[] = [];
    for (const v of loadVectors<CodecVector[]>('codecs.json')) {
      const idx = CODECS.findIndex((c) => c[0] === codecIdOf(v));
      if (idx < 0 || v.operation === 'encodeDownlink') continue;
      const bytes = JSON.stringify((v.bytesHex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
      cases.push({ idx, op: v.operation,
        input: `{ bytes: ${bytes}, fPort: ${v.inputFPort ?? v.fPort}, variables: {} }` });
    }
    defs.forEach((d, idx) => d.examples.forEach((ex) => {
      if (ex.operation === 'encodeDownlink') {
        cases.push({ idx, op: 'encodeDownlink',
          input: `{ data: ${JSON.stringify(ex.data)}, variables: {} }` });
      } else {
        const bytes = JSON.stringify((ex.bytesHex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
        cases.push({ idx, op: ex.operation,
          input: `{ bytes: ${bytes}, fPort: ${ex.fPort}, variables: {} }` });
      }
    }));
    expect(cases.length).toBeGreaterThan(0);
    // A thrown CodecError becomes { error: message } on both sides.
    const calls = cases.map((c) => `(function () { try { return codec${c.idx}.codec.${c.op}(` +
      `${c.input}); } catch (e) { return { error: e.message }; } })()`);
    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    try {
      const src = scripts.join('\n;\n') + `\n;JSON.stringify([${calls.join(',\n')}]);`;
      const handle = vm.unwrapResult(vm.evalCode(src));
      const got = JSON.parse(vm.dump(handle) as string) as unknown[];
      handle.dispose();
      // eslint-disable-next-line no-new-func
      const inNode = cases.map((c) => {
        try {
          return JSON.parse(JSON.stringify(
            (defs[c.idx] as unknown as Record<string, (x: unknown) => unknown>)[c.op]!(
              new Function(`return ${c.input};`)())));
        } catch (e) {
          return { error: (e as { message: string }).message };
        }
      });
      expect(got).toEqual(inNode);
      expect(got.length).toBeGreaterThanOrEqual(20);
    } finally {
      vm.dispose();
    }
  });

  it('decoded examples and vectors conform to the declared schemas', () => {
    const defs = [ul20xxCodec, cm30xxCodec, um30xxCodec];
    // The checker does reject what the schemas leave out.
    expect(schemaErrors(ul20xxCodec.uplinkSchema, { packet_type: 'status_packet', x: 1 }))
      .not.toEqual([]);
    for (const v of loadVectors<CodecVector[]>('codecs.json')) {
      const def = defs.find((d) => d.id === codecIdOf(v));
      if (def === undefined || v.operation === 'encodeDownlink') continue;
      const schema = v.operation === 'decodeUplink' ? def.uplinkSchema : def.downlinkSchema!;
      expect([v.id, schemaErrors(schema, v.expected)]).toEqual([v.id, []]);
    }
    for (const def of defs) {
      for (const ex of def.examples) {
        const schema = ex.operation === 'decodeUplink' ? def.uplinkSchema : def.downlinkSchema!;
        expect([ex.description, schemaErrors(schema, ex.data)]).toEqual([ex.description, []]);
      }
    }
  });
});
