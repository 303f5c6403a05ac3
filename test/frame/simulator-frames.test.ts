/**
 * The simulator's device frames now come from the core frame layer (one place for frame
 * building): its adapters give the published bytes, and a device drops replays and keeps MAC
 * commands unparsed for its own lenient split.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDownlink,
  buildUplink,
  createDeviceSession,
  openDownlink,
} from '../../simulator/device/frames.js';
import { bytesToHex, createSession, decodeFrame, hexToBytes } from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';

const vector = (id: string): MacVector =>
  loadVectors<MacVector[]>('mac.json').find((v) => v.id === id)!;

describe('simulator/device/frames.ts over src/frame', () => {
  it('buildUplink gives br10-encode-confirmed-up byte for byte', () => {
    const v = vector('br10-encode-confirmed-up');
    const session = createDeviceSession('1.0', {
      devAddr: 0x01020304,
      nwkSKey: hexToBytes(String(v.inputs.NwkSKey)),
      appSKey: hexToBytes(String(v.inputs.AppSKey)),
    });
    const bytes = buildUplink(session, {
      confirmed: true, fCnt: 0, adr: false, adrAckReq: false, ack: false,
      fOpts: hexToBytes('067307'), fPort: 10, frmPayload: hexToBytes('01020304'),
      txDr: 0, txCh: 0, confFCnt: 0,
    });
    expect(bytesToHex(bytes)).toBe(v.expected.phypayload);
  });

  it('openDownlink accepts the next counter, drops a replay, leaves MAC commands raw', () => {
    const keys = { devAddr: 0x26012e29, nwkSKey: new Uint8Array(16).fill(7),
      appSKey: new Uint8Array(16).fill(9) };
    const session = createDeviceSession('1.0', keys);
    // A LinkADRReq cut short: the device keeps the bytes for its lenient split.
    const fOpts = hexToBytes('0350ff00');
    const dl = buildDownlink(session, { fCnt: 70_001, fOpts, ack: true });
    const opened = openDownlink(session, dl, 70_000, 0)!;
    expect([opened.fCnt, opened.ack, bytesToHex(opened.macCommands)]).toEqual([
      70_001, true, '0350ff00',
    ]);
    expect(openDownlink(session, dl, 70_001, 0)).toBeUndefined();
    // The core decode, parsing the commands, reports the truncation instead.
    const core = createSession({ nwkSKey: keys.nwkSKey }, { lorawan: '1.0' });
    expect(() => core.decode(dl, { fCnt: 70_001 })).toThrow(/LinkADRReq/);
    const unparsed = core.decode(dl, { fCnt: 70_001, parseMacCommands: false });
    expect([unparsed.micValid, 'macCommands' in unparsed]).toEqual([true, false]);
    expect(decodeFrame(dl, { parseMacCommands: false }).type).toBe('data');
  });
});
