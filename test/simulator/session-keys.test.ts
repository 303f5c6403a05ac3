/**
 * Simulator sessions expand their keys lazily (simulator/device/frames.ts). Whatever the order
 * in which a session's keys are first used, and whatever happens to the arrays it was given,
 * its frames must be the ones the core builder makes from the raw keys, and lora-packet's for
 * LoRaWAN 1.0.x; the network side's key getters must verify them.
 */
import { fc, test } from '@fast-check/vitest';
import LoraPacket from 'lora-packet';
import { describe, expect } from 'vitest';
import { verifyUplinkMic10, verifyUplinkMic11 } from '../../src/crypto/index.js';
import { buildDataFrame } from '../../src/frame/index.js';
import {
  buildDownlink,
  buildUplink,
  createDeviceSession,
  createRootSession,
  openDownlink,
  type LorawanVersion,
  type Session,
  type SessionKeys,
} from '../../simulator/device/frames.js';

const key = fc.uint8Array({ minLength: 16, maxLength: 16 });
const keys = fc.record({ nwk: key, fNwk: key, sNwk: key, nwkEnc: key, app: key });
type RawKeys = { nwk: Uint8Array; fNwk: Uint8Array; sNwk: Uint8Array; nwkEnc: Uint8Array;
  app: Uint8Array };

/** A data frame's variable parts; FPort 0 carries MAC commands in FRMPayload, no FOpts. */
const frame = fc.record({
  devAddr: fc.integer({ min: 0, max: 0xffffffff }),
  fCnt: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffffffff })),
  fPort: fc.option(fc.integer({ min: 0, max: 223 }), { nil: undefined }),
  fOpts: fc.uint8Array({ maxLength: 15 }),
  frmPayload: fc.uint8Array({ maxLength: 40 }),
  confirmed: fc.boolean(),
  adr: fc.boolean(),
  adrAckReq: fc.boolean(),
  ack: fc.boolean(),
  txDr: fc.integer({ min: 0, max: 15 }),
  txCh: fc.integer({ min: 0, max: 255 }),
  confFCnt: fc.integer({ min: 0, max: 0xffff }),
}).map((f) => ({
  ...f,
  fOpts: f.fPort === 0 ? new Uint8Array(0) : f.fOpts,
  frmPayload: f.fPort === undefined ? new Uint8Array(0) : f.frmPayload,
}));

/** The getters a session may be asked for first, in any order, before it builds a frame. */
const GETTERS = ['fNwkSIntKey', 'sNwkSIntKey', 'nwkSEncKey', 'appSKey', 'frames'] as const;
const warmOrder = fc.subarray([...GETTERS]).chain((s) => fc.shuffledSubarray(s));

function sessionKeys(v: LorawanVersion, k: RawKeys, devAddr: number): SessionKeys {
  return v === '1.0'
    ? { devAddr, nwkSKey: k.nwk.slice(), appSKey: k.app.slice() }
    : { devAddr, fNwkSIntKey: k.fNwk.slice(), sNwkSIntKey: k.sNwk.slice(),
      nwkSEncKey: k.nwkEnc.slice(), appSKey: k.app.slice() };
}

/** A session made, used in the given order, and whose input arrays are then overwritten. */
function usedSession(v: LorawanVersion, k: RawKeys, devAddr: number, order: string[]): Session {
  const given = sessionKeys(v, k, devAddr);
  const s = createDeviceSession(v, given);
  for (const g of order) void s[g as (typeof GETTERS)[number]];
  for (const a of [given.nwkSKey, given.fNwkSIntKey, given.sNwkSIntKey, given.nwkSEncKey,
    given.appSKey]) a?.fill(0xa5);
  return s;
}

function coreKeys(v: LorawanVersion, k: RawKeys) {
  return v === '1.0'
    ? { nwkSKey: k.nwk, appSKey: k.app }
    : { fNwkSIntKey: k.fNwk, sNwkSIntKey: k.sNwk, nwkSEncKey: k.nwkEnc, appSKey: k.app };
}

describe.each(['1.0', '1.1'] as const)('LoRaWAN %s sessions expanded on first use', (v) => {
  test.prop([keys, frame, warmOrder], { numRuns: 150 })(
    'an uplink equals the core builder with the raw keys', (k, f, order) => {
      const s = usedSession(v, k, f.devAddr, order);
      const got = buildUplink(s, f);
      const want = buildDataFrame({
        uplink: true, confirmed: f.confirmed, devAddr: f.devAddr, fCnt: f.fCnt,
        fCtrl: { adr: f.adr, adrAckReq: f.adrAckReq, ack: f.ack }, fOpts: f.fOpts,
        fPort: f.fPort ?? null, payload: f.frmPayload, confFCnt: f.ack ? f.confFCnt : 0,
        txDr: f.txDr, txCh: f.txCh,
      }, { keys: coreKeys(v, k), lorawan: v });
      expect(got).toEqual(want);
    });

  test.prop([keys, frame, warmOrder], { numRuns: 150 })(
    'a downlink equals the core builder and the device opens it', (k, f, order) => {
      const net = usedSession(v, k, f.devAddr, order);
      const spec = { confirmed: f.confirmed, fCnt: f.fCnt, ack: f.ack, fPending: f.adrAckReq,
        adr: f.adr, fOpts: f.fOpts, frmPayload: f.frmPayload, confFCnt: f.confFCnt,
        ...(f.fPort === undefined ? {} : { fPort: f.fPort }) };
      const got = buildDownlink(net, spec);
      const want = buildDataFrame({
        uplink: false, confirmed: f.confirmed, devAddr: f.devAddr, fCnt: f.fCnt,
        fCtrl: { adr: f.adr, ack: f.ack, fPending: f.adrAckReq }, fOpts: f.fOpts,
        fPort: f.fPort ?? null, payload: f.frmPayload, confFCnt: f.ack ? f.confFCnt : 0,
      }, { keys: coreKeys(v, k), lorawan: v });
      expect(got).toEqual(want);
      const device = usedSession(v, k, f.devAddr, [...order].reverse());
      const opened = openDownlink(device, got, f.fCnt - 1, f.ack ? f.confFCnt : 0);
      expect(opened?.fCnt).toBe(f.fCnt);
      expect(opened?.frmPayload).toEqual(f.fPort ? f.frmPayload : new Uint8Array(0));
      expect(opened?.macCommands).toEqual(f.fPort === 0 ? f.frmPayload : f.fOpts);
    });

  test.prop([keys, frame, warmOrder], { numRuns: 150 })(
    "the network side's key getters verify the device's uplink MIC", (k, f, order) => {
      const bytes = buildUplink(usedSession(v, k, f.devAddr, order), f);
      const net = usedSession(v, k, f.devAddr, [...order].reverse());
      const message = bytes.subarray(0, bytes.length - 4);
      const mic = bytes.subarray(bytes.length - 4);
      const ok = v === '1.0'
        ? verifyUplinkMic10(net.fNwkSIntKey, { devAddr: f.devAddr, fCnt: f.fCnt, message }, mic)
        : verifyUplinkMic11(net.sNwkSIntKey, net.fNwkSIntKey, { devAddr: f.devAddr,
          fCnt: f.fCnt, message, confFCnt: f.ack ? f.confFCnt : 0, txDr: f.txDr,
          txCh: f.txCh }, mic);
      expect(ok).toBe(true);
    });
});

describe('LoRaWAN 1.0 session frames against lora-packet', () => {
  const buf = (b: Uint8Array): Buffer => Buffer.from(b);
  test.prop([keys, frame.filter((f) => f.fCnt <= 0xffff), warmOrder], { numRuns: 150 })(
    'lora-packet verifies the MIC and decrypts the payload', (k, f, order) => {
      const bytes = buildUplink(usedSession('1.0', k, f.devAddr, order), f);
      const p = LoraPacket.fromWire(buf(bytes));
      expect(LoraPacket.verifyMIC(p, buf(k.nwk))).toBe(true);
      if (f.fPort !== undefined) {
        expect([...LoraPacket.decrypt(p, buf(k.app), buf(k.nwk))]).toEqual([...f.frmPayload]);
      }
    });
});

describe('root sessions', () => {
  const ids = { devEui: '0102030405060708', joinEui: '0807060504030201' };
  test('a missing root key is a TypeError naming it, when the session is made', () => {
    const appKey = new Uint8Array(16);
    expect(() => createRootSession('1.1', { ...ids, appKey })).toThrowError(
      new TypeError('nwkKey: expected 16 bytes for LoRaWAN 1.1'));
    expect(() => createRootSession('1.0', { ...ids } as never)).toThrowError(
      new TypeError('appKey: expected 16 bytes for LoRaWAN 1.0'));
  });
});
