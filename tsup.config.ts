import { defineConfig } from 'tsup';

// One build for the three public subpaths (ESM + CJS + types) and one for the CLI (ESM only,
// with a shebang). The CLI is kept apart so that the library entries never pull in node: modules.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'codecs/index': 'codecs/index.ts',
      'simulator/index': 'simulator/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2020',
    platform: 'neutral',
    treeshake: true,
  },
  {
    entry: { 'cli/main': 'cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
