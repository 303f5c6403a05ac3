/**
 * The framing layer must run in browsers and QuickJS: no node: imports, no Buffer, no console
 * (STYLE.md and the project rules). A static scan of its sources.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../vectors.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/mac purity', () => {
  const sources = files(join(ROOT, 'src', 'mac'));
  it('has sources to scan', () => expect(sources.length).toBeGreaterThan(10));
  for (const file of sources) {
    it(`${file.slice(ROOT.length + 1)} uses no node-only or printing API`, () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bconsole\.|\bprocess\./);
    });
  }
});
