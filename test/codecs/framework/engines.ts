/**
 * The two engines built codec scripts are run in by the tests: QuickJS (the engine ChirpStack v4
 * embeds) and a node:vm context stripped down to ES5 (no require, Buffer, TextDecoder, typed
 * arrays, Map, Set, Symbol, Object.assign, Array.from, padStart, Number.isInteger, Math.trunc,
 * Math.fround...), so that a script leaning on any of them fails here rather than on a server.
 */
import vm from 'node:vm';
import { getQuickJS, shouldInterruptAfterDeadline, type QuickJSRuntime } from 'quickjs-emscripten';

/** A script loaded in an engine: call one of its global functions with a JS input expression. */
export interface LoadedScript {
  call(fn: string, inputJs: string): unknown;
  dispose(): void;
}

/** An engine that loads scripts. */
export interface ScriptEngine {
  name: string;
  load(script: string): LoadedScript;
  dispose(): void;
}

/** A JS expression for an input object; `recvTime` becomes a `Date`, as servers pass it. */
export function inputToJs(input: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    const value =
      k === 'recvTime' ? `new Date(${JSON.stringify(v instanceof Date ? v.toISOString() : v)})`
      : k === 'bytes' ? JSON.stringify(Array.from(v as ArrayLike<number>))
      : JSON.stringify(v);
    parts.push(`${JSON.stringify(k)}: ${value}`);
  }
  return `{${parts.join(', ')}}`;
}

/** QuickJS: one runtime per test file, one context per script. */
export async function quickJsEngine(): Promise<ScriptEngine> {
  const module = await getQuickJS();
  const runtime: QuickJSRuntime = module.newRuntime();
  runtime.setMemoryLimit(64 * 1024 * 1024);
  return {
    name: 'QuickJS',
    load(script) {
      const ctx = runtime.newContext();
      const evalText = (code: string, file: string): unknown => {
        runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + 10_000));
        const r = ctx.evalCode(code, file);
        if (r.error) {
          const err = ctx.dump(r.error);
          r.error.dispose();
          throw new Error(`QuickJS: ${JSON.stringify(err)}`);
        }
        const v = ctx.dump(r.value);
        r.value.dispose();
        return v;
      };
      evalText(script, 'codec.js');
      return {
        call: (fn, inputJs) =>
          JSON.parse(evalText(`JSON.stringify(${fn}(${inputJs}))`, 'call.js') as string),
        dispose: () => ctx.dispose(),
      };
    },
    dispose: () => runtime.dispose(),
  };
}

const STRIP_ES2015 = `
(function (g) {
  var globals = ['Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Promise', 'Proxy', 'Reflect',
    'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Uint8Array', 'Uint8ClampedArray',
    'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array',
    'Float64Array', 'BigInt64Array', 'BigUint64Array', 'BigInt', 'TextDecoder', 'TextEncoder',
    'Buffer', 'require', 'structuredClone', 'atob', 'btoa', 'globalThis'];
  for (var i = 0; i < globals.length; i++) delete g[globals[i]];
  var statics = { Object: ['assign', 'entries', 'values', 'fromEntries', 'is', 'setPrototypeOf',
      'getOwnPropertySymbols'],
    Array: ['from', 'of'], String: ['fromCodePoint', 'raw'],
    Number: ['isInteger', 'isSafeInteger', 'isFinite', 'isNaN', 'parseFloat', 'parseInt'],
    Math: ['trunc', 'fround', 'sign', 'log2', 'log10', 'hypot', 'cbrt', 'clz32', 'imul'] };
  for (var o in statics) for (var j = 0; j < statics[o].length; j++) delete g[o][statics[o][j]];
  var methods = { String: ['padStart', 'padEnd', 'startsWith', 'endsWith', 'includes', 'repeat',
      'codePointAt', 'trimStart', 'trimEnd', 'replaceAll', 'at'],
    Array: ['find', 'findIndex', 'fill', 'includes', 'flat', 'flatMap', 'at', 'copyWithin'] };
  for (var c in methods) {
    for (var k = 0; k < methods[c].length; k++) delete g[c].prototype[methods[c][k]];
  }
})(this);
`;

/** node:vm with the ES2015+ library removed (see the file comment). */
export function es5VmEngine(): ScriptEngine {
  return {
    name: 'node:vm (ES5 built-ins only)',
    load(script) {
      const context = vm.createContext({});
      vm.runInContext(STRIP_ES2015, context);
      vm.runInContext(script, context, { filename: 'codec.js', timeout: 10_000 });
      return {
        call: (fn, inputJs) =>
          JSON.parse(
            vm.runInContext(`JSON.stringify(${fn}(${inputJs}))`, context, { timeout: 10_000 }),
          ),
        dispose: () => undefined,
      };
    },
    dispose: () => undefined,
  };
}
