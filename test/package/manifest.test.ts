/**
 * package.json and the built files: publint and Are The Types Wrong clean, one `exports` map for
 * ESM and CJS with types, no runtime dependency, and library entries that import nothing outside
 * the package (no `node:` module, no bare specifier) and print nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'acorn';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../vectors.js';
import { LIBRARY_ENTRIES, packageJson, requireDist } from './dist.js';

beforeAll(requireDist);

describe('package.json', () => {
  const pkg = packageJson();

  it('has no runtime dependency of any kind', () => {
    for (const k of ['dependencies', 'peerDependencies', 'optionalDependencies',
      'bundleDependencies', 'bundledDependencies']) {
      expect(pkg[k], k).toBeUndefined();
    }
  });

  it('declares the subpaths, ESM and CJS with types, bin, engines, sideEffects', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.bin).toEqual({ loire: './dist/cli/main.js' });
    expect((pkg.engines as Record<string, string>).node).toBe('>=20');
    const exportsMap = pkg.exports as Record<string, unknown>;
    for (const [sub, dir] of [['.', 'dist'], ['./codecs', 'dist/codecs'],
      ['./simulator', 'dist/simulator']] as const) {
      expect(exportsMap[sub], sub).toEqual({
        import: { types: `./${dir}/index.d.ts`, default: `./${dir}/index.js` },
        require: { types: `./${dir}/index.d.cts`, default: `./${dir}/index.cjs` },
      });
    }
  });
});

describe('linters', () => {
  it('publint (strict, suggestions included) reports nothing', async () => {
    const { messages } = await publint({ pkgDir: ROOT, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  }, 120_000);

  it('attw --pack finds no problem for node16 (ESM and CJS) and bundlers', () => {
    // The node10 resolution (no `exports` support) cannot see subpaths; loire requires
    // Node 20 (`engines`), so that profile is the one that applies.
    const bin = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const out = execFileSync(process.execPath,
      [bin, '--pack', '.', '--profile', 'node16', '--format', 'json'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    const report = JSON.parse(out) as {
      problems?: Record<string, { resolutionKind?: string; entrypoint?: string }[]>;
    };
    const problems = Object.values(report.problems ?? {}).flat()
      .filter((p) => p.resolutionKind !== 'node10');
    expect(problems).toEqual([]);
  }, 120_000);
});

/** Every module specifier a built file refers to: import/export-from, import(), require(). */
function specifiers(code: string, sourceType: 'module' | 'script'): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string };
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' ||
      n.type === 'ExportNamedDeclaration' || n.type === 'ImportExpression') && n.source) {
      const src = n.source as { value?: unknown };
      found.push(typeof src.value === 'string' ? src.value : '<computed>');
    }
    if (n.type === 'CallExpression') {
      const callee = n.callee as { type: string; name?: string };
      if (callee.type === 'Identifier' && callee.name === 'require') {
        const [arg] = n.arguments as { value?: unknown }[];
        found.push(typeof arg?.value === 'string' ? arg.value : '<computed>');
      }
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType }));
  return found;
}

describe('built library files', () => {
  // Follow relative imports from each entry so that shared chunks are checked too.
  const files = new Set<string>();
  const external: string[] = [];
  const queue = LIBRARY_ENTRIES.map((f) => join(ROOT, f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const s of specifiers(code, file.endsWith('.cjs') ? 'script' : 'module')) {
      if (s.startsWith('./') || s.startsWith('../')) queue.push(resolve(dirname(file), s));
      else external.push(`${file}: ${s}`);
    }
  }

  it('finds the specifiers this check relies on (import, export-from, import(), require)', () => {
    const esm = 'import a from "node:fs"; export * from "./x.js"; import("y");';
    expect(specifiers(esm, 'module')).toEqual(['node:fs', './x.js', 'y']);
    expect(specifiers('const c = require("node:crypto");', 'script')).toEqual(['node:crypto']);
  });

  it('import no node: module and no other package', () => {
    expect(files.size).toBeGreaterThanOrEqual(LIBRARY_ENTRIES.length);
    expect(external).toEqual([]);
  });

  it('print nothing and use no Node globals', () => {
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\bconsole\.|\bprocess\.|\bBuffer\.|__dirname/);
    }
  });
});
