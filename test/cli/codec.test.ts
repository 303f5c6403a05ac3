import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Io } from '../../cli/io.js';
import { runCli } from '../../cli/run.js';
import { inputToJs, quickJsEngine, type ScriptEngine } from '../codecs/framework/engines.js';
import { codecIdOf, loadVectors, type CodecVector } from '../vectors.js';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false };
}

async function cli(...argv: string[]) {
  const io = capture();
  const status = await runCli(['codec', ...argv], io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const LPP = 'generic/cayenne-lpp';
const lppVectors = loadVectors<CodecVector[]>('codecs.json').filter(
  (v) => codecIdOf(v) === 'generic/cayenne-lpp',
);

let quickJs: ScriptEngine;
let dir: string;
beforeAll(async () => {
  quickJs = await quickJsEngine();
  dir = mkdtempSync(join(tmpdir(), 'loire-codec-'));
});
afterAll(() => {
  quickJs?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('loire codec', () => {
  test('list shows Cayenne LPP, as text and as JSON', async () => {
    const text = await cli('list');
    expect(text.status).toBe(0);
    expect(text.out).toMatch(/^generic\/cayenne-lpp\s+generic\s+fPorts any\s+decodeUplink/m);
    const json = await cli('list', '--json');
    const list = JSON.parse(json.out) as { id: string; styles: string[] }[];
    expect(list.find((c) => c.id === 'generic/cayenne-lpp')?.styles).toEqual([
      'neutral',
      'tts',
      'chirpstack',
    ]);
  });

  test('decode prints the TS013 result (TTS docs example, lpp-01 in codecs.json)', async () => {
    const r = await cli('decode', 'generic/cayenne-lpp', '03670110056700ff', '--fport', '8',
      '--style', 'tts', '--json');
    expect(r.status).toBe(0);
    const v = lppVectors.find((x) => x.id === 'lpp-01')!;
    expect(JSON.parse(r.out)).toEqual({ data: v.expected, errors: [], warnings: [] });
  });

  test('decode reads base64 too', async () => {
    const r = await cli('decode', 'generic/cayenne-lpp', 'A2cBEAVnAP8=', '--fport', '1', '--json');
    expect(JSON.parse(r.out).data).toEqual([
      { channel: 3, temperature: 27.2 },
      { channel: 5, temperature: 25.5 },
    ]);
  });

  test.each([
    [['decode', LPP, '036701', '--fport', '1'], /need 2 bytes at offset 2, got 1/],
    [['decode', LPP, '0367', '--fport', '0'], /--fport: expected 1 to 255, got 0/],
    [['decode', 'generic/cayenne-lpp', '0367'], /--fport is required/],
    [['decode', 'nobody/x', '00', '--fport', '1'], /unknown codec 'nobody\/x'/],
    [['decode', 'generic/cayenne-lpp', 'zz!', '--fport', '1'], /base64: invalid character/],
    [['decode', LPP, '00', '--fport', '1', '--style', 'xml'], /--style: expected/],
    [['encode', 'generic/cayenne-lpp', '--data', '{nope'], /--data: not JSON/],
    [['build', 'generic/cayenne-lpp', '--target', 'lns'], /--target: expected one of/],
    [['frobnicate'], /unknown codec subcommand/],
  ])('exits 2 with one line on bad input: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.status).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  test('errors are JSON under --json', async () => {
    const r = await cli('decode', 'generic/cayenne-lpp', '036701', '--fport', '1', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      error: {
        code: 'CODEC_ERROR',
        message: 'temperature on channel 3: need 2 bytes at offset 2, got 1',
      },
    });
  });

  test('encode prints hex and fPort (myDevices example bytes)', async () => {
    const data = JSON.stringify({ temperatureSensor: { '3': 27.2, '5': 25.5 } });
    const r = await cli('encode', 'generic/cayenne-lpp', '--data', data, '--fport', '2');
    expect(r).toEqual({ status: 0, out: 'fPort 2: 03670110056700ff', err: '' });
    const j = await cli('encode', 'generic/cayenne-lpp', '--data', data, '--json');
    expect(JSON.parse(j.out)).toEqual({ bytes: '03670110056700ff', fPort: 1, warnings: [] });
  });

  test('build --target chirpstack: QuickJS runs it on the shared LPP examples', async () => {
    const file = join(dir, 'lpp-chirpstack.js');
    const r = await cli('build', 'generic/cayenne-lpp', '--target', 'chirpstack', '-o', file);
    expect(r.status).toBe(0);
    const script = readFileSync(file, 'utf8');
    expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(Buffer.byteLength(script)).toBeLessThan(40960);
    const loaded = quickJs.load(script);
    try {
      // ChirpStack's own example, with ChirpStack v4's input shape and no variables: the
      // script's default style must be ChirpStack's.
      const cs = lppVectors.find((v) => v.id === 'lpp-03')!;
      const input = { bytes: cs.bytesHex.match(/../g)!.map((h) => parseInt(h, 16)), fPort: 1,
        recvTime: '2024-01-01T00:00:00Z', variables: {} };
      expect(loaded.call('decodeUplink', inputToJs(input))).toEqual({
        data: cs.expected,
        errors: [],
        warnings: [],
      });
      // The other shared examples, each in the style its source prints (variables.style).
      for (const v of lppVectors) {
        const style = /TTS/.test(v.device) ? 'tts' : /ChirpStack/.test(v.device) ? 'chirpstack'
          : 'neutral';
        const out = loaded.call('decodeUplink', inputToJs({
          bytes: v.bytesHex.match(/../g)!.map((h) => parseInt(h, 16)),
          fPort: v.fPort ?? 1,
          variables: { style },
        }));
        expect(out, v.id).toEqual({ data: v.expected, errors: [], warnings: [] });
      }
      // encodeDownlink with ChirpStack's { data, variables } input.
      const enc = loaded.call('encodeDownlink', inputToJs({ data: { digitalOutput: { '1': 1 } },
        variables: {} })) as { bytes: number[]; errors: string[] };
      expect(enc.bytes).toEqual([1, 1, 1]);
      expect(enc.errors).toEqual([]);
    } finally {
      loaded.dispose();
    }
  });

  test('build --target tts defines normalizeUplink and prints the TTS style', async () => {
    const r = await cli('build', 'generic/cayenne-lpp', '--target', 'tts');
    expect(r.status).toBe(0);
    const loaded = quickJs.load(r.out);
    try {
      const v = lppVectors.find((x) => x.id === 'lpp-01')!;
      const bytes = v.bytesHex.match(/../g)!.map((h) => parseInt(h, 16));
      const out = loaded.call('decodeUplink', inputToJs({ bytes, fPort: 8 })) as { data: unknown };
      expect(out.data).toEqual(v.expected);
      // Two temperature channels: The Things Stack's normalized payload has room for one.
      expect(loaded.call('normalizeUplink', inputToJs({ data: out.data }))).toEqual({
        data: [{}],
        errors: [],
        warnings: ['temperature on several channels: left out of the normalized payload'],
      });
      // myDevices "Device with temperature and acceleration sensors": one temperature, -4.1 °C,
      // as float32 in the TTS style (Math.fround is the oracle).
      const one = loaded.call('decodeUplink', inputToJs({
        bytes: [0x01, 0x67, 0xff, 0xd7, 0x06, 0x71, 0x04, 0xd2, 0xfb, 0x2e, 0x00, 0x00], fPort: 1,
      })) as { data: unknown };
      expect(loaded.call('normalizeUplink', inputToJs({ data: one.data }))).toEqual({
        data: [{ air: { temperature: Math.fround(-4.1) } }],
        errors: [],
        warnings: [],
      });
    } finally {
      loaded.dispose();
    }
  });

  test('build --target ts013 writes the script, examples.json and both schemas', async () => {
    const file = join(dir, 'ts013', 'codec.js');
    const r = await cli('build', 'generic/cayenne-lpp', '--target', 'ts013', '-o', file);
    expect(r.status).toBe(0);
    const examples = JSON.parse(readFileSync(join(dir, 'ts013', 'examples.json'), 'utf8'));
    expect(examples.length).toBeGreaterThan(0);
    const up = JSON.parse(readFileSync(join(dir, 'ts013', 'uplink.schema.json'), 'utf8'));
    expect(up.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(up.type).toBe('array'); // neutral style by default for ts013
    JSON.parse(readFileSync(join(dir, 'ts013', 'downlink.schema.json'), 'utf8'));
    // Each example's recorded output is what the built script gives.
    const loaded = quickJs.load(readFileSync(file, 'utf8'));
    try {
      for (const ex of examples) {
        expect(loaded.call(ex.type, inputToJs(ex.input)), ex.description).toEqual(ex.output);
      }
    } finally {
      loaded.dispose();
    }
  });

  test('build --target ts013 without -o is refused (several files)', async () => {
    const r = await cli('build', 'generic/cayenne-lpp', '--target', 'ts013');
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/give -o FILE/);
  });
});
