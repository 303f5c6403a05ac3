/**
 * `loire decode --json` through runCli on the mac.json vectors (each test named by vector id),
 * the text output, and bad input: exit 2 with one line naming what is wrong and where.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { loadVectors, type MacVector } from '../vectors.js';

const ALL = loadVectors<MacVector[]>('mac.json');
const byId = (id: string): MacVector => ALL.find((v) => v.id === id)!;
const s = (v: unknown): string => String(v);

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
  const status = await runCli(['decode', ...argv], io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

async function json(argv: string[]): Promise<Record<string, unknown>> {
  const r = await cli([...argv, '--json']);
  expect(r.err).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>;
}

describe('phypayload-decode vectors', () => {
  const cases = ALL.filter((v) => v.kind === 'phypayload-decode' && v.inputs.phypayload);
  it.each(cases.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const o = await json([s(v.inputs.phypayload)]);
    const e = v.expected;
    const pairs: [string, string][] = [
      ['devAddr', 'devAddr'], ['fCnt', 'fCnt'], ['fOpts', 'fOpts'], ['fPort', 'fPort'],
      ['frmPayload', 'frmPayload'], ['mic', 'mic'], ['joinEUI', 'joinEui'], ['devEUI', 'devEui'],
    ];
    for (const [ve, ko] of pairs) if (e[ve] !== undefined) expect(o[ko]).toEqual(e[ve]);
    if (e.devNonce !== undefined) expect(o.devNonce).toBe(parseInt(s(e.devNonce), 16));
    const fCtrl = o.fCtrl as { fOptsLen: number };
    if (e.fOptsLen !== undefined) expect(fCtrl.fOptsLen).toBe(e.fOptsLen);
    if (e.fPending !== undefined) expect((o.fCtrl as { fPending: boolean }).fPending).toBe(true);
    expect(o).not.toHaveProperty('micValid');
  });
});

describe('MIC and decryption vectors (LoRaWAN 1.0)', () => {
  const cases = ALL.filter(
    (v) => (v.kind === 'mic-data-1.0' || v.kind === 'decrypt-frmpayload') && v.inputs.phypayload,
  );
  it.each(cases.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const args = [s(v.inputs.phypayload)];
    const role = s(v.inputs.frmKey_role);
    if (v.inputs.NwkSKey !== undefined) args.push('--nwkskey', s(v.inputs.NwkSKey));
    else if (role.startsWith('NwkSKey')) args.push('--nwkskey', s(v.inputs.frmKey));
    if (role.startsWith('AppSKey')) args.push('--appskey', s(v.inputs.frmKey));
    const o = await json(args);
    const calc = v.expected.mic_calculated ?? v.expected.mic;
    if (v.inputs.NwkSKey !== undefined) {
      expect(o.micValid).toBe(s(calc).toLowerCase() === o.mic);
      if (v.expected.mic_valid !== undefined) expect(o.micValid).toBe(v.expected.mic_valid);
    }
    if (v.expected.frmPayload_plaintext !== undefined) {
      expect(o.payload).toBe(v.expected.frmPayload_plaintext);
    }
  });

  it('lpi126-mic-mismatch-fcnt16 with --fcnt 89136: MIC valid', async () => {
    const v = byId('lpi126-mic-mismatch-fcnt16');
    const o = await json([s(v.inputs.phypayload_base64), '--nwkskey', s(v.inputs.NwkSKey),
      '--fcnt', '89136']);
    expect([o.micValid, o.fCnt, o.fPort]).toEqual([true, 89136, 5]);
  });

  it('br10-macs-in-frmpayload: FPort 0 MAC commands by spec name', async () => {
    const v = byId('br10-macs-in-frmpayload');
    const o = await json([s(v.inputs.phypayload), '--nwkskey', s(v.inputs.NwkSKey)]);
    expect(o.macCommands).toEqual([
      { name: 'LinkCheckReq', cid: 2 },
      { name: 'LinkADRAns', cid: 3, powerAck: true, dataRateAck: false, chMaskAck: true },
    ]);
  });
});

describe('join vectors', () => {
  it.each([['lp-join-request-mic-1.0'], ['lp-join-request-mic-1.1'],
    ['br-join-request-decode-mic']])('%s', async (id) => {
    const v = byId(id);
    const v11 = s(v.inputs.key_role).includes('1.1');
    const o = await json([s(v.inputs.phypayload), v11 ? '--nwkkey' : '--appkey', s(v.inputs.key),
      '--lorawan', v11 ? '1.1' : '1.0']);
    expect([o.mType, o.micValid, o.joinEui, o.devEui, o.devNonce]).toEqual([
      'JoinRequest', true, v.expected.joinEUI, v.expected.devEUI,
      parseInt(s(v.expected.devNonce), 16),
    ]);
  });

  it('lpi10-join-accept-decrypt-keys', async () => {
    const v = byId('lpi10-join-accept-decrypt-keys');
    const o = await json([s(v.inputs.phypayload), '--appkey', s(v.inputs.AppKey)]);
    const e = v.expected;
    expect(o).toMatchObject({
      mType: 'JoinAccept', micValid: true, joinNonce: parseInt(s(e.AppNonce_be), 16),
      netId: e.NetID_be, devAddr: e.DevAddr_be, rxDelay: 1, mic: s(e.MIC).toLowerCase(),
      dlSettings: { optNeg: false, rx1DrOffset: 0, rx2DataRate: 3 },
    });
    expect((o.cfList as { frequenciesHz: number[] }).frequenciesHz[0]).toBe(867100000);
  });

  it('lpi10-join-accept-decrypt-keys without a key: not decrypted', async () => {
    const o = await json([s(byId('lpi10-join-accept-decrypt-keys').inputs.phypayload)]);
    expect([o.mType, o.decrypted, o.micValid]).toEqual(['JoinAccept', false, undefined]);
  });

  it('br-join-accept-1.1-send: OptNeg MIC with the request', async () => {
    const v = byId('br-join-accept-1.1-send');
    const k = s(v.inputs.key);
    const o = await json([s(v.expected.encrypted_phypayload), '--lorawan', '1.1', '--nwkkey', k,
      '--jsintkey', k, '--join-eui', s(v.inputs.JoinEUI_be), '--dev-nonce', '258']);
    expect([o.micValid, o.mic, o.joinNonce, o.devAddr]).toEqual([
      true, v.expected.mic, 65793, '01020304',
    ]);
  });

  it.each([['br-rejoin-type2'], ['br-rejoin-type1']])('%s', async (id) => {
    const v = byId(id);
    const flag = s(v.inputs.key_role).startsWith('JSIntKey') ? '--jsintkey' : '--snwksintkey';
    const o = await json([s(v.inputs.phypayload), '--lorawan', '1.1', flag, s(v.inputs.key)]);
    expect([o.mType, o.rejoinType, o.devEui, o.micValid]).toEqual([
      'RejoinRequest', v.expected.rejoinType, v.expected.devEUI, true,
    ]);
    expect(o.rjCount0 ?? o.rjCount1).toBe(219);
  });
});

describe('LoRaWAN 1.1 data vectors', () => {
  const k = (v: MacVector, name: string): string => s(v.inputs[name]);

  it('lp-mic-data-up-1.1-rekeyind', async () => {
    const v = byId('lp-mic-data-up-1.1-rekeyind');
    const o = await json([k(v, 'phypayload'), '--lorawan', '1.1',
      '--fnwksintkey', k(v, 'FNwkSIntKey'), '--snwksintkey', k(v, 'SNwkSIntKey'),
      '--nwksenckey', k(v, 'frmKey'), '--txdr', '0', '--txch', '1']);
    expect([o.micValid, o.micChecked, o.payload]).toEqual([true, 'full', '0b01']);
    expect(o.macCommands).toEqual([{ name: 'RekeyInd', cid: 11, minor: 1 }]);
  });

  it('lp-mic-data-up-1.1-a without --txdr/--txch: the cmacF half', async () => {
    const v = byId('lp-mic-data-up-1.1-a');
    const o = await json([k(v, 'phypayload'), '--lorawan', '1.1',
      '--fnwksintkey', k(v, 'FNwkSIntKey'), '--snwksintkey', k(v, 'SNwkSIntKey')]);
    expect([o.micValid, o.micChecked]).toEqual([true, 'cmacF']);
  });

  it('br11-fopts-encrypted-nfcntdown', async () => {
    const v = byId('br11-fopts-encrypted-nfcntdown');
    const o = await json([k(v, 'phypayload'), '--lorawan', '1.1',
      '--snwksintkey', k(v, 'SNwkSIntKey'), '--nwksenckey', k(v, 'NwkSEncKey')]);
    expect(o).toMatchObject({
      mType: 'UnconfirmedDataDown', fPort: null, fOpts: v.expected.fOpts,
      fOptsDecrypted: v.expected.fOpts_plaintext, micValid: true,
      macCommands: [{ name: 'LinkCheckAns', cid: 2, margin: 7, gwCnt: 1 }],
    });
  });

  it('br11-encrypted-fopts-down', async () => {
    const v = byId('br11-encrypted-fopts-down');
    const o = await json([k(v, 'phypayload'), '--lorawan', '1.1',
      '--snwksintkey', k(v, 'SNwkSIntKey'), '--nwksenckey', k(v, 'NwkSEncKey'),
      '--appskey', k(v, 'frmKey')]);
    expect([o.micValid, o.fOptsDecrypted, o.payload]).toEqual([
      true, v.expected.fOpts_plaintext, v.expected.frmPayload_plaintext,
    ]);
  });

  it('br11-frmpayload-data', async () => {
    const v = byId('br11-frmpayload-data');
    const o = await json([k(v, 'phypayload'), '--lorawan', '1.1',
      '--snwksintkey', k(v, 'SNwkSIntKey'), '--fnwksintkey', k(v, 'FNwkSIntKey'),
      '--appskey', k(v, 'frmKey'), '--confcnt', '1', '--txdr', '2', '--txch', '3']);
    expect([o.micValid, o.payload]).toEqual([true, v.expected.frmPayload_plaintext]);
  });
});

describe('text output and bad input', () => {
  it('prints readable lines and never a key (lp-decrypt-test)', async () => {
    const nwk = '44024241ed4ce9a68c6a8bc055233fd3';
    const app = 'ec925802ae430ca77fd3dd73cb2cc588';
    const frame = '40F17DBE4900020001954378762B11FF0D';
    const r = await cli([frame, '--nwkskey', nwk, '--appskey', app]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^micValid +yes$/m);
    expect(r.out).toMatch(/^payload +74657374 +"test"$/m);
    expect(r.out).not.toContain(nwk);
    expect(r.out).not.toContain(app);
  });

  it('exits 2 with one line naming the field and offset of a truncated frame', async () => {
    const r = await cli(['4084412505A30100091103']);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^loire: .*12 bytes/);
  });

  it('with --json, reports {"error":{"code","message"}}', async () => {
    const r = await cli(['4084412505A3010009110308', '--json']);
    expect(r.status).toBe(2);
    const o = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(o.error.code).toBe('TRUNCATED');
    expect(o.error.message).toMatch(/FOpts/);
  });

  it('refuses a mistyped key without echoing it', async () => {
    const r = await cli(['40F17DBE4900020001954378762B11FF0D', '--appskey', 'ec925802ae43zz']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/--appskey: expected 32 hex digits/);
    expect(r.err).not.toContain('ec925802ae43zz');
  });

  it('refuses a 1.1 key under --lorawan 1.0, naming the flag', async () => {
    const r = await cli(['40F17DBE4900020001954378762B11FF0D', '--nwksenckey', '01'.repeat(16)]);
    expect(r.status).toBe(2);
    expect(r.err).toBe('loire: --nwksenckey is not a LoRaWAN 1.0 key (add --lorawan 1.1)');
  });

  test.prop([fc.string({ maxLength: 80 })], { numRuns: 300 })(
    'garbage: exit 0 with a frame or exit 2 with one line',
    async (text) => {
      const r = await cli([text, '--nwkskey', '01'.repeat(16), '--appskey', '02'.repeat(16)]);
      if (r.status === 0) {
        expect(r.out).toMatch(/^mType /);
      } else {
        expect(r.status).toBe(2);
        expect(r.out).toBe('');
        expect(r.err.split('\n')).toHaveLength(1);
      }
    },
  );
});
