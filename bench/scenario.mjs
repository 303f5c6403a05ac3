/**
 * Scenario speed and memory: runs `loire simulate` on the shipped scenarios, each in its own
 * Node process, and reports wall time and peak resident set size (the child's own
 * `process.resourceUsage().maxRSS`, in KiB). Targets: metropole under 10 s, region under 60 s
 * and 1 GiB. Run with `npm run bench:scenario` (builds first). Results go in bench/RESULTS.md
 * by hand, with the machine named.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['metropole', 'region'];

const gib = (totalmem() / 2 ** 30).toFixed(1);
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${gib} GiB,`
  + ` node ${process.version}`);
for (const name of names) {
  const script = [
    `const t0 = performance.now();`,
    `process.argv = [process.argv[0], 'loire', 'simulate', ${JSON.stringify(name)}, '--json',`,
    `  '--report', ${JSON.stringify(resolve(root, '.tmp', `bench-${name}.html`))}];`,
    `const out = [];`,
    `const write = process.stdout.write.bind(process.stdout);`,
    `process.stdout.write = (s) => { out.push(String(s)); return true; };`,
    `await import(${JSON.stringify(resolve(root, 'dist/cli/main.js'))});`,
    // main.js sets process.exitCode when the command has finished.
    `await new Promise((r) => { const t = setInterval(() => {`,
    `  if (process.exitCode !== undefined) { clearInterval(t); r(); } }, 20); });`,
    `const s = JSON.parse(out.join(''));`,
    `write(JSON.stringify({ wallMs: performance.now() - t0,`,
    `  cpuUserMs: process.cpuUsage().user / 1000,`,
    `  maxRssKiB: process.resourceUsage().maxRSS,`,
    `  devices: s.devices, gateways: s.gateways, uplinks: s.uplinks, pdr: s.pdr,`,
    `  violations: s.dutyCycleViolations, elapsedMs: s.elapsedMs }) + '\\n');`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root,
    encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) {
    console.error(r.stderr || r.stdout);
    process.exitCode = 1;
    continue;
  }
  const m = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log(`${name}: ${m.devices} devices, ${m.gateways} gateways, ${m.uplinks} uplinks, PDR`
    + ` ${(m.pdr * 100).toFixed(1)} %, ${m.violations} duty-cycle violations;`
    + ` wall ${(m.wallMs / 1000).toFixed(2)} s, CPU ${(m.cpuUserMs / 1000).toFixed(2)} s`
    + ` (simulation ${(m.elapsedMs / 1000).toFixed(2)} s),`
    + ` peak RSS ${(m.maxRssKiB / 1024).toFixed(0)} MiB`);
}
