/**
 * The OMS, meter and house codecs as network-server scripts: each bundled alone into an IIFE,
 * lowered to ES5 by the TypeScript compiler, parsed as ES5 by acorn, checked for post-ES5
 * built-ins, then run in QuickJS on its codecs.json vectors or worked examples. (A stand-in for
 * the project's script build, with the same constraints.)
 */
import { build } from 'esbuild';
import * as acorn from 'acorn';
import { getQuickJS } from 'quickjs-emscripten';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { codecIdOf, loadVectors, ROOT, type CodecVector } from '../../vectors.js';

/** [module path, export name]. */
const CODECS: [string, string][] = [
  ['codecs/formats/oms/index.ts', 'omsCodec'],
  ['codecs/vendors/sensus/index.ts', 'iperlCodec'],
  ['codecs/vendors/kamstrup/index.ts', 'flowIq2200Codec'],
  ['codecs/vendors/axioma/index.ts', 'qalcosonicW1Codec'],
  ['codecs/vendors/arad/index.ts', 'sonataCodec'],
  ['codecs/house/index.ts', 'waterMeterCodec'],
  ['codecs/house/index.ts', 'lightingCodec'],
  ['codecs/house/index.ts', 'hvacCodec'],
  ['codecs/house/index.ts', 'airQualityCodec'],
  ['codecs/house/index.ts', 'wasteCodec'],
];

const POST_ES5 = new RegExp(['Object\\.assign', 'Array\\.from', '\\.padStart',
  'Number\\.isInteger', 'Math\\.(trunc|fround|sign)\\b', '\\bnew (Map|Set)\\b', '\\bSymbol\\b',
  'Uint8Array', 'DataView', 'TextDecoder', '\\bBuffer\\b'].join('|'));

async function script(path: string, name: string): Promise<string> {
  const out = await build({
    stdin: { contents: `export { ${name} as codec } from './${path}';`, resolveDir: ROOT,
      loader: 'ts' },
    bundle: true, format: 'iife', globalName: 'lib', target: 'es2015', write: false,
    logLevel: 'silent',
  });
  return ts.transpileModule(out.outputFiles[0]!.text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None },
  }).outputText;
}

describe('ES5 scripts', () => {
  const vectors = loadVectors<CodecVector[]>('codecs.json');
  for (const [path, name] of CODECS) {
    it(`${name} is ES5 and decodes in QuickJS`, async () => {
      const src = await script(path, name);
      expect(() => acorn.parse(src, { ecmaVersion: 5 })).not.toThrow();
      expect(src).not.toMatch(POST_ES5);
      const QuickJS = await getQuickJS();
      const vm = QuickJS.newContext();
      try {
        const id = vm.unwrapResult(vm.evalCode(src + ';lib.codec.id')).consume(vm.dump);
        const cases: { hex: string; fPort: number; recvTime?: string; want: unknown }[] = [];
        for (const v of vectors) {
          if (codecIdOf(v) === id && (v.expectedErrors ?? []).length === 0) {
            cases.push({ hex: v.bytesHex, fPort: v.fPort ?? 1,
              recvTime: v.recvTime ?? v.inputTime, want: v.expected });
          }
        }
        const defExamples = vm.unwrapResult(vm.evalCode('JSON.stringify(lib.codec.examples)'))
          .consume(vm.dump) as string;
        for (const ex of JSON.parse(defExamples) as { operation: string; bytesHex: string;
          fPort: number; data: unknown }[]) {
          if (ex.operation === 'decodeUplink') {
            cases.push({ hex: ex.bytesHex, fPort: ex.fPort, want: ex.data });
          }
        }
        if (name === 'omsCodec') {
          const v = vectors.find((x) => x.id === 'water-03')!;
          cases.push({ hex: v.bytesHex, fPort: 20, want: undefined });
        }
        expect(cases.length).toBeGreaterThan(0);
        for (const c of cases) {
          const call = `(function () { var h = ${JSON.stringify(c.hex)}, b = [];
            for (var i = 0; i < h.length; i += 2) b.push(parseInt(h.substr(i, 2), 16));
            var t = ${JSON.stringify(c.recvTime ?? null)};
            return JSON.stringify(lib.codec.decodeUplink({ bytes: b, fPort: ${c.fPort},
              recvTime: t ? new Date(t) : undefined, variables: {} }).data); })()`;
          const got = JSON.parse(vm.unwrapResult(vm.evalCode(call)).consume(vm.dump) as string);
          if (c.want !== undefined) expect(got).toEqual(c.want);
        }
      } finally {
        vm.dispose();
      }
    });
  }
});
