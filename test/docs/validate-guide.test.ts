/**
 * The first example of docs/validate.md, run as written: the trace in its here-document goes
 * through `loire validate` with the keys on its command line, and the output must be the one
 * the guide shows (a newcomer copies both).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { ROOT } from '../vectors.js';

test('docs/validate.md: the first trace gives the output and exit status shown', async () => {
  const md = readFileSync(join(ROOT, 'docs', 'validate.md'), 'utf8');
  const sh = /```sh\n([\s\S]*?)```/.exec(md)![1]!;
  const shown = /```text\n([\s\S]*?)```/.exec(md)![1]!.trimEnd().split('\n');
  const trace = /<<'EOF'\n([\s\S]*?)\nEOF\n/.exec(sh)![1]!;
  const command = sh.slice(sh.indexOf('loire validate')).replace(/\\\n\s*/g, '').trim();
  const argv = command.split(/\s+/).slice(1);
  expect(argv.slice(0, 2)).toEqual(['validate', 'trace.jsonl']);

  const file = join(mkdtempSync(join(tmpdir(), 'loire-guide-')), 'trace.jsonl');
  writeFileSync(file, trace + '\n');
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => out.push(t), isTty: false };
  const status = await runCli(['validate', file, ...argv.slice(2)], io);
  expect(out).toEqual(shown);
  // The guide says the exit status is 1: a violation was found.
  expect(status).toBe(1);
});
