import { describe, expect, test } from 'vitest';
import { checkEs5 } from '../../../scripts/codec-script-check.mjs';

describe('the static ES5 check of built scripts', () => {
  test('accepts ES5 code that only mentions banned names as properties or in strings', () => {
    const ok = 'var o = { Map: 1 }; var s = "Uint8Array"; o.Set = Math.floor(2.5); o.find = 1;';
    expect(checkEs5('x/y', ok)).toEqual([]);
  });

  test.each([
    ['var m = new Map();', "global 'Map'"],
    ['var a = Object.assign({}, b);', "'Object.assign'"],
    ['var a = Array.from(b);', "'Array.from'"],
    ['var s = "1".padStart(2, "0");', "'.padStart('"],
    ['var ok = Number.isInteger(1);', "'Number.isInteger'"],
    ['var t = Math.trunc(1.5);', "'Math.trunc'"],
    ['var f = Math.fround(1.5);', "'Math.fround'"],
    ['var u = new Uint8Array(4);', "global 'Uint8Array'"],
    ['var d = new DataView(b);', "global 'DataView'"],
    ['var t = new TextDecoder();', "global 'TextDecoder'"],
    ['var b = Buffer.from(x);', "global 'Buffer'"],
    ['var s = Symbol("x");', "global 'Symbol'"],
    ['var x = require("fs");', "global 'require'"],
    ['var x = [1].includes(1);', "'.includes('"],
  ])('rejects %s naming the codec and the token', (code, token) => {
    const problems = checkEs5('acme/meter', code);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toContain('acme/meter');
    expect(problems[0]).toContain(token);
    expect(problems[0]).toContain('line 1');
  });

  test('rejects ES2015 syntax as not ES5', () => {
    expect(checkEs5('acme/meter', 'let x = 1;')[0]).toMatch(/acme\/meter: not ES5/);
    expect(checkEs5('acme/meter', 'var f = (a) => a;')[0]).toMatch(/not ES5/);
    expect(checkEs5('acme/meter', 'var r = /a/u;')[0]).toMatch(/not ES5/);
  });

  test('rejects lowered async code that needs a generator runtime', () => {
    expect(checkEs5('acme/meter', 'var x = __awaiter(this, void 0, void 0, f);')[0]).toMatch(
      /__awaiter/,
    );
  });
});
