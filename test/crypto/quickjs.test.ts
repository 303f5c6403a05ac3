/**
 * The crypto layer must run where there is no platform crypto: bundle `src/crypto` alone with
 * esbuild and run known answers inside QuickJS (the engine of ChirpStack's codec runtime).
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { getQuickJS } from 'quickjs-emscripten';
import { ROOT } from '../vectors.js';

describe('crypto in QuickJS', () => {
  it('RFC 4493 example 3 CMAC and the lp-mic-data-up-1 MIC, computed inside QuickJS', async () => {
    const bundle = await build({
      entryPoints: [`${ROOT}/src/crypto/index.ts`],
      bundle: true,
      format: 'iife',
      globalName: 'loireCrypto',
      target: 'es2020',
      platform: 'neutral',
      write: false,
    });
    const code = bundle.outputFiles[0]!.text;
    expect(code).not.toMatch(/require\(|node:/);
    const qjs = await getQuickJS();
    const vm = qjs.newContext();
    try {
      const script = `${code}
        const h = (s) => new Uint8Array(s.match(/../g).map((x) => parseInt(x, 16)));
        const x = (b) => Array.from(b, (v) => v.toString(16).padStart(2, '0')).join('');
        const tag = loireCrypto.cmac(h('2b7e151628aed2a6abf7158809cf4f3c'),
          h('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411'));
        const frame = h('40f17dbe4900020001954378762b11ff0d');
        const mic = loireCrypto.computeUplinkMic10(h('44024241ed4ce9a68c6a8bc055233fd3'),
          { devAddr: 0x49be7df1, fCnt: 2, message: frame.subarray(0, frame.length - 4) });
        x(tag) + ' ' + x(mic);`;
      const result = vm.unwrapResult(vm.evalCode(script));
      const text = vm.getString(result);
      result.dispose();
      // RFC 4493 §4 example 3 and lora-packet mic_test (mac.json lp-mic-data-up-1).
      expect(text).toBe('dfa66747de9ae63030ca32611497c827 2b11ff0d');
    } finally {
      vm.dispose();
    }
  });
});
