import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { loadVectors, type MacVector } from '../vectors.js';

const all = loadVectors<MacVector[]>('mac.json');
const byId = (id: string) => all.find((v) => v.id === id)!;

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
  const status = await runCli(['keys', ...argv], io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('loire keys against the key vectors', () => {
  it('lp-keys-1.0: text output', async () => {
    const i = byId('lp-keys-1.0').inputs;
    const r = await cli(['--appkey', i.AppKey as string, '--join-nonce', i.AppNonce_be as string,
      '--net-id', i.NetID_be as string, '--dev-nonce', i.DevNonce_be as string]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^NwkSKey +4e3d6e6afbcc67af2ba3c8e8ec4acf4b$/m);
    expect(r.out).toMatch(/^AppSKey +610897aa6f1460623443b527d3ac6a9d$/m);
  });

  it('ttn-keys: --opt-neg --json, JS keys and the no-OptNeg fallback', async () => {
    const v = byId('ttn-keys');
    const i = v.inputs;
    const common = ['--join-nonce', i.JoinNonce_be as string, '--dev-nonce',
      i.DevNonce_be as string, '--nwkkey', i.key as string, '--json'];
    const r = await cli([...common, '--opt-neg', '--appkey', i.key as string,
      '--join-eui', i.JoinEUI_be as string, '--dev-eui', i.DevEUI_be as string]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      fnwksintkey: v.expected.FNwkSIntKey,
      snwksintkey: v.expected.SNwkSIntKey,
      nwksenckey: v.expected.NwkSEncKey,
      appskey: v.expected.AppSKey,
      jsintkey: v.expected.JSIntKey,
      jsenckey: v.expected.JSEncKey,
    });
    const legacy = await cli([...common, '--net-id', i.NetID_be as string]);
    expect(JSON.parse(legacy.out)).toEqual({
      nwkskey: v.expected.LegacyNwkSKey,
      appskey: v.expected.LegacyAppSKey,
    });
  });

  it('lp-keys-js-1: join-server keys only', async () => {
    const v = byId('lp-keys-js-1');
    const r = await cli(['--nwkkey', v.inputs.NwkKey as string, '--dev-eui',
      v.inputs.DevEUI_be as string, '--json']);
    expect(JSON.parse(r.out)).toEqual({ jsintkey: v.expected.JSIntKey,
      jsenckey: v.expected.JSEncKey });
  });
});

describe('loire keys errors', () => {
  const base = ['--appkey', '98929b92c49edba9676d646d3b612456', '--join-nonce', '376338',
    '--dev-nonce', 'f18e'];
  it('names the missing --net-id, exit 2, one line', async () => {
    const r = await cli(base);
    expect(r.status).toBe(2);
    expect(r.err).toBe('loire: --net-id is required here');
    expect(r.out).toBe('');
  });
  it('names a short --appkey, as JSON under --json', async () => {
    const r = await cli(['--appkey', '0102', '--join-nonce', '376338', '--dev-nonce', 'f18e',
      '--net-id', 'aabbcc', '--json']);
    expect(r.status).toBe(2);
    const e = JSON.parse(r.out).error;
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.message).toMatch(/--appkey: expected 16 bytes/);
  });
  it('names bad hex in --dev-nonce', async () => {
    const r = await cli([...base.slice(0, 4), '--dev-nonce', 'zz', '--net-id', 'aabbcc']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--dev-nonce: expected hex/);
  });
  it('does not echo a mistyped root key', async () => {
    const r = await cli(['--appkey', '98929b92c49edba9676d646d3b61245g', '--join-nonce', '376338',
      '--dev-nonce', 'f18e', '--net-id', 'aabbcc']);
    expect(r.status).toBe(2);
    expect(r.err).toBe('loire: --appkey: expected hex');
    expect(r.err).not.toMatch(/98929b92/);
  });
  it('refuses an unknown flag', async () => {
    const r = await cli([...base, '--netid', '000013']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/unknown option --netid/);
  });
  it('says when there is nothing to derive', async () => {
    const r = await cli(['--appkey', '98929b92c49edba9676d646d3b612456']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/nothing to derive/);
  });
  it('prints help mentioning big-endian, exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/big-endian/);
  });
});
