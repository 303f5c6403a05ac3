/**
 * Runs the benchmark suites listed below (each a module whose default export is an async
 * function), one after the other. Usage: `npm run bench` (builds first).
 */
import os from 'node:os';

const SUITES = ['./crypto.mjs', './frame.mjs', './codec.mjs', './simulator.mjs', './core.mjs'];

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ` +
  `${os.cpus().length} logical CPUs`);
for (const file of SUITES) {
  const mod = await import(new URL(file, import.meta.url).href);
  await mod.default();
}
