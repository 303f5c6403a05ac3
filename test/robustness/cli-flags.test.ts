/**
 * Command lines a hurried operator types: flags without their value, unknown flags and
 * commands, keys of the wrong length. Every failure exits 2 with one line, or under --json
 * with `{"error":{"code","message"}}` on stdout, and never echoes key material.
 */
import { describe, expect, test } from 'vitest';
import type { Io } from '../../cli/io.js';
import { runCli } from '../../cli/run.js';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false };
}

/** The keys of lora-packet's 1.0 join example (mac.json `lp-keys-1.0`). */
const APP_KEY = '98929b92c49edba9676d646d3b612456';

async function jsonError(argv: string[]): Promise<{ code: string; message: string }> {
  const io = capture();
  expect(await runCli(argv, io)).toBe(2);
  expect(io.stdout).toHaveLength(1);
  const parsed = JSON.parse(io.stdout[0]!) as { error: { code: string; message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(Object.keys(parsed.error).sort()).toEqual(['code', 'message']);
  return parsed.error;
}

describe('flags that lack their value', () => {
  test('a value flag followed by another flag names the flag, not a stray argument', async () => {
    const e = await jsonError([
      'keys', '--appkey', APP_KEY, '--join-nonce', '--net-id', 'aabbcc', '--dev-nonce', 'f18e',
      '--json',
    ]);
    expect(e.message).toBe('--join-nonce needs a value');
  });

  test('--fport followed by --json is a missing value, and the error is still JSON', async () => {
    const e = await jsonError(['codec', 'decode', 'generic/cayenne-lpp', '03670110', '--fport',
      '--json']);
    expect(e.message).toBe('--fport needs a value');
  });

  test('a value that starts with dashes can still be given as --flag=value', async () => {
    const io = capture();
    const argv = ['codec', 'encode', 'generic/cayenne-lpp', '--data=--', '--json'];
    expect(await runCli(argv, io)).toBe(2);
    expect(JSON.parse(io.stdout[0]!).error.message).toMatch(/^--data: not JSON/);
  });

  test('a flag at the end of the line needs a value', async () => {
    const e = await jsonError(['airtime', '--json', '--dr']);
    expect(e.message).toBe('--dr needs a value');
  });
});

describe('unknown commands and flags', () => {
  test('an unknown command under --json answers in the JSON error shape', async () => {
    const e = await jsonError(['frobnicate', '--json']);
    expect(e.code).toBe('UNKNOWN_COMMAND');
    expect(e.message).toMatch(/unknown command 'frobnicate'/);
  });

  test('an unknown command without --json prints one line and the usage on stderr', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(/^loire: unknown command 'frobnicate'\n/);
  });

  test('an unknown flag is named', async () => {
    const e = await jsonError(['airtime', '--dr', '0', '--bytes', '23', '--bogus', '--json']);
    expect(e.message).toBe('unknown option --bogus');
  });
});

describe('keys of the wrong length', () => {
  const short = APP_KEY.slice(0, 30);
  const cases: [string, string[]][] = [
    ['15 bytes', ['--appkey', short]],
    ['odd digits', ['--appkey', APP_KEY.slice(0, 31)]],
    ['17 bytes', ['--appkey', APP_KEY + 'ab']],
    ['junk', ['--appkey', APP_KEY.slice(0, 30) + 'zz']],
  ];
  for (const [what, flag] of cases) {
    test(`loire keys rejects an AppKey of ${what} without echoing it`, async () => {
      const argv = ['keys', ...flag, '--join-nonce', '376338', '--net-id', 'aabbcc',
        '--dev-nonce', 'f18e', '--json'];
      const e = await jsonError(argv);
      expect(e.message).toMatch(/^--appkey: /);
      // Not even a fragment of the key may appear (8 hex digits is already too much).
      expect(e.message).not.toContain(APP_KEY.slice(0, 8));
      expect(e.message).not.toContain(APP_KEY.slice(8, 16));
    });
  }

  test('loire validate rejects a short NwkSKey without echoing it', async () => {
    const e = await jsonError(['validate', '/nonexistent.jsonl', '--nwkskey', short, '--json']);
    expect(e.message).not.toContain(short.slice(0, 8));
  });
});

describe('loire airtime refuses frames the data rate cannot carry', () => {
  // RP002-1.0.1 Table 12 (EU868, no repeater): DR0 M = 59, N = 51; DR5 M = 250.
  test('EU868 DR0 with 240 application bytes exits 2 naming the limit', async () => {
    const e = await jsonError(['airtime', '--dr', '0', '--app-bytes', '240', '--json']);
    expect(e.code).toBe('TOO_LONG');
    expect(e.message).toMatch(/EU868 DR0 carries at most a 64-byte PHYPayload \(M = 59, N = 51\)/);
  });

  test('EU868 DR0 with 51 application bytes (the maximum N) is fine', async () => {
    const io = capture();
    expect(await runCli(['airtime', '--dr', '0', '--app-bytes', '51', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout[0]!).phyPayloadBytes).toBe(64);
  });

  test('US915 DR0 (N = 11) refuses 12 application bytes', async () => {
    const argv = ['airtime', '--region', 'us915', '--dr', '0', '--app-bytes', '12', '--json'];
    expect((await jsonError(argv)).code).toBe('TOO_LONG');
  });

  test('--sf/--bw stays free: SF12 BW125 with 240 application bytes', async () => {
    const io = capture();
    const argv = ['airtime', '--sf', '12', '--bw', '125', '--app-bytes', '240', '--json'];
    expect(await runCli(argv, io)).toBe(0);
  });
});
