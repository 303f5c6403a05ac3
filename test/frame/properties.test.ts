/**
 * Properties of the high-level frame calls: building then decoding with the same keys is the
 * identity (MIC valid, payload and FOpts equal) for random devices, counters across the
 * 16-bit boundary and payloads, in both LoRaWAN versions; and decoding arbitrary bytes with
 * keys returns a result or throws LoireError, nothing else.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  LoireError,
  bytesToHex,
  createSession,
  encodeMacCommands,
  type DataFrameInput,
  type FrameKeys,
  type MacCommand,
} from '../../src/index.js';

const key = fc.uint8Array({ minLength: 16, maxLength: 16 });
const keys10 = fc.record({ nwkSKey: key, appSKey: key });
const keys11 = fc.record({
  fNwkSIntKey: key,
  sNwkSIntKey: key,
  nwkSEncKey: key,
  appSKey: key,
});

/** A few well-formed MAC command sequences per direction (FOpts must parse back). */
const UP: MacCommand[][] = [
  [],
  [{ cid: 2, name: 'LinkCheckReq', fields: {} }],
  [
    { cid: 6, name: 'DevStatusAns', fields: { battery: 200, margin: -3 } },
    { cid: 2, name: 'LinkCheckReq', fields: {} },
  ],
];
const DOWN: MacCommand[][] = [
  [],
  [{ cid: 2, name: 'LinkCheckAns', fields: { margin: 9, gwCnt: 3 } }],
  [{ cid: 6, name: 'DevStatusReq', fields: {} }],
];

const frameInput = (uplink: boolean) =>
  fc.record({
    devAddr: fc.nat(0xffffffff),
    // Counters around and beyond 65535, and anywhere in 32 bits.
    fCnt: fc.oneof(fc.nat(0x1ffff), fc.nat(0xffffffff)),
    confirmed: fc.boolean(),
    ack: fc.boolean(),
    adr: fc.boolean(),
    commands: fc.constantFrom(...(uplink ? UP : DOWN)),
    // null: no FPort; 0: MAC commands in FRMPayload; 1..255: application data.
    fPort: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 255 })),
    payload: fc.uint8Array({ maxLength: 64 }),
    confFCnt: fc.nat(0xffff),
    txDr: fc.nat(15),
    txCh: fc.nat(255),
  });

describe('build then decode is the identity', () => {
  for (const lorawan of ['1.0', '1.1'] as const) {
    for (const uplink of [true, false]) {
      test.prop([lorawan === '1.0' ? keys10 : keys11, frameInput(uplink)], { numRuns: 150 })(
        `LoRaWAN ${lorawan} ${uplink ? 'uplink' : 'downlink'}`,
        (keys, r) => {
          const session = createSession(keys as FrameKeys, { lorawan });
          const commands = encodeMacCommands(r.commands);
          const input: DataFrameInput = {
            uplink,
            confirmed: r.confirmed,
            devAddr: r.devAddr,
            fCnt: r.fCnt,
            fCtrl: { ack: r.ack, adr: r.adr },
            fPort: r.fPort,
            confFCnt: r.confFCnt,
            txDr: r.txDr,
            txCh: r.txCh,
          };
          if (r.fPort === 0) input.payload = commands;
          else {
            input.fOpts = commands;
            if (r.fPort !== null) input.payload = r.payload;
          }
          const bytes = session.buildDataFrame(input);
          const f = session.decode(bytes, {
            fCnt: r.fCnt,
            confFCnt: r.confFCnt,
            txDr: r.txDr,
            txCh: r.txCh,
          });
          if (f.type !== 'data') throw new Error(f.type);
          expect(f.micValid).toBe(true);
          expect([f.devAddr, f.fCnt, f.fCnt16, f.fPort, f.uplink, f.confirmed]).toEqual([
            r.devAddr, r.fCnt, r.fCnt & 0xffff, r.fPort, uplink, r.confirmed,
          ]);
          expect([f.fCtrl.ack, f.fCtrl.adr]).toEqual([r.ack, r.adr]);
          expect(f.macCommands).toEqual(r.commands);
          if (r.fPort === null) expect(f.payload).toBeUndefined();
          else {
            const clear = r.fPort === 0 ? commands : r.payload;
            expect(bytesToHex(f.payload!)).toBe(bytesToHex(clear));
          }
          if (lorawan === '1.1' && r.fPort !== 0 && commands.length > 0) {
            expect(bytesToHex(f.fOptsDecrypted!)).toBe(bytesToHex(commands));
          }
          // Another counter with the same 16 low bits: the MIC no longer matches.
          const other = session.decode(bytes, {
            fCnt: (r.fCnt + 0x10000) % 2 ** 32,
            confFCnt: r.confFCnt,
            txDr: r.txDr,
            txCh: r.txCh,
          });
          expect(other.micValid).toBe(false);
        },
      );
    }
  }
});

describe('decoding arbitrary bytes', () => {
  const s10 = createSession(
    { nwkSKey: '01'.repeat(16), appSKey: '02'.repeat(16), appKey: '03'.repeat(16) },
    { lorawan: '1.0' },
  );
  const s11 = createSession(
    {
      fNwkSIntKey: '01'.repeat(16), sNwkSIntKey: '02'.repeat(16), nwkSEncKey: '03'.repeat(16),
      appSKey: '04'.repeat(16), nwkKey: '05'.repeat(16), jsIntKey: '06'.repeat(16),
      jsEncKey: '07'.repeat(16),
    },
    { lorawan: '1.1' },
  );
  // Frames that start with each MType are likelier than uniform bytes to reach deep paths.
  const frames = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.tuple(fc.nat(7), fc.uint8Array({ maxLength: 40 })).map(([t, rest]) => {
      const out = new Uint8Array(rest.length + 1);
      out[0] = t << 5;
      out.set(rest, 1);
      return out;
    }),
  );

  test.prop([frames, fc.boolean()], { numRuns: 1500 })(
    'returns a result or throws LoireError only',
    (bytes, v11) => {
      const joinRequest = { joinEui: '0102030405060708', devNonce: 1, devEui: '0807060504030201' };
      try {
        const f = (v11 ? s11 : s10).decode(bytes, { fCnt: 70000, txDr: 1, txCh: 2, joinRequest });
        expect(typeof f.type).toBe('string');
      } catch (e) {
        if (!(e instanceof LoireError)) throw e;
      }
    },
  );
});

describe('join frames: build then decode', () => {
  const eui = fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => bytesToHex(b));
  const accept = fc.record({
    joinNonce: fc.nat(0xffffff),
    netId: fc.nat(0xffffff),
    devAddr: fc.nat(0xffffffff),
    rx1DrOffset: fc.nat(7),
    rx2DataRate: fc.nat(15),
    rxDelay: fc.nat(15),
    devNonce: fc.nat(0xffff),
    joinEui: eui,
    devEui: eui,
    cfList: fc.option(fc.array(fc.integer({ min: 100_000, max: 1_600_000 }), {
      minLength: 5, maxLength: 5,
    }).map((f) => f.map((x) => x * 100)), { nil: undefined }),
  });

  const runs = { numRuns: 100 };
  test.prop([key, key, accept, fc.constantFrom('1.0' as const, '1.1' as const)], runs)(
    'Join-Request and Join-Accept: MIC valid, fields equal, 1.1 keys derived from NwkKey',
    (rootKey, appKey, a, lorawan) => {
      const keys: FrameKeys =
        lorawan === '1.0' ? { appKey: rootKey } : { nwkKey: rootKey, appKey };
      const session = createSession(keys, { lorawan });
      const req = session.buildJoinRequest({
        joinEui: a.joinEui, devEui: a.devEui, devNonce: a.devNonce,
      });
      const r = session.decode(req);
      if (r.type !== 'joinRequest') throw new Error(r.type);
      expect([r.micValid, r.joinEui, r.devEui, r.devNonce]).toEqual([
        true, a.joinEui, a.devEui, a.devNonce,
      ]);

      const joinRequest = { joinEui: a.joinEui, devNonce: a.devNonce, devEui: a.devEui };
      const bytes = session.buildJoinAccept({
        joinNonce: a.joinNonce, netId: a.netId, devAddr: a.devAddr, rxDelay: a.rxDelay,
        dlSettings: { rx1DrOffset: a.rx1DrOffset, rx2DataRate: a.rx2DataRate },
        ...(a.cfList ? { cfList: { cfListType: 0 as const, frequenciesHz: a.cfList } } : {}),
        joinRequest,
      });
      const f = session.decode(bytes, { joinRequest });
      if (f.type !== 'joinAccept') throw new Error(f.type);
      expect([f.micValid, f.decrypted, f.joinNonce, f.devAddr, f.rxDelay]).toEqual([
        true, true, a.joinNonce, a.devAddr, a.rxDelay,
      ]);
      expect(f.netId).toBe(a.netId.toString(16).padStart(6, '0'));
      expect(f.dlSettings).toEqual({
        optNeg: lorawan === '1.1', rx1DrOffset: a.rx1DrOffset, rx2DataRate: a.rx2DataRate,
      });
      if (a.cfList) expect(f.cfList).toEqual({ cfListType: 0, frequenciesHz: a.cfList });
    },
  );
});
