/**
 * The built CommonJS bundle decodes a frame inside QuickJS (no Node APIs, as in ChirpStack's
 * and other embedded JS engines). Needs `dist/` (npm test builds it first); skipped otherwise.
 * Expected fields come from the lora-packet vector lp-decode-data-up of mac.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQuickJS } from 'quickjs-emscripten';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../vectors.js';
import { vectorsOfKind } from './_helpers.js';

const BUNDLE = join(ROOT, 'dist', 'index.cjs');

describe('dist bundle in QuickJS', () => {
  it.skipIf(!existsSync(BUNDLE))('decodePhyPayload runs and agrees with the vector', async () => {
    const v = vectorsOfKind('phypayload-decode').find((x) => x.id === 'lp-decode-data-up')!;
    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    try {
      const src =
        'var module = { exports: {} }; var exports = module.exports;\n' +
        readFileSync(BUNDLE, 'utf8') +
        '\n;(function (m) {' +
        `var f = m.decodePhyPayload(m.hexToBytes(${JSON.stringify(v.inputs.phypayload)}));` +
        'return [m.devAddrToHex(f.fhdr.devAddr), f.fhdr.fCnt, f.fPort,' +
        ' m.bytesToHex(f.frmPayload), m.bytesToHex(f.mic)];' +
        '})(module.exports)';
      const result = vm.unwrapResult(vm.evalCode(src));
      const got = vm.dump(result);
      result.dispose();
      const e = v.expected;
      expect(got).toEqual([e.devAddr, e.fCnt, e.fPort, e.frmPayload, e.mic]);
    } finally {
      vm.dispose();
    }
  });
});
