/**
 * The built simulator bundle runs inside QuickJS (no Node APIs): a device lives a day in the
 * engine and its trace validates clean there. Needs `dist/` (npm test builds it first);
 * skipped otherwise. The expected figures come from the same run in Node, an oracle for the
 * bundle's determinism across engines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQuickJS } from 'quickjs-emscripten';
import { describe, expect, it } from 'vitest';
import { EU868 } from '../../src/region/index.js';
import { ClassADevice } from '../../simulator/device/index.js';
import { Engine } from '../../simulator/engine/index.js';
import { ROOT } from '../vectors.js';

const SIM = join(ROOT, 'dist', 'simulator', 'index.cjs');
const CORE = join(ROOT, 'dist', 'index.cjs');

describe('simulator bundle in QuickJS', () => {
  const built = existsSync(SIM) && existsSync(CORE);
  it.skipIf(!built)('runs a device-day, same trace as Node', async () => {
    const key = Array.from({ length: 16 }, (_, i) => i);
    const script = (sim: string, core: string): string =>
      `var S = ${sim}; var C = ${core};\n` +
      '(function () {' +
      ' var engine = new S.Engine({ seed: 9 });' +
      ` var k = new Uint8Array(${JSON.stringify(key)});` +
      ' var d = new S.ClassADevice({ engine: engine, region: C.EU868, dr: 5,' +
      '  activation: { mode: "abp", devAddr: 0x26011bda, nwkSKey: k, appSKey: k },' +
      '  codec: { encodeUplink: function (i) { return { bytes: [i.data & 255], fPort: 1 }; } },' +
      '  schedule: { periodMs: 600000, data: function (i) { return i; } } });' +
      ' d.start(); engine.run({ untilMs: 86400000 });' +
      ' var text = d.trace.map(function (l) { return JSON.stringify(l); }).join("\\n");' +
      ' var r = S.validateTrace(S.parseTrace(text), { region: C.EU868,' +
      '  keys: { nwkSKey: k, appSKey: k } });' +
      ' return [d.trace.length, r.violations.length, r.summary.micOk,' +
      '  d.trace[d.trace.length - 1].phyPayload];' +
      '})()';
    const wrap = (file: string): string =>
      '(function () { var module = { exports: {} }; var exports = module.exports;\n' +
      readFileSync(file, 'utf8') +
      '\nreturn module.exports; })()';

    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    let got: unknown;
    try {
      const result = vm.unwrapResult(vm.evalCode(script(wrap(SIM), wrap(CORE))));
      got = vm.dump(result);
      result.dispose();
    } finally {
      vm.dispose();
    }

    const engine = new Engine({ seed: 9 });
    const k = Uint8Array.from(key);
    const d = new ClassADevice({
      engine, region: EU868, dr: 5,
      activation: { mode: 'abp', devAddr: 0x26011bda, nwkSKey: k, appSKey: k },
      codec: { encodeUplink: (i) => ({ bytes: [Number(i.data) & 255], fPort: 1 }) },
      schedule: { periodMs: 600_000, data: (i) => i },
    });
    d.start();
    engine.run({ untilMs: 86_400_000 });
    const n = d.trace.length;
    expect(got).toEqual([n, 0, n, d.trace[n - 1]!.phyPayload]);
  });
});
