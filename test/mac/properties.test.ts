/**
 * Property tests: encode then decode is the identity for every frame type and every MAC
 * command; decoding arbitrary bytes returns a value or throws LoireError, nothing else; and
 * data-frame fields agree with lora-packet (an independent decoder) on random frames.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import loraPacket from 'lora-packet';
import {
  decodeBeacon,
  decodeJoinAcceptPayload,
  decodeMacCommands,
  decodePhyPayload,
  encodeJoinAcceptPayload,
  encodeMacCommands,
  encodePhyPayload,
  LoireError,
  MAC_COMMANDS,
} from '../../src/index.js';
import type {
  FieldSpec,
  JoinAcceptPayload,
  MacCommand,
  MacCommandSpec,
  PhyPayloadFields,
} from '../../src/index.js';
import { bytesToHex } from '../../src/bytes/hex.js';

const u8 = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const hexOf = (n: number) => u8(n).map(bytesToHex);
const mhdr = (mType: number) =>
  fc.record({ mType: fc.constant(mType), rfu: fc.nat(7), major: fc.constant(0) }) as fc.Arbitrary<{
    mType: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
    rfu: number;
    major: number;
  }>;

const upFCtrl = fc.record({
  adr: fc.boolean(),
  adrAckReq: fc.boolean(),
  ack: fc.boolean(),
  classB: fc.boolean(),
});
const downFCtrl = fc.record({
  adr: fc.boolean(),
  rfu: fc.boolean(),
  ack: fc.boolean(),
  fPending: fc.boolean(),
});

const dataFrame = fc
  .tuple(
    fc.constantFrom(2, 3, 4, 5),
    upFCtrl,
    downFCtrl,
    fc.nat(0xffffffff),
    fc.nat(0xffff),
    fc.uint8Array({ maxLength: 15 }),
    fc.option(fc.nat(255), { nil: null }),
    fc.uint8Array({ maxLength: 64 }),
    u8(4),
    fc.nat(7),
  )
  .map(([mType, up, down, devAddr, fCnt, fOpts, fPort, frm, mic, rfu]) => {
    const uplink = mType === 2 || mType === 4;
    const fCtrl = { ...(uplink ? up : down), fOptsLen: fOpts.length };
    return {
      type: 'data',
      mhdr: { mType, rfu, major: 0 },
      fhdr: { devAddr, fCtrl, fCnt, fOpts },
      fPort,
      frmPayload: fPort === null ? new Uint8Array(0) : frm,
      mic,
    } as PhyPayloadFields;
  });

const frames: fc.Arbitrary<PhyPayloadFields> = fc.oneof(
  dataFrame,
  fc.record({
    type: fc.constant('joinRequest' as const),
    mhdr: mhdr(0),
    joinEui: hexOf(8),
    devEui: hexOf(8),
    devNonce: fc.nat(0xffff),
    mic: u8(4),
  }),
  fc.record({
    type: fc.constant('joinAccept' as const),
    mhdr: mhdr(1),
    encryptedPayload: fc.oneof(u8(16), u8(32)),
  }),
  fc.record({
    type: fc.constant('rejoinRequest' as const),
    mhdr: mhdr(6),
    rejoinType: fc.constantFrom(0 as const, 2 as const),
    netId: hexOf(3),
    devEui: hexOf(8),
    rjCount0: fc.nat(0xffff),
    mic: u8(4),
  }),
  fc.record({
    type: fc.constant('rejoinRequest' as const),
    mhdr: mhdr(6),
    rejoinType: fc.constant(1 as const),
    joinEui: hexOf(8),
    devEui: hexOf(8),
    rjCount1: fc.nat(0xffff),
    mic: u8(4),
  }),
  fc.record({
    type: fc.constant('proprietary' as const),
    mhdr: fc.record({ mType: fc.constant(7 as const), rfu: fc.nat(7), major: fc.nat(3) }),
    payload: fc.uint8Array({ maxLength: 64 }),
  }),
);

/** Drops the location fields a decoder adds, leaving what the encoder takes. */
function fieldsOf(frame: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...frame };
  const located = ['bytes', 'micOffset', 'fOptsOffset', 'frmPayloadOffset', 'uplink', 'confirmed'];
  for (const k of located) {
    delete out[k];
  }
  return out;
}

describe('frame round trips', () => {
  test.prop([frames], { numRuns: 500 })('decode(encode(frame)) equals frame', (frame) => {
    const wire = encodePhyPayload(frame);
    const back = decodePhyPayload(wire);
    expect(fieldsOf(back)).toEqual(fieldsOf(frame));
    expect(bytesToHex(encodePhyPayload(back))).toBe(bytesToHex(wire));
  });

  const cfList = fc.oneof(
    fc.record({
      cfListType: fc.constant(0 as const),
      frequenciesHz: fc.array(
        fc.nat(0xffffff).map((x) => x * 100),
        { minLength: 5, maxLength: 5 },
      ),
    }),
    fc.record({
      cfListType: fc.constant(1 as const),
      chMasks: fc.array(fc.nat(0xffff), { minLength: 5, maxLength: 5 }),
    }),
  );
  const jaPayload = fc.record(
    {
      joinNonce: fc.nat(0xffffff),
      homeNetId: hexOf(3),
      devAddr: fc.nat(0xffffffff),
      dlSettings: fc.record({
        optNeg: fc.boolean(),
        rx1DrOffset: fc.nat(7),
        rx2DataRate: fc.nat(15),
      }),
      rxDelay: fc.nat(15),
      cfList,
    },
    { requiredKeys: ['joinNonce', 'homeNetId', 'devAddr', 'dlSettings', 'rxDelay'] },
  ) as fc.Arbitrary<JoinAcceptPayload>;

  test.prop([jaPayload])('Join-Accept payload round trip', (p) => {
    expect(decodeJoinAcceptPayload(encodeJoinAcceptPayload(p))).toEqual(p);
  });
});

/** An arbitrary for one field of a MAC command, from its registry description. */
function fieldArb(f: FieldSpec): fc.Arbitrary<unknown> {
  switch (f.kind) {
    case 'bool':
      return fc.boolean();
    case 'int':
      return fc.integer({ min: -(2 ** (f.width - 1)), max: 2 ** (f.width - 1) - 1 });
    case 'bytes':
      return u8(f.width / 8);
    case 'freq':
      return fc.oneof(
        fc.nat(11_999_999).map((x) => x * 100),
        fc.integer({ min: 12_000_000, max: 0xffffff }).map((x) => x * 200),
      );
    case 'linear':
      return fc.nat(2 ** f.width - 1).map((raw) => raw * (f.scale ?? 1) + (f.bias ?? 0));
    default:
      return fc.nat(2 ** f.width - 1);
  }
}

function commandArb(spec: MacCommandSpec): fc.Arbitrary<MacCommand> {
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of spec.fields) rec[f.name] = fieldArb(f);
  if (spec.variable) rec.filterListEui = fc.uint8Array({ maxLength: 16 }).map(bytesToHex);
  return fc.record(rec).map((fields) => ({
    cid: spec.cid,
    name: spec.name,
    fields: fields as Record<string, never>,
  }));
}

describe('MAC command round trips', () => {
  for (const spec of MAC_COMMANDS) {
    test.prop([commandArb(spec)], { numRuns: 50 })(`${spec.name} (${spec.direction})`, (cmd) => {
      const wire = encodeMacCommands([cmd]);
      expect(decodeMacCommands(wire, { uplink: spec.direction === 'up' })).toEqual([cmd]);
    });
  }

  for (const direction of ['up', 'down'] as const) {
    const specs = MAC_COMMANDS.filter((s) => s.direction === direction);
    const seq = fc.array(fc.oneof(...specs.map(commandArb)), { maxLength: 6 });
    test.prop([seq])(`sequences of ${direction}link commands`, (cmds) => {
      const wire = encodeMacCommands(cmds);
      expect(decodeMacCommands(wire, { uplink: direction === 'up' })).toEqual(cmds);
    });
  }
});

/** Runs `f` and returns its result, or rethrows anything that is not a LoireError. */
function onlyLoireErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof LoireError)) throw e;
    expect(e.code).toBeTypeOf('string');
  }
}

describe('totality on arbitrary bytes', () => {
  const anyBytes = fc.uint8Array({ maxLength: 300 });
  test.prop([anyBytes], { numRuns: 2000 })('decodePhyPayload', (b) => {
    onlyLoireErrors(() => decodePhyPayload(b));
  });
  // Short inputs steered to each MType reach the length checks of every decoder.
  test.prop([fc.nat(7), fc.uint8Array({ maxLength: 40 })], { numRuns: 2000 })(
    'decodePhyPayload, every MType',
    (mType, rest) => {
      const b = new Uint8Array(rest.length + 1);
      b[0] = mType << 5;
      b.set(rest, 1);
      onlyLoireErrors(() => decodePhyPayload(b));
    },
  );
  test.prop([anyBytes, fc.boolean()], { numRuns: 2000 })('decodeMacCommands', (b, uplink) => {
    onlyLoireErrors(() => decodeMacCommands(b, { uplink }));
  });
  test.prop([anyBytes])('decodeJoinAcceptPayload and decodeBeacon', (b) => {
    onlyLoireErrors(() => decodeJoinAcceptPayload(b));
    onlyLoireErrors(() => decodeBeacon(b));
  });
});

describe('agreement with lora-packet (oracle) on data frames', () => {
  const title = 'same DevAddr, FCnt, FOpts, FPort, payload, MIC';
  test.prop([dataFrame], { numRuns: 300 })(title, (f) => {
    const wire = encodePhyPayload(f);
    const ours = decodePhyPayload(wire);
    const lp = loraPacket.fromWire(Buffer.from(wire));
    if (ours.type !== 'data') throw new Error('not data');
    expect(lp.DevAddr!.toString('hex')).toBe(ours.fhdr.devAddr.toString(16).padStart(8, '0'));
    expect(lp.getFCnt()).toBe(ours.fhdr.fCnt);
    expect(lp.FOpts!.toString('hex')).toBe(bytesToHex(ours.fhdr.fOpts));
    expect(lp.MIC!.toString('hex')).toBe(bytesToHex(ours.mic));
    if (ours.fPort !== null) {
      expect(lp.getFPort()).toBe(ours.fPort);
      expect(lp.FRMPayload!.toString('hex')).toBe(bytesToHex(ours.frmPayload));
    }
  });
});
