/**
 * Shared helpers of the package tests: they check the built `dist/` (npm test builds it before
 * vitest runs), so a missing build is a failure with a clear message, not a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../vectors.js';

/** The library entry files as published: ESM and CJS of the three subpaths. */
export const LIBRARY_ENTRIES = [
  'dist/index.js',
  'dist/index.cjs',
  'dist/codecs/index.js',
  'dist/codecs/index.cjs',
  'dist/simulator/index.js',
  'dist/simulator/index.cjs',
];

/** Throws unless `dist/` holds every library entry and the CLI. */
export function requireDist(): void {
  for (const f of [...LIBRARY_ENTRIES, 'dist/cli/main.js']) {
    if (!existsSync(join(ROOT, f))) {
      throw new Error(`${f} is missing: run \`npm run build\` first (npm test does)`);
    }
  }
}

/** The project's package.json. */
export function packageJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
}
