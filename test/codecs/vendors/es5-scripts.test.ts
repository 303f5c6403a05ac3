/**
 * The Milesight and Dingtek codecs as network-server scripts: each bundled alone into an IIFE,
 * lowered to ES5 by the TypeScript compiler, checked to be ES5 syntax without post-ES5
 * built-ins, then all pasted into one QuickJS script, where every shared example still decodes.
 * This catches helpers that clash between codecs and built-ins ES5 engines lack. (The project's
 * own script build is another helper's; this is a stand-in with the same constraints.)
 */
import { build } from 'esbuild';
import * as acorn from 'acorn';
import { getQuickJS } from 'quickjs-emscripten';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type CodecVector, ROOT, codecIdOf, loadVectors } from '../../vectors.js';

const CODECS: Array<[string, string, string]> = [
  ['milesight/em300-di', 'em300Di', 'milesight/em300-di'],
  ['milesight/ws558', 'ws558', 'milesight/ws558'],
  ['milesight/wt101', 'wt101', 'milesight/wt101'],
  ['milesight/am307', 'am307', 'milesight/am307'],
  ['milesight/am319-hcho', 'am319Hcho', 'milesight/am319-hcho'],
  ['milesight/em310-udl', 'em310Udl', 'milesight/em310-udl'],
  ['milesight/em400-mud', 'em400Mud', 'milesight/em400-mud'],
  ['dingtek/df702', 'df702', 'dingtek/df702'],
  ['dingtek/df703', 'df703', 'dingtek/df703'],
];

const FORBIDDEN = new RegExp(
  [
    'Object\\.assign',
    'Array\\.from',
    '\\.padStart',
    'Number\\.isInteger',
    'Math\\.(trunc|fround|sign)\\b',
    '\\bnew (Map|Set)\\b',
    '\\bSymbol\\b',
    'Uint8Array',
    'DataView',
    'TextDecoder',
    '\\bBuffer\\b',
  ].join('|'),
);

async function es5Script(exportName: string, path: string, globalName: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: `export { ${exportName} as codec } from './codecs/vendors/${path}.ts';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2015',
    write: false,
    logLevel: 'silent',
  });
  return ts.transpileModule(out.outputFiles[0]!.text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None },
  }).outputText;
}

describe('codecs as ES5 scripts in QuickJS', () => {
  it('are ES5 without later built-ins and decode the examples side by side', async () => {
    const scripts: string[] = [];
    for (let i = 0; i < CODECS.length; i++) {
      const [, name, path] = CODECS[i]!;
      const src = await es5Script(name, path, `codec${i}`);
      expect(() => acorn.parse(src, { ecmaVersion: 5 })).not.toThrow();
      expect(src).not.toMatch(FORBIDDEN);
      scripts.push(src);
    }

    const vectors = loadVectors<CodecVector[]>('codecs.json').filter(
      (v) => v.operation === 'decodeUplink' && CODECS.some((c) => c[0] === codecIdOf(v)),
    );
    const calls = vectors.map((v) => {
      const idx = CODECS.findIndex((c) => c[0] === codecIdOf(v));
      const bytes = JSON.stringify((v.bytesHex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
      const port = v.inputFPort ?? v.fPort ?? 85;
      const input = `{ bytes: ${bytes}, fPort: ${port}, variables: {} }`;
      return `codec${idx}.codec.decodeUplink(${input}).data`;
    });
    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    try {
      const src = scripts.join('\n;\n') + `\n;JSON.stringify([${calls.join(',\n')}]);`;
      const handle = vm.unwrapResult(vm.evalCode(src));
      const got = JSON.parse(vm.dump(handle) as string) as unknown[];
      handle.dispose();
      // lighting-02's vendor example contradicts the vendor decoder (see milesight.test.ts).
      const expected = vectors.map((v) =>
        v.id === 'lighting-02' ? { active_power: 1 } : v.expected,
      );
      expect(got).toEqual(expected);
      expect(got.length).toBeGreaterThan(10);
    } finally {
      vm.dispose();
    }
  });
});
