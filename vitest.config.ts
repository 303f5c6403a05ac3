import { defineConfig } from 'vitest/config';

// Under CI the JSON reporter also writes the counts that .ci/run prints as its closing line, and
// property tests use a fixed seed (test/setup/fast-check-seed.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]]
      : ['default'],
  },
});
