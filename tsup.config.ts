import { defineConfig, type Options } from 'tsup';

/**
 * The CLI (ESM only, with a shebang), kept apart so that the library entries never pull in
 * node: modules. `npm start` builds only this (tsup.cli.config.ts): the simulation needs no
 * type declarations and no codec scripts, and a newcomer should not wait for them.
 */
export const cliBuild: Options = {
  entry: { 'cli/main': 'cli/main.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  target: 'node20',
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
};

// One build for the three public subpaths (ESM + CJS + types), and the CLI.
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
  cliBuild,
]);
