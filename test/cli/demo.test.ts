/**
 * `loire demo` against the shared vectors: every shipped frame is the vector's frame byte for
 * byte, and what the demo prints (MIC verdicts, decrypted payloads, fields) is what the
 * vectors' sources published.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { DEMO_FRAMES } from '../../cli/demo-frames.js';
import { loadVectors, type MacVector } from '../vectors.js';

const ALL = loadVectors<MacVector[]>('mac.json');
const byId = (id: string): MacVector => ALL.find((v) => v.id === id)!;
const s = (v: unknown): string => String(v);

async function demo(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
  const status = await runCli(['demo', ...argv], io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

interface DemoJson {
  title: string;
  source: string;
  frame: string;
  decoded: Record<string, unknown>;
}

describe('loire demo', () => {
  it('ships each frame exactly as its vector has it', () => {
    for (const d of DEMO_FRAMES) {
      const id = /mac\.json ([\w.-]+)/.exec(d.source)![1]!;
      const v = byId(id);
      expect(d.hex.toLowerCase(), id).toBe(s(v.inputs.phypayload).toLowerCase());
    }
  });

  it('prints the values the vectors publish (--json)', async () => {
    const r = await demo(['--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.out) as DemoJson[];
    expect(list).toHaveLength(DEMO_FRAMES.length);
    const [up10, fcnt32, up11, down11, down10, joinReq, joinAcc] = list.map((x) => x.decoded);

    const mic1 = byId('lp-mic-data-up-1').expected.mic_calculated;
    expect(up10).toMatchObject({ micValid: true, mic: mic1,
      payload: byId('lp-decrypt-test').expected.frmPayload_plaintext });
    expect(fcnt32).toMatchObject({ micValid: true, fCnt: 89136 });
    const rekey = byId('lp-mic-data-up-1.1-rekeyind').expected;
    expect(up11).toMatchObject({ micValid: true, micChecked: 'full', mic: rekey.mic_calculated,
      payload: rekey.frmPayload_plaintext,
      macCommands: [{ name: 'RekeyInd', cid: 11, minor: 1 }] });
    const nf = byId('br11-fopts-encrypted-nfcntdown').expected;
    expect(down11).toMatchObject({ micValid: true, fPort: null, fOptsDecrypted: nf.fOpts_plaintext,
      macCommands: [{ name: 'LinkCheckAns', margin: 7, gwCnt: 1 }] });
    const lp51 = byId('lpi51-down-fpending').expected;
    expect(down10).toMatchObject({ devAddr: lp51.devAddr, fOpts: lp51.fOpts, fPort: lp51.fPort,
      fCtrl: { adr: true, ack: true, fPending: true, fOptsLen: 10 } });
    expect((down10!.macCommands as { name: string }[]).map((c) => c.name))
      .toEqual(['LinkADRReq', 'LinkADRReq']);
    const jr = byId('lp-join-request-mic-1.0').expected;
    expect(joinReq).toMatchObject({ micValid: true, joinEui: jr.joinEUI, devEui: jr.devEUI,
      devNonce: parseInt(s(jr.devNonce), 16) });
    const ja = byId('lpi10-join-accept-decrypt-keys').expected;
    expect(joinAcc).toMatchObject({ micValid: true, netId: ja.NetID_be, devAddr: ja.DevAddr_be,
      joinNonce: parseInt(s(ja.AppNonce_be), 16), mic: s(ja.MIC).toLowerCase() });
  });

  it('prints readable text with every source and no key', async () => {
    const r = await demo([]);
    expect(r.status).toBe(0);
    expect(r.out.match(/^ {3}micValid +yes$/gm)).toHaveLength(6);
    expect(r.out).toContain('payload         74657374  "test"');
    for (const d of DEMO_FRAMES) {
      expect(r.out).toContain(d.source);
      for (const key of Object.values(d.options.keys ?? {})) {
        expect(r.out.toLowerCase()).not.toContain(String(key).toLowerCase());
      }
    }
  });
});
