/**
 * Property tests draw new cases on every local run, so they keep looking for faults; under CI
 * they draw the same cases every time (a fixed seed), so that a landing is judged on a
 * reproducible run. `npm run fuzz` explores with fresh seeds and larger runs. A failure prints
 * its seed and counterexample either way.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: 20261204 });
