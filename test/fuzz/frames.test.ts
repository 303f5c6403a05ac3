/**
 * Campaign over the framing and crypto decoders: PHYPayload, MAC commands (both directions),
 * Class B beacons, decrypted Join-Accepts, and the keyed path (MIC checks, FRMPayload, FOpts and
 * Join-Accept decryption) on arbitrary and mutated frames. Budget: see harness.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LoireError,
  createAes128,
  createCmac,
  computeDownlinkMic10,
  computeJoinAcceptMic10,
  computeUplinkMic10,
  decodeBeacon,
  decodeDecryptedJoinAccept,
  decodeMacCommands,
  decodePhyPayload,
  decryptFOpts,
  decryptFrmPayload,
  decryptJoinAccept,
  encodeDataFrame,
  encryptJoinAccept,
  encodeMacCommands,
  encodePhyPayload,
  verifyDownlinkMic10,
  verifyDownlinkMic11,
  verifyJoinAcceptMic10,
  verifyJoinRequestMic,
  verifyRejoinRequestMic,
  verifyUplinkMic10,
  verifyUplinkMic11,
  type DataFrameFields,
  type KnownMacCommand,
  type MacCommand,
  type PhyPayload,
} from '../../src/index.js';
import { Campaign, hex, runsFor } from './harness.js';
import { headed, mutated, randomBytes, SEED_FRAMES } from './inputs.js';

const isLoireError = (e: unknown): boolean => e instanceof LoireError;

/** MHDR bytes of every MType, Major 0, plus a few with RFU or Major bits set. */
const MHDRS = [0x00, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0, 0x41, 0x5c, 0xe3];

const frames = fc.oneof(
  { arbitrary: randomBytes(), weight: 1 },
  { arbitrary: mutated(SEED_FRAMES), weight: 2 },
  { arbitrary: headed(MHDRS, 40), weight: 2 },
);

// Fixed test keys (not from any device): the keyed path must run to the end on any input.
const KEY = Uint8Array.from({ length: 16 }, (_, i) => 0x2b + i * 7);
const aes = createAes128(KEY);
const cmacKey = createCmac(KEY);

describe('fuzz: PHYPayload', () => {
  it('decodePhyPayload throws only LoireError; what it accepts re-encodes to its input', () => {
    const c = new Campaign('decodePhyPayload');
    c.assert(fc.property(frames, (bytes) => {
      const r = c.call(() => decodePhyPayload(bytes), isLoireError, () => hex(bytes));
      if (r.ok) expect(hex(encodePhyPayload(r.value))).toBe(hex(bytes));
    }), runsFor(1_500_000));
  });

  it('keyed path: MIC checks and decryption of whatever decodes throw only LoireError', () => {
    const c = new Campaign('keyed frame path (MICs, FRMPayload, FOpts, Join-Accept)');
    c.assert(fc.property(frames, fc.nat(), (bytes, fCntHigh) => {
      c.call(() => {
        const f = decodePhyPayload(bytes);
        if (f.type === 'data') {
          const fCnt = ((fCntHigh & 0xffff) * 0x10000 + f.fhdr.fCnt) >>> 0;
          const input = { devAddr: f.fhdr.devAddr, fCnt, message: bytes.subarray(0, f.micOffset) };
          const in11 = { ...input, confFCnt: fCntHigh & 0xffff, txDr: 5, txCh: 2 };
          if (f.uplink) {
            verifyUplinkMic10(cmacKey, input, f.mic);
            verifyUplinkMic11(cmacKey, cmacKey, in11, f.mic);
          } else {
            verifyDownlinkMic10(cmacKey, input, f.mic);
            verifyDownlinkMic11(cmacKey, in11, f.mic);
          }
          const direction = f.uplink ? 'up' : 'down';
          const clear = decryptFrmPayload(aes, { direction, devAddr: f.fhdr.devAddr, fCnt,
            payload: f.frmPayload });
          if (f.fPort === 0) decodeMacCommands(clear, { uplink: f.uplink });
          const fOpts = decryptFOpts(aes, { direction, devAddr: f.fhdr.devAddr, fCnt,
            fOpts: f.fhdr.fOpts });
          decodeMacCommands(fOpts, { uplink: f.uplink });
        } else if (f.type === 'joinAccept') {
          const clear = decryptJoinAccept(aes, bytes);
          const ja = decodeDecryptedJoinAccept(clear);
          verifyJoinAcceptMic10(cmacKey, clear.subarray(0, ja.micOffset), ja.mic);
        } else if (f.type === 'joinRequest') {
          verifyJoinRequestMic(cmacKey, bytes.subarray(0, f.micOffset), f.mic);
        } else if (f.type === 'rejoinRequest') {
          verifyRejoinRequestMic(cmacKey, bytes.subarray(0, f.micOffset), f.mic);
        }
      }, isLoireError, () => `${hex(bytes)} fCntHigh=${fCntHigh}`);
    }), runsFor(700_000));
  });

  /** A valid 1.0 data frame with a correct MIC under KEY, built from arbitrary fields. */
  const dataFrames = fc.record({
    mType: fc.constantFrom(2, 3, 4, 5),
    devAddr: fc.nat({ max: 0xffffffff }),
    fCnt: fc.nat({ max: 0xffff }),
    adr: fc.boolean(),
    ack: fc.boolean(),
    fOpts: fc.uint8Array({ maxLength: 15 }),
    fPort: fc.option(fc.nat({ max: 255 }), { nil: null }),
    frmPayload: fc.uint8Array({ maxLength: 60 }),
  }).map((r) => {
    const uplink = r.mType === 2 || r.mType === 4;
    const fCtrl = uplink
      ? { adr: r.adr, adrAckReq: false, ack: r.ack, classB: false, fOptsLen: r.fOpts.length }
      : { adr: r.adr, rfu: false, ack: r.ack, fPending: false, fOptsLen: r.fOpts.length };
    const fields = {
      type: 'data', mhdr: { mType: r.mType, rfu: 0, major: 0 },
      fhdr: { devAddr: r.devAddr, fCtrl, fCnt: r.fCnt, fOpts: r.fOpts },
      fPort: r.fPort, frmPayload: r.fPort === null ? new Uint8Array(0) : r.frmPayload,
      mic: new Uint8Array(4),
    } as unknown as DataFrameFields;
    const bytes = encodeDataFrame(fields);
    const message = bytes.subarray(0, bytes.length - 4);
    const micInput = { devAddr: r.devAddr, fCnt: r.fCnt, message };
    bytes.set(uplink ? computeUplinkMic10(cmacKey, micInput)
      : computeDownlinkMic10(cmacKey, micInput), bytes.length - 4);
    return { bytes, uplink, devAddr: r.devAddr, fCnt: r.fCnt };
  });

  /** A valid Join-Accept (with or without CFList) encrypted under KEY, MIC included. */
  const joinAccepts = fc.uint8Array({ minLength: 12, maxLength: 12 }).chain((fields) =>
    fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 }), { nil: undefined })
      .map((cfList) => {
        const message = Uint8Array.of(0x20, ...fields, ...(cfList ?? []));
        const mic = computeJoinAcceptMic10(cmacKey, message);
        return { bytes: encryptJoinAccept(aes, Uint8Array.of(...message, ...mic)),
          keyed: 'joinAccept' as const };
      }));

  it('no strict prefix of a valid frame is accepted as that frame', () => {
    // Join-Request and Rejoin-Request have fixed lengths, so every prefix must throw. A data
    // frame's length places its MIC, and a 33-byte Join-Accept cut to 17 bytes is a Join-Accept
    // without CFList: such prefixes may parse, and then must fail their MIC check under the key
    // (a chance collision has probability 2^-32 per prefix). Proprietary frames have no length
    // or MIC that loire knows, so they are left out.
    const fixed = SEED_FRAMES.filter((b) => {
      try {
        return ['joinRequest', 'rejoinRequest'].includes(decodePhyPayload(b).type);
      } catch {
        return false;
      }
    }).map((bytes) => ({ bytes, keyed: undefined }));
    const micOk = (bytes: Uint8Array, f: PhyPayload): boolean => {
      if (f.type === 'data') {
        const input = { devAddr: f.fhdr.devAddr, fCnt: f.fhdr.fCnt,
          message: bytes.subarray(0, f.micOffset) };
        return f.uplink ? verifyUplinkMic10(cmacKey, input, f.mic)
          : verifyDownlinkMic10(cmacKey, input, f.mic);
      }
      if (f.type !== 'joinAccept') throw new Error(`unexpected ${f.type}`);
      const clear = decryptJoinAccept(aes, bytes);
      return verifyJoinAcceptMic10(cmacKey, clear.subarray(0, clear.length - 4),
        clear.subarray(clear.length - 4));
    };
    const valid = fc.oneof(
      dataFrames.map((d) => ({ bytes: d.bytes, keyed: 'data' as const })),
      joinAccepts,
      fc.constantFrom(...fixed),
    );
    const c = new Campaign('strict prefixes of valid frames');
    c.assert(fc.property(valid, (v) => {
      // The whole frame is accepted with its MIC, so the checks below can tell.
      const whole = decodePhyPayload(v.bytes);
      if (v.keyed) expect(micOk(v.bytes, whole)).toBe(true);
      for (let n = 0; n < v.bytes.length; n++) {
        const prefix = v.bytes.subarray(0, n);
        const r = c.call(() => decodePhyPayload(prefix), isLoireError, () => hex(prefix));
        if (!r.ok) continue;
        expect(r.value.type, `prefix ${hex(prefix)} of ${hex(v.bytes)}`).toBe(v.keyed);
        expect(micOk(prefix, r.value), `prefix ${hex(prefix)} passed its MIC`).toBe(false);
      }
    }), runsFor(60_000));
  });
});

/** CIDs of both directions (TS001-1.1 §5, TS011 relay 0x40..0x4A) and a proprietary one. */
const CIDS = [...Array.from({ length: 0x21 }, (_, i) => i), ...Array.from({ length: 0x0b },
  (_, i) => 0x40 + i), 0x80];

/** Byte strings that look like MAC command sequences: CIDs each followed by 0..6 bytes. */
const commandBytes = fc.oneof(
  randomBytes(40),
  fc.array(fc.tuple(fc.constantFrom(...CIDS), fc.uint8Array({ maxLength: 6 })), { maxLength: 8 })
    .map((parts) => Uint8Array.from(parts.flatMap(([cid, rest]) => [cid, ...rest]))),
);

describe('fuzz: MAC commands', () => {
  for (const uplink of [true, false]) {
    const dir = uplink ? 'uplink' : 'downlink';

    it(`decodeMacCommands (${dir}) throws only LoireError; what it accepts re-encodes`, () => {
      // RFU bits inside commands are not kept (the decoded fields omit them), so the property
      // is: the re-encoding has the input's length and decodes to the same commands.
      const c = new Campaign(`decodeMacCommands ${dir}`);
      c.assert(fc.property(commandBytes, (bytes) => {
        const r = c.call(() => decodeMacCommands(bytes, { uplink }), isLoireError,
          () => hex(bytes));
        if (!r.ok) return;
        const again = encodeMacCommands(r.value);
        expect(again.length).toBe(bytes.length);
        expect(decodeMacCommands(again, { uplink })).toEqual(r.value);
      }), runsFor(1_000_000));
    });

    it(`every strict prefix of known ${dir} commands throws or is a shorter list`, () => {
      const c = new Campaign(`MAC command prefixes ${dir}`);
      c.assert(fc.property(commandBytes, (bytes) => {
        let all: MacCommand[];
        try {
          all = decodeMacCommands(bytes, { uplink });
        } catch {
          return;
        }
        const known = all.filter((m): m is KnownMacCommand => !('raw' in m));
        const encoded = encodeMacCommands(known);
        // Where each command ends in the encoding: a prefix may stop only there.
        const ends = known.map((_, k) => encodeMacCommands(known.slice(0, k + 1)).length);
        for (let n = 0; n < encoded.length; n++) {
          const prefix = encoded.subarray(0, n);
          const r = c.call(() => decodeMacCommands(prefix, { uplink }), isLoireError,
            () => hex(prefix));
          if (!r.ok) {
            expect((r.error as LoireError).code).toBe('TRUNCATED');
            continue;
          }
          const k = ends.indexOf(n) + 1;
          expect(n === 0 || k > 0, `prefix ${hex(prefix)} decoded mid-command`).toBe(true);
          expect(r.value).toEqual(known.slice(0, k));
        }
      }), runsFor(150_000));
    });
  }
});

describe('fuzz: other decoders', () => {
  it('decodeBeacon throws only LoireError', () => {
    const c = new Campaign('decodeBeacon');
    c.assert(fc.property(fc.oneof(randomBytes(30), fc.uint8Array({ minLength: 17,
      maxLength: 17 }), fc.uint8Array({ minLength: 23, maxLength: 23 })), (bytes) => {
      c.call(() => decodeBeacon(bytes), isLoireError, () => hex(bytes));
    }), runsFor(300_000));
  });

  it('decodeDecryptedJoinAccept throws only LoireError', () => {
    const c = new Campaign('decodeDecryptedJoinAccept');
    const sized = (n: number) => fc.uint8Array({ minLength: n - 1, maxLength: n - 1 })
      .map((rest) => Uint8Array.of(0x20, ...rest));
    c.assert(fc.property(fc.oneof(randomBytes(40), sized(17), sized(33)), (bytes) => {
      c.call(() => decodeDecryptedJoinAccept(bytes), isLoireError, () => hex(bytes));
    }), runsFor(300_000));
  });
});
