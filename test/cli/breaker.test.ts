/**
 * Command lines crafted to break the CLI: each must end in one clear line (or a JSON error
 * under --json) naming the flag or file at fault, with exit status 2, never a stack trace or
 * a silently unchecked result.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { ROOT } from '../vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'loire-breaker-'));

async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
  const status = await runCli(argv, io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

// A 1.0 uplink from lora-packet's tests (shared vector lp-mic-data-up-1), as a loire trace line.
const TRACE = join(dir, 'one.jsonl');
writeFileSync(TRACE, JSON.stringify({ timeMs: 0, frequencyHz: 868_100_000, dr: 5,
  phyPayload: '40F17DBE4900020001954378762B11FF0D' }) + '\n');

describe('one line, exit 2, naming what was wrong', () => {
  test.each([
    [['codec', 'build', 'generic/cayenne-lpp'], /^loire: --target is required: one of chirpstack/],
    [['airtime', '--region', 'mars', '--dr', '0', '--bytes', '20'],
      /^loire: --region: expected one of eu868.*got 'mars'/],
    [['airtime', '--region', 'us915', '--dr', '5', '--bytes', '20'],
      /^loire: --dr: DR5 is not among loire's US915 data rates \(0, 1, 2, 3, 4, 8/],
    [['validate', TRACE, '--region', 'mars'], /^loire: --region: expected one of/],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.status).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  test.each([
    [['decode', '40F17DBE4900020001954378762B11FF0'], /odd number of digits \(33\)/],
    [['codec', 'decode', 'generic/cayenne-lpp', '036701100', '--fport', '1'],
      /^loire: <payload>: neither hex nor base64 \(hex: odd number of digits \(9\)\)/],
  ])('a truncated hex paste is named as such: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.status).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  test('codec build -o naming a directory: WRITE_FAILED, not an internal error', async () => {
    const r = await cli('codec', 'build', 'generic/cayenne-lpp', '--target', 'tts', '-o', dir);
    expect(r.status).toBe(2);
    // Without a build the command stops earlier, at the missing scripts; both are one line.
    expect(r.err).toMatch(/^loire: (-o .*: cannot write: EISDIR|codec scripts are not built)/);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  test('codec build takes --json, and its errors come as JSON', async () => {
    const r = await cli('codec', 'build', 'generic/cayenne-lpp', '--target', 'lns', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'USAGE',
      message: "--target: expected one of chirpstack, tts, ts013, got 'lns'" } });
  });
});

describe('decode hints', () => {
  // lora-packet issue #126 (shared vector lpi126-mic-mismatch-fcnt16): FCnt 89136 on air as 23600.
  const frame = '40d9990b2600305c05015875a61a';
  const nwkSKey = '4a43b74fe531126056cde739ec05c92b';

  test('a failing 1.0 uplink MIC points to --fcnt, which then makes it hold', async () => {
    const r = await cli('decode', frame, '--nwkskey', nwkSKey);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/micValid\s+NO/);
    expect(r.err).toMatch(/^loire: the MIC fails with FCnt 23600; .* --fcnt$/);
    const ok = await cli('decode', frame, '--nwkskey', nwkSKey, '--fcnt', '70000');
    expect(ok.out).toMatch(/fCnt\s+89136/);
    expect(ok.out).toMatch(/micValid\s+yes/);
    expect(ok.err).toBe('');
  });

  test('32 characters that are not hex are called that, without echoing them', async () => {
    const secret = 'SECRETSECRETSECRETSECRETSECRET12';
    const r = await cli('decode', frame, '--nwkskey', secret);
    expect(r.status).toBe(2);
    expect(r.err).toBe('loire: --nwkskey: expected 32 hex digits, got 32 characters, ' +
      'not all of them hex digits');
  });
});

test('loire --version prints the package version', async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(await cli('--version')).toEqual({ status: 0, out: pkg.version, err: '' });
});

describe('validate --keys FILE', () => {
  const keysFile = (name: string, value: unknown): string => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(value));
    return p;
  };

  test('a misspelt key name is refused instead of leaving MICs unchecked', async () => {
    const f = keysFile('typo.json', { nwk_s_key: '44024241ed4ce9a68c6a8bc055233fd3' });
    const r = await cli('validate', TRACE, '--keys', f);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^loire: --keys: .*typo\.json: unknown key 'nwk_s_key' \(expected /);
  });

  test('a key that is not a string, and a file that is an array, are refused', async () => {
    const n = await cli('validate', TRACE, '--keys', keysFile('num.json', { nwkSKey: 44 }),
      '--json');
    expect(n.status).toBe(2);
    expect(JSON.parse(n.out).error.message).toMatch(/nwkSKey is not a string of 32 hex digits/);
    const a = await cli('validate', TRACE, '--keys', keysFile('arr.json', ['x']));
    expect(a.err).toMatch(/arr\.json is not a JSON object/);
  });

  test('the published keys still check the MIC (lora-packet mic_test.ts)', async () => {
    const f = keysFile('ok.json', { NwkSKey: '44024241ed4ce9a68c6a8bc055233fd3',
      AppSKey: 'ec925802ae430ca77fd3dd73cb2cc588' });
    const r = await cli('validate', TRACE, '--keys', f, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out).summary).toMatchObject({ micOk: 1, micBad: 0 });
  });
});

describe('validate on binary garbage', () => {
  test('names the line and prints no control bytes', async () => {
    const f = join(dir, 'garbage.bin');
    writeFileSync(f, Buffer.from([0x01, 0x02, 0x1b, 0x5b, 0x32, 0x4a, 0xff, 0x00, 0x7f]));
    const r = await cli('validate', f);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^loire: line 1: not JSON/);
    expect(r.err).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('validate progress on a terminal', () => {
  test('a line per tenth of a long trace, ending with the total', async () => {
    // 25,000 copies of the validate guide's frame (shared vector lp-mic-data-up-1), an hour
    // apart on EU868 DR5: the library reports every 1,000 frames, the CLI shows every tenth.
    const frame = '40F17DBE4900020001954378762B11FF0D';
    const lines: string[] = [];
    for (let i = 0; i < 25_000; i++) {
      lines.push(JSON.stringify({ timeMs: i * 3_600_000, frequencyHz: 868100000, dr: 5,
        phyPayload: frame }));
    }
    const file = join(mkdtempSync(join(tmpdir(), 'loire-progress-')), 'long.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const stderr: string[] = [];
    const io: Io = { out: () => {}, err: (t) => stderr.push(t), isTty: true };
    await runCli(['validate', file], io);
    const progress = stderr.filter((t) => t.startsWith('validate: '));
    expect(progress.length).toBe(11);
    expect(progress[0]).toBe('validate: 0/25000 frames');
    expect(progress[5]).toBe('validate: 13000/25000 frames');
    expect(progress[progress.length - 1]).toBe('validate: 25000/25000 frames');
  });
});

describe('codec encode guidance', () => {
  const io = (): Io & { out: (t: string) => void; lines: string[]; errs: string[] } => {
    const lines: string[] = [];
    const errs: string[] = [];
    return { lines, errs, isTty: false, out: (t) => lines.push(t), err: (t) => errs.push(t) };
  };
  test('an uplink-only codec without --uplink points to --uplink', async () => {
    const c = io();
    expect(await runCli(['codec', 'encode', 'loire/water-meter', '--data', '{}'], c)).toBe(2);
    expect(c.errs).toEqual(['loire: loire/water-meter has no downlink to encode; add --uplink ' +
      'to encode what the device sends']);
  });
  test('a payload over 242 bytes is encoded with a warning', async () => {
    // 61 Cayenne LPP temperature records of 4 bytes: 244 bytes.
    const data = Array.from({ length: 61 }, (_, i) => ({ channel: i, temperature: 20.5 }));
    const c = io();
    const status = await runCli(['codec', 'encode', 'generic/cayenne-lpp', '--uplink', '--json',
      '--data', JSON.stringify(data)], c);
    expect(status).toBe(0);
    const out = JSON.parse(c.lines.join(''));
    expect(out.bytes.length).toBe(244 * 2);
    expect(out.warnings).toEqual(['244 bytes: more than the 242 a LoRaWAN frame carries at any ' +
      'data rate']);
  });
});

describe('codec list', () => {
  test('columns line up, NAS FPort lists included', async () => {
    const lines: string[] = [];
    const io: Io = { out: (t) => lines.push(t), err: () => {}, isTty: false };
    expect(await runCli(['codec', 'list'], io)).toBe(0);
    const starts = new Set(lines.map((l) => l.indexOf('decodeUplink')));
    expect(lines.some((l) => l.includes('23,26,50,60,61,99'))).toBe(true);
    expect(starts.size).toBe(1);
  });
});
