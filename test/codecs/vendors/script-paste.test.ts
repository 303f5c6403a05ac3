/**
 * The Watteco, Adeunis and Elsys codecs lowered to ES5 and pasted into one QuickJS script,
 * side by side: each decodes its vendor examples there as it does in Node, so no helper
 * clashes and no ES2015+ built-in is needed at run time. (The project's own script build is
 * another helper's; this bundles with esbuild and lowers with TypeScript just for the check.)
 */
import { describe, expect, test } from 'vitest';
import { build } from 'esbuild';
import ts from 'typescript';
import { getQuickJS } from 'quickjs-emscripten';
import { resolve } from 'node:path';
import { ROOT } from '../../vectors.js';

const VENDORS = ['watteco', 'adeunis', 'elsys'];

async function es5Bundle(vendor: string): Promise<string> {
  const r = await build({
    entryPoints: [resolve(ROOT, `codecs/vendors/${vendor}/index.ts`)], bundle: true,
    write: false, format: 'iife', globalName: `${vendor}Lib`, target: 'es2017',
  });
  return ts.transpileModule(r.outputFiles[0]!.text,
    { compilerOptions: { target: ts.ScriptTarget.ES5 } }).outputText;
}

describe('one script, three vendors, QuickJS', () => {
  test('every decodeUplink example gives the same data in QuickJS', async () => {
    const parts = await Promise.all(VENDORS.map(es5Bundle));
    const script = parts.join('\n;\n');
    for (const builtIn of ['Object.assign(', 'Array.from(', '.padStart(', 'Number.isInteger(',
      'Math.trunc(', 'new Map(', 'new Set(']) {
      expect(script.indexOf(builtIn)).toBe(-1);
    }
    const lists = VENDORS.map((v) => `${v}Lib.${v}Codecs`).join(', ');
    const runner = `
      var results = [];
      var lists = [${lists}];
      for (var l = 0; l < lists.length; l++) {
        for (var i = 0; i < lists[l].length; i++) {
          var d = lists[l][i];
          for (var j = 0; j < d.examples.length; j++) {
            var ex = d.examples[j];
            if (ex.operation !== 'decodeUplink') continue;
            var b = [];
            for (var k = 0; k < ex.bytesHex.length; k += 2) {
              b.push(parseInt(ex.bytesHex.substr(k, 2), 16));
            }
            var out = d.decodeUplink({ bytes: b, fPort: ex.fPort, variables: {},
              recvTime: ex.recvTime ? new Date(ex.recvTime) : undefined });
            results.push({ id: d.id, n: j, data: out.data, expected: ex.data });
          }
        }
      }
      JSON.stringify(results);`;
    const qjs = await getQuickJS();
    const ctx = qjs.newContext();
    try {
      const res = ctx.evalCode(script + '\n;\n' + runner);
      if (res.error) {
        const err = ctx.dump(res.error);
        res.error.dispose();
        throw new Error(`QuickJS: ${JSON.stringify(err)}`);
      }
      const results = JSON.parse(ctx.dump(res.value) as string) as
        { id: string; n: number; data: unknown; expected: unknown }[];
      res.value.dispose();
      expect(results.length).toBeGreaterThanOrEqual(12);
      for (const r of results) expect({ id: r.id, n: r.n, data: r.data }).toEqual(
        { id: r.id, n: r.n, data: r.expected });
    } finally {
      ctx.dispose();
    }
  });
});
