import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  computePingOffset,
  createAes128,
  deriveJoinServerKeys,
  deriveRootWorSKey,
  deriveSessionKeys10,
  deriveSessionKeys11,
  deriveWorSessionKeys,
} from '../../src/index.js';
import { loadVectors, type MacVector } from '../vectors.js';
import { aesEcbEncrypt, hex, toHex } from './oracle.js';

const all = loadVectors<MacVector[]>('mac.json');
const of = (kind: string) => all.filter((v) => v.kind === kind);
const num = (i: Record<string, unknown>, name: string): number =>
  (i[`${name}_int`] as number | undefined) ?? parseInt(i[`${name}_be`] as string, 16);

describe('keys-1.0 vectors', () => {
  it('has vectors to check', () => expect(of('keys-1.0').length).toBeGreaterThanOrEqual(2));
  for (const v of of('keys-1.0')) {
    it(v.id, () => {
      const i = v.inputs;
      const appKey = hex((i.AppKey ?? i.NwkKey) as string);
      const keys = deriveSessionKeys10({
        appKey,
        joinNonce: num(i, i.AppNonce_be !== undefined ? 'AppNonce' : 'JoinNonce'),
        netId: num(i, 'NetID'),
        devNonce: num(i, 'DevNonce'),
      });
      expect(toHex(keys.nwkSKey)).toBe(v.expected.NwkSKey);
      expect(toHex(keys.appSKey)).toBe(v.expected.AppSKey);
      if (v.expected.RootWorSKey !== undefined) {
        // A 1.0 relay's NwkSEncKey is its NwkSKey (TS011 relay specification).
        expect(toHex(deriveRootWorSKey(keys.nwkSKey))).toBe(v.expected.RootWorSKey);
      }
    });
  }
});

describe('keys-1.1 vectors', () => {
  it('has vectors to check', () => expect(of('keys-1.1').length).toBeGreaterThanOrEqual(4));
  for (const v of of('keys-1.1')) {
    it(v.id, () => {
      const i = v.inputs;
      const e = v.expected;
      const nwkKey = hex((i.NwkKey ?? i.key) as string);
      const appKeyHex = (i.AppKey ?? i.key ?? i.NwkKey) as string;
      const appKey = hex(appKeyHex);
      if (e.FNwkSIntKey !== undefined) {
        const keys = deriveSessionKeys11({
          nwkKey,
          appKey: createAes128(appKey),
          joinNonce: num(i, 'JoinNonce'),
          joinEui: hex(i.JoinEUI_be as string),
          devNonce: num(i, 'DevNonce'),
        });
        expect(toHex(keys.fNwkSIntKey)).toBe(e.FNwkSIntKey);
        expect(toHex(keys.sNwkSIntKey)).toBe(e.SNwkSIntKey);
        expect(toHex(keys.nwkSEncKey)).toBe(e.NwkSEncKey);
        expect(toHex(keys.appSKey)).toBe(e.AppSKey);
      }
      if (e.LegacyNwkSKey !== undefined) {
        const legacy = deriveSessionKeys11({
          nwkKey,
          appKey,
          joinNonce: num(i, 'JoinNonce'),
          netId: num(i, 'NetID'),
          devNonce: num(i, 'DevNonce'),
          optNeg: false,
        });
        expect(toHex(legacy.fNwkSIntKey)).toBe(e.LegacyNwkSKey);
        expect(toHex(legacy.sNwkSIntKey)).toBe(e.LegacyNwkSKey);
        expect(toHex(legacy.nwkSEncKey)).toBe(e.LegacyNwkSKey);
        expect(toHex(legacy.appSKey)).toBe(e.LegacyAppSKey);
      }
      if (e.JSIntKey !== undefined) {
        const js = deriveJoinServerKeys({ nwkKey, devEui: hex(i.DevEUI_be as string) });
        expect(toHex(js.jsIntKey)).toBe(e.JSIntKey);
        expect(toHex(js.jsEncKey)).toBe(e.JSEncKey);
      }
    });
  }
});

describe('keys-relay vectors', () => {
  it('has vectors to check', () => expect(of('keys-relay').length).toBeGreaterThanOrEqual(2));
  for (const v of of('keys-relay')) {
    it(v.id, () => {
      const i = v.inputs;
      if (i.NwkSEncKey !== undefined) {
        expect(toHex(deriveRootWorSKey(hex(i.NwkSEncKey as string)))).toBe(v.expected.RootWorSKey);
      } else {
        const keys = deriveWorSessionKeys(
          hex(i.RootWorSKey as string),
          parseInt(i.DevAddr_be as string, 16),
        );
        expect(toHex(keys.worSIntKey)).toBe(v.expected.WorSIntKey);
        expect(toHex(keys.worSEncKey)).toBe(v.expected.WorSEncKey);
      }
    });
  }
});

describe('classb-ping-offset vectors', () => {
  const vs = of('classb-ping-offset');
  it('has vectors to check', () => expect(vs.length).toBeGreaterThanOrEqual(1));
  for (const v of vs) {
    it(v.id, () => {
      const cases = v.inputs.cases as {
        beaconTime: number; DevAddr_be: string; pingPeriod: number; expected: number }[];
      for (const c of cases) {
        const devAddr = parseInt(c.DevAddr_be, 16);
        expect(computePingOffset({ beaconTime: c.beaconTime, devAddr, pingPeriod: c.pingPeriod }))
          .toBe(c.expected);
      }
      for (const bad of v.expected.invalid_ping_periods as number[]) {
        expect(() => computePingOffset({ beaconTime: 0, devAddr: 0, pingPeriod: bad }))
          .toThrow(/pingPeriod/);
      }
    });
  }
  it('rejects 96, which is in range but not 2^12 / pingNb', () => {
    expect(() => computePingOffset({ beaconTime: 0, devAddr: 0, pingPeriod: 96 }))
      .toThrow(RangeError);
  });
  test.prop([fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), fc.nat(7)])(
    'matches node:crypto AES of BeaconTime | DevAddr under the zero key',
    (beaconTime, devAddr, k) => {
      const pingPeriod = 4096 >> k;
      const b = Buffer.alloc(16);
      b.writeUInt32LE(beaconTime, 0);
      b.writeUInt32LE(devAddr, 4);
      const r = aesEcbEncrypt(new Uint8Array(16), b);
      expect(computePingOffset({ beaconTime, devAddr, pingPeriod }))
        .toBe((r[0]! + 256 * r[1]!) % pingPeriod);
    },
  );
});

describe('EUIs and NetID as the framing layer gives them (big-endian hex strings)', () => {
  const v = all.find((x) => x.id === 'ttn-keys')!;
  const i = v.inputs;
  const key = hex(i.key as string);
  it('ttn-keys with joinEui, devEui and netId as hex strings', () => {
    const base = { nwkKey: key, appKey: key, joinNonce: num(i, 'JoinNonce'),
      devNonce: num(i, 'DevNonce') };
    const k11 = deriveSessionKeys11({ ...base, joinEui: i.JoinEUI_be as string });
    expect(toHex(k11.sNwkSIntKey)).toBe(v.expected.SNwkSIntKey);
    const legacy = deriveSessionKeys11({ ...base, optNeg: false, netId: i.NetID_be as string });
    expect(toHex(legacy.appSKey)).toBe(v.expected.LegacyAppSKey);
    const js = deriveJoinServerKeys({ nwkKey: key, devEui: i.DevEUI_be as string });
    expect(toHex(js.jsIntKey)).toBe(v.expected.JSIntKey);
  });
  it('rejects an EUI string of 15 digits and a NetID of 5, naming them', () => {
    expect(() => deriveJoinServerKeys({ nwkKey: key, devEui: '004200421342434' }))
      .toThrow(/devEui: expected 16 hex digits/);
    expect(() => deriveSessionKeys10({ appKey: key, joinNonce: 0, netId: '02010', devNonce: 0 }))
      .toThrow(/netId: expected 6 hex digits/);
  });
});

describe('key derivation argument errors', () => {
  const k = new Uint8Array(16);
  it('names joinNonce beyond 24 bits', () => {
    expect(() => deriveSessionKeys10({ appKey: k, joinNonce: 0x1000000, netId: 0, devNonce: 0 }))
      .toThrow(/joinNonce: expected 0 to 16777215/);
  });
  it('names appKey of the wrong length', () => {
    expect(() =>
      deriveSessionKeys10({ appKey: new Uint8Array(12), joinNonce: 0, netId: 0, devNonce: 0 }),
    ).toThrow(/appKey: expected 16 bytes, got 12/);
  });
  it('asks for joinEui with OptNeg and for netId without it', () => {
    expect(() => deriveSessionKeys11({ nwkKey: k, appKey: k, joinNonce: 0, devNonce: 0 }))
      .toThrow(/joinEui/);
    expect(() =>
      deriveSessionKeys11({ nwkKey: k, appKey: k, joinNonce: 0, devNonce: 0, optNeg: false }),
    ).toThrow(/netId/);
  });
});
