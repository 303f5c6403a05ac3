/**
 * The library (src/, codecs/, simulator/) must run in browsers, QuickJS and TTS/ChirpStack
 * script engines: it prints nothing and reaches no Node API. A static scan of the code with
 * comments removed (TSDoc examples may show console.log).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../vectors.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Drops block and line comments; strings holding "//" lose their tail, which only narrows. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

const FORBIDDEN =
  /from\s+['"]node:|import\(\s*['"]node:|\brequire\(|\bBuffer\b|\bconsole\.|\bprocess\./;

describe.each(['src', 'codecs', 'simulator'])('%s/', (layer) => {
  const sources = files(join(ROOT, layer));

  test('has sources to scan', () => expect(sources.length).toBeGreaterThan(5));

  test('no file prints, imports node: or touches Buffer/process', () => {
    const offenders = sources.flatMap((file) => {
      const lines = code(readFileSync(file, 'utf8')).split('\n');
      return lines.flatMap((line, i) =>
        FORBIDDEN.test(line) ? [`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : []);
    });
    expect(offenders).toEqual([]);
  });

  test('the scan would see a console call (the pattern is not dead)', () => {
    expect(FORBIDDEN.test(code("const x = 1; console.log(x); // note"))).toBe(true);
    expect(FORBIDDEN.test(code("/* console.log(x) */ const y = 2;"))).toBe(false);
  });
});
