/**
 * The static ES5 check of built codec scripts: the text must parse as ES5 (acorn) and use no
 * ES2015+ built-in, by a token scan that names the codec, the token and the line. Used by
 * `build-codec-scripts.mjs` and by the tests.
 */
import * as acorn from 'acorn';

/** Globals that ES5 engines lack (or that are not JavaScript at all, like Buffer). */
const BANNED_GLOBALS = new Set([
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Promise', 'Proxy', 'Reflect', 'BigInt',
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Uint8Array', 'Uint8ClampedArray', 'Int8Array',
  'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array', 'TextDecoder', 'TextEncoder', 'Buffer', 'require',
  'globalThis', 'structuredClone', 'atob', 'btoa',
]);

/** Static members added in ES2015 and later, as `Object.member`. */
const BANNED_STATICS = new Set([
  'Object.assign', 'Object.entries', 'Object.values', 'Object.fromEntries', 'Object.is',
  'Object.setPrototypeOf', 'Object.getOwnPropertySymbols', 'Object.getOwnPropertyDescriptors',
  'Array.from', 'Array.of', 'String.fromCodePoint', 'String.raw', 'Number.isInteger',
  'Number.isSafeInteger', 'Number.isFinite', 'Number.isNaN', 'Number.parseFloat',
  'Number.parseInt', 'Number.EPSILON', 'Number.MAX_SAFE_INTEGER', 'Number.MIN_SAFE_INTEGER',
  'Math.trunc', 'Math.fround', 'Math.sign', 'Math.log2', 'Math.log10', 'Math.log1p',
  'Math.expm1', 'Math.hypot', 'Math.cbrt', 'Math.clz32', 'Math.imul', 'Math.cosh', 'Math.sinh',
  'Math.tanh', 'Math.acosh', 'Math.asinh', 'Math.atanh',
]);

/**
 * Prototype methods added in ES2015 and later, as `.method(`. (`String#normalize` is left out:
 * codecs commonly name their own harmonising method `normalize`.)
 */
const BANNED_METHODS = new Set([
  'padStart', 'padEnd', 'startsWith', 'endsWith', 'includes', 'repeat', 'find', 'findIndex',
  'findLast', 'findLastIndex', 'fill', 'copyWithin', 'codePointAt', 'trimStart',
  'trimEnd', 'flat', 'flatMap', 'at', 'replaceAll', 'matchAll',
]);

/** Helpers whose lowering would need a generator runtime or iterators: refused. */
const UNSUPPORTED_HELPERS = ['__awaiter', '__generator', '__values', '__read', '__await',
  '__asyncGenerator', '__classPrivateFieldGet', '__classPrivateFieldSet', '__esDecorate',
  '__decorate'];

/** Problems found in a lowered body: ES5 parse errors and banned tokens, with line numbers. */
export function checkEs5(id, text) {
  const problems = [];
  try {
    acorn.parse(text, { ecmaVersion: 5, sourceType: 'script' });
  } catch (e) {
    problems.push(`${id}: not ES5: ${e.message}`);
    return problems;
  }
  for (const h of UNSUPPORTED_HELPERS) {
    if (new RegExp(`\\b${h}\\b`).test(text)) {
      problems.push(`${id}: uses a construct that ES5 cannot express without a runtime (${h}); ` +
        'avoid async functions, generators, for-of over non-arrays, decorators, #private');
    }
  }
  const tokens = [...acorn.tokenizer(text, { ecmaVersion: 5, locations: true })];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type.label !== 'name') continue;
    const prev = tokens[i - 1];
    const afterDot = prev && prev.type.label === '.';
    const next = tokens[i + 1];
    const next2 = tokens[i + 2];
    const where = `line ${t.loc.start.line}`;
    if (!afterDot && BANNED_GLOBALS.has(t.value)) {
      // A property key such as { Map: 1 } is not the global.
      const isKey = next && next.type.label === ':' && prev && (prev.type.label === '{' ||
        prev.type.label === ',');
      if (!isKey) problems.push(`${id}: ES2015+ or non-standard global '${t.value}' (${where})`);
    }
    if (!afterDot && next && next.type.label === '.' && next2 && next2.type.label === 'name') {
      const name = `${t.value}.${next2.value}`;
      if (BANNED_STATICS.has(name)) problems.push(`${id}: ES2015+ built-in '${name}' (${where})`);
    }
    if (afterDot && BANNED_METHODS.has(t.value) && next && next.type.label === '(') {
      problems.push(`${id}: ES2015+ method '.${t.value}(' (${where})`);
    }
  }
  return problems;
}
