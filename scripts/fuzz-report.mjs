/**
 * Prints the robustness campaign's per-target report (written by `npm run fuzz` to
 * `.tmp/fuzz/*.json`) as the Markdown table kept in bench/RESULTS.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '.tmp',
  'fuzz');
const rows = readdirSync(dir).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  .sort((a, b) => a.target.localeCompare(b.target));

const n = (x) => x.toLocaleString('en-US');
console.log('| target | cases | calls | accepted | rejected (typed) | slowest call ms ' +
  '(re-measured) | slowest raw ms | time s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let cases = 0;
let calls = 0;
let slowest = { slowestMs: 0 };
for (const r of rows) {
  cases += r.runs;
  calls += r.calls;
  if (r.slowestMs > slowest.slowestMs) slowest = r;
  console.log(`| ${r.target} | ${n(r.runs)} | ${n(r.calls)} | ${n(r.accepted)} | ` +
    `${n(r.rejected)} | ${r.slowestMs.toFixed(2)} | ${r.slowestRawMs.toFixed(2)} | ` +
    `${r.elapsedS.toFixed(0)} |`);
}
console.log(`\nTotal: ${n(cases)} cases, ${n(calls)} timed calls. Slowest call: ` +
  `${slowest.slowestMs.toFixed(2)} ms in ${slowest.target} on ${slowest.slowestInput}`);
