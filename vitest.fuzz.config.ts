import { defineConfig } from 'vitest/config';

// `npm run fuzz`: the robustness campaign's targets (test/fuzz) with the full budget (FUZZ=full,
// set by the npm script; FUZZ_SCALE multiplies every target's run count, FUZZ_SEED fixes the
// seed). Two workers, as the machine has two cores; nothing times out on its own.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    testTimeout: 0,
    hookTimeout: 0,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
