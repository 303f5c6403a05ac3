/**
 * The packed tarball as a user gets it: `npm pack`, then `npm install <tarball> --offline` in an
 * empty folder (it works offline because loire has no dependency), then the package used through
 * ESM `import`, CJS `require` and the `loire` command, on frames and keys from the shared vectors.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors, ROOT, type MacVector } from '../vectors.js';
import { requireDist } from './dist.js';

const vectors = loadVectors<MacVector[]>('mac.json');
const byId = (id: string): MacVector => {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`mac.json: no vector ${id}`);
  return v;
};

// lora-packet's decrypt test frame: its MIC under NwkSKey (lp-mic-data-up-1) and its clear
// FRMPayload under AppSKey (lp-decrypt-test).
const mic = byId('lp-mic-data-up-1');
const dec = byId('lp-decrypt-test');
const frameHex = mic.inputs.phypayload as string;
const keysVector = byId('lp-keys-1.0');

let work = '';
let app = '';
let files: string[] = [];

function npm(args: string[], cwd: string): string {
  // npm's own cache only: the install must not need a registry.
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env,
    npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' } });
}

function node(file: string): string {
  return execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
}

beforeAll(() => {
  requireDist();
  work = mkdtempSync(join(tmpdir(), 'loire-pack-'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as
    { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  app = join(work, 'app');
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  npm(['install', join(work, packed[0]!.filename), '--offline', '--no-audit', '--no-fund'], app);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The script both module systems run: decode, check the MIC, decrypt. */
const body = `
const bytes = L.hexToBytes(${JSON.stringify(frameHex)});
const f = L.decodePhyPayload(bytes);
const message = bytes.subarray(0, f.micOffset);
const micOk = L.verifyUplinkMic10(L.hexToBytes(${JSON.stringify(mic.inputs.NwkSKey)}),
  { devAddr: f.fhdr.devAddr, fCnt: f.fhdr.fCnt, message }, f.mic);
const clear = L.decryptFrmPayload(L.hexToBytes(${JSON.stringify(dec.inputs.frmKey)}),
  { direction: 'up', devAddr: f.fhdr.devAddr, fCnt: f.fhdr.fCnt, payload: f.frmPayload });
console.log(JSON.stringify({ type: f.type, fCnt: f.fhdr.fCnt,
  devAddr: f.fhdr.devAddr.toString(16), micOk, clear: L.bytesToHex(clear),
  codecs: typeof C, simulator: typeof S, loireError: typeof L.LoireError }));
`;

const expected = {
  type: 'data',
  fCnt: 2,
  devAddr: (dec.inputs.phypayload as string).slice(2, 10).match(/../g)!.reverse().join('')
    .toLowerCase(),
  micOk: true,
  clear: (dec.expected.frmPayload_plaintext as string).toLowerCase(),
  codecs: 'object',
  simulator: 'object',
  loireError: 'function',
};

describe('the packed tarball', () => {
  it('ships the built files and the README, not the sources or tests', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.cjs');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('README.md');
    expect(files).toContain('package.json');
    expect(files.filter((f) => /^(src|test|codecs|simulator|cli|bench)\//.test(f))).toEqual([]);
  });

  it('works through ESM import of loire, loire/codecs and loire/simulator', () => {
    writeFileSync(join(app, 'use.mjs'), `import * as L from 'loire';
import * as C from 'loire/codecs';
import * as S from 'loire/simulator';
${body}`);
    expect(JSON.parse(node(join(app, 'use.mjs')))).toEqual(expected);
  });

  it('works through CJS require of the same subpaths', () => {
    writeFileSync(join(app, 'use.cjs'), `const L = require('loire');
const C = require('loire/codecs');
const S = require('loire/simulator');
${body}`);
    expect(JSON.parse(node(join(app, 'use.cjs')))).toEqual(expected);
  });

  it('installs the loire command, which decodes the lora-packet frame with its keys', () => {
    const out = execFileSync(join(app, 'node_modules', '.bin', 'loire'), ['decode', frameHex,
      '--nwkskey', mic.inputs.NwkSKey as string, '--appskey', dec.inputs.frmKey as string,
      '--json'], { cwd: app, encoding: 'utf8' });
    const view = JSON.parse(out) as Record<string, unknown>;
    expect(view.mType).toBe('UnconfirmedDataUp');
    expect(view.devAddr).toBe(expected.devAddr);
    expect(view.fCnt).toBe(2);
    expect(view.micValid).toBe(true);
    expect(view.payload).toBe(expected.clear);
  });

  it('installs the loire command, which derives the lp-keys-1.0 session keys', () => {
    const i = keysVector.inputs;
    const out = execFileSync(join(app, 'node_modules', '.bin', 'loire'), ['keys', '--appkey',
      i.AppKey as string, '--join-nonce', i.AppNonce_be as string, '--net-id',
      i.NetID_be as string, '--dev-nonce', i.DevNonce_be as string, '--json'],
    { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      nwkskey: (keysVector.expected.NwkSKey as string).toLowerCase(),
      appskey: (keysVector.expected.AppSKey as string).toLowerCase(),
    });
  });
});
