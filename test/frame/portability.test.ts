/**
 * The frame layer runs outside Node: its sources use no node-only or printing API, and the
 * built CommonJS bundle decodes, verifies and decrypts a frame inside QuickJS. Expected values
 * are lora-packet's (mac.json lp-mic-data-up-1 and lp-decrypt-test). The QuickJS part needs
 * `dist/` (npm test builds it first) and is skipped otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQuickJS } from 'quickjs-emscripten';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../vectors.js';

const SRC = join(ROOT, 'src', 'frame');
const BUNDLE = join(ROOT, 'dist', 'index.cjs');

describe('src/frame purity', () => {
  for (const name of readdirSync(SRC).filter((n) => n.endsWith('.ts'))) {
    it(`${name} uses no node-only or printing API`, () => {
      const text = readFileSync(join(SRC, name), 'utf8');
      expect(text).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bconsole\.|\bprocess\./);
    });
  }
});

describe('dist bundle in QuickJS', () => {
  it.skipIf(!existsSync(BUNDLE))('decodeFrame checks the MIC and decrypts', async () => {
    const QuickJS = await getQuickJS();
    const vm = QuickJS.newContext();
    try {
      const src =
        'var module = { exports: {} }; var exports = module.exports;\n' +
        readFileSync(BUNDLE, 'utf8') +
        '\n;(function (m) {' +
        "var f = m.decodeFrame(m.hexToBytes('40F17DBE4900020001954378762B11FF0D'), { keys: {" +
        " nwkSKey: '44024241ed4ce9a68c6a8bc055233fd3'," +
        " appSKey: 'ec925802ae430ca77fd3dd73cb2cc588' } });" +
        'return [f.mType, f.micValid, m.bytesToHex(f.payload)];' +
        '})(module.exports)';
      const result = vm.unwrapResult(vm.evalCode(src));
      const got = vm.dump(result);
      result.dispose();
      expect(got).toEqual(['UnconfirmedDataUp', true, '74657374']);
    } finally {
      vm.dispose();
    }
  });
});
