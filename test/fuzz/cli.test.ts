/**
 * Campaign over the command line: `runCli` with random words drawn from the commands' own
 * vocabulary (subcommands, flags, hex, numbers, codec ids, JSON) and arbitrary strings. Every call
 * must settle to an exit status (0, 1 or 2) with any error reported through `Io`, never reject.
 * `codec build` writes files, so it is left out, and the campaign runs in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/commands.js';
import type { Io } from '../../cli/io.js';
import { runCli } from '../../cli/run.js';
import { codecIds } from '../../codecs/index.js';
import { Campaign, hex, runsFor } from './harness.js';

/** Flags of the commands, from their help texts. */
const FLAGS = [
  // loire keys
  'appkey', 'nwkkey', 'join-nonce', 'net-id', 'dev-nonce', 'join-eui', 'dev-eui', 'opt-neg',
  // loire codec
  'fport', 'recv-time', 'style', 'downlink', 'uplink', 'data', 'target',
  // loire validate
  'region', 'lorawan', 'nwkskey', 'appskey', 'fnwksintkey', 'snwksintkey', 'nwksenckey', 'keys',
  'codec', 'devnonce', 'policy', 'no-repeater',
  // loire decode
  'jsintkey', 'jsenckey', 'fcnt', 'confcnt', 'txdr', 'txch', 'join-req-type',
  // loire airtime
  'dr', 'sf', 'bw', 'bytes', 'app-bytes', 'cr',
  // shared
  'json', 'help',
];
const SUBWORDS = ['list', 'decode', 'encode', 'help', '-', '--', '-h', 'eu868', 'us915', 'as923',
  '1.0', '1.1', 'counter', 'random', 'credits', 'off-time', 'both', '.', 'nonexistent.jsonl',
  '4/5', '4/8', '125', '500'];
/** Words that would make a command write files. */
const WRITERS = new Set(['build', '-o', '--output']);
// `simulate` runs a whole territory scenario (seconds by design); its argument errors are
// tested in test/simulator, not timed here.
const FUZZED = Object.keys(COMMANDS).filter((name) => name !== 'simulate');

const word = fc.oneof(
  fc.constantFrom(...FLAGS).map((f) => `--${f}`),
  fc.tuple(fc.constantFrom(...FLAGS), fc.string({ maxLength: 12 })).map(([f, v]) => `--${f}=${v}`),
  fc.constantFrom(...SUBWORDS),
  fc.constantFrom(...codecIds()),
  fc.uint8Array({ maxLength: 24 }).map((b) => hex(b)),
  fc.integer({ min: -5, max: 70_000 }).map(String),
  fc.constantFrom('{}', '[]', '{"a":1}', 'null', '2026-03-01T12:00:00Z', 'tts', 'chirpstack',
    'QNmZCyYAMFwFAVh1pho=', '000013', 'aabbcc', 'f18e', '40F17DBE4900020001954378762B11FF0D',
    '44024241ed4ce9a68c6a8bc055233fd3', 'ec925802ae430ca77fd3dd73cb2cc588'),
  fc.string({ maxLength: 16 }),
);

const argv = fc.tuple(fc.constantFrom(...FUZZED, 'nope'),
  fc.array(word, { maxLength: 10 }))
  .map(([cmd, rest]) => [cmd, ...rest])
  .filter((words) => !words.some((w) => WRITERS.has(w)));

const quiet: Io = { out: () => undefined, err: () => undefined, isTty: false };

let home = '';
let dir = '';
beforeAll(async () => {
  home = process.cwd();
  dir = mkdtempSync(join(tmpdir(), 'loire-cli-fuzz-'));
  process.chdir(dir);
  // Load every command once, so that module loading is not timed as a slow call.
  for (const name of FUZZED) await runCli([name, '--help'], quiet);
});

afterAll(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

describe('fuzz: CLI', () => {
  it('runCli settles to 0, 1 or 2 on any words, never rejects', async () => {
    const c = new Campaign('runCli (argument parsing and commands)');
    await c.assertAsync(fc.asyncProperty(argv, async (words) => {
      const r = await c.callAsync(() => runCli(words, quiet), () => false,
        () => JSON.stringify(words), (status) => status !== 0);
      if (r.ok) expect([0, 1, 2]).toContain(r.value);
    }), runsFor(300_000));
  });
});
