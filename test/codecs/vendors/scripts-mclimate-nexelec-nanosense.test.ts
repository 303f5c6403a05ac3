/**
 * The MClimate, Nexelec and NanoSense codecs as network-server scripts: each vendor bundled
 * into its own IIFE and lowered to ES5 (TypeScript compiler, then parsed as ES5), the three
 * pasted into one QuickJS script (they must not clash through globals), and the codec
 * sources type-checked against the ES5 library only (no ES2015+ built-ins at run time).
 */
import { describe, expect, it } from 'vitest';
import { buildSync } from 'esbuild';
import { getQuickJS } from 'quickjs-emscripten';
import ts from 'typescript';
import * as acorn from 'acorn';
import { resolve } from 'node:path';
import { ROOT } from '../../vectors.js';

const ENTRIES = ['mclimate', 'nexelec', 'nanosense'].map((v) =>
  resolve(ROOT, 'codecs', 'vendors', v, 'index.ts'));

/** Bundles one vendor into an IIFE, lowers it to ES5 and checks that it parses as ES5. */
function iife(entry: string, name: string): string {
  const out = buildSync({
    entryPoints: [entry], bundle: true, format: 'iife', globalName: name, write: false,
    target: 'es2020', logLevel: 'silent',
  });
  const es5 = ts.transpileModule(out.outputFiles[0]!.text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None },
  }).outputText;
  acorn.parse(es5, { ecmaVersion: 5 });
  return es5;
}

describe('codec scripts', () => {
  it('use no ES2015+ built-ins (type-checked against lib ES5)', () => {
    const program = ts.createProgram(ENTRIES, {
      noEmit: true, target: ts.ScriptTarget.ES5, lib: ['lib.es5.d.ts'], strict: true,
      module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
      noUncheckedIndexedAccess: true, skipLibCheck: true, types: [],
    });
    const diags = ts.getPreEmitDiagnostics(program).map((d) =>
      ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diags).toEqual([]);
  }, 60000);

  it('run side by side in one QuickJS script without clashing', async () => {
    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    try {
      const script = [
        iife(ENTRIES[0]!, 'mc'), iife(ENTRIES[1]!, 'nx'), iife(ENTRIES[2]!, 'ns'),
        `JSON.stringify([
          mc.vicki.decodeUplink({ bytes: [1,29,90,120,250,44,1,240,128], fPort: 1,
            variables: {} }).data,
          nx.airPlus.decodeUplink({ bytes: [174,2,150,53,39,215,0], fPort: 1,
            variables: {} }).data,
          ns.ep5000.encodeDownlink({ data: { transmissionInterval: 30 }, variables: {} }).bytes,
          mc.co2Sensor.decodeUplink({ bytes: [1,2,113,2,115,132,237], fPort: 2,
            variables: {} }).data
        ])`,
      ].join(';\n');
      const handle = vm.unwrapResult(vm.evalCode(script));
      const out = JSON.parse(vm.getString(handle));
      handle.dispose();
      expect(out[0].sensorTemperature).toBe(18.01);
      expect(out[1].coConcentration).toEqual({ value: 600, unit: 'ppm' });
      expect(out[2]).toEqual([1, 0, 30]);
      expect(out[3]).toEqual({ co2: 625, temperature: 22.7, humidity: 51.56, battery: 3.5 });
    } finally {
      vm.dispose();
    }
  });
});
