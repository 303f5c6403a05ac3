/**
 * Frames cut short, frames too long, FOptsLen and FPort at their edges, and every MAC command
 * cut at every byte: each is refused with a LoireError naming the field and offset, never a
 * raw RangeError from a typed array and never a frame that cannot exist on air.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { hexToBytes } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';
import {
  decodeMacCommands,
  decodePhyPayload,
  encodePhyPayload,
  MAC_COMMANDS,
  type DataFrame,
} from '../../src/mac/index.js';

/** lora-packet "should parse data payload" (mac.json `lp-decode-data-up`). */
const FRAME = hexToBytes('40F17DBE4900020001954378762B11FF0D');

function errorOf(f: () => unknown): LoireError {
  try {
    f();
  } catch (e) {
    if (e instanceof LoireError) return e;
    throw new Error(`expected a LoireError, got ${String(e)}`);
  }
  throw new Error('expected a LoireError, got a result');
}

describe('truncated and oversized frames', () => {
  test('every prefix of a data frame shorter than 12 bytes is TRUNCATED', () => {
    for (let n = 0; n < 12; n++) {
      expect(errorOf(() => decodePhyPayload(FRAME.subarray(0, n))).code).toBe('TRUNCATED');
    }
  });

  test('a 256-byte data frame is refused: the PHY length byte cannot state it', () => {
    const big = new Uint8Array(256);
    big.set(FRAME);
    const e = errorOf(() => decodePhyPayload(big));
    expect(e.code).toBe('TOO_LONG');
    expect(e.field).toBe('PHYPayload');
  });

  test('a 255-byte data frame still decodes, with 242 bytes of FRMPayload', () => {
    const max = new Uint8Array(255);
    max.set(FRAME.subarray(0, 9));
    const f = decodePhyPayload(max) as DataFrame;
    expect(f.fPort).toBe(1);
    expect(f.frmPayload.length).toBe(255 - 1 - 7 - 1 - 4);
  });

  test('a 256-byte proprietary frame is refused too', () => {
    const big = new Uint8Array(256);
    big[0] = 0xe0;
    expect(errorOf(() => decodePhyPayload(big)).code).toBe('TOO_LONG');
  });

  test('encoding refuses a data frame that would exceed 255 bytes', () => {
    const f = decodePhyPayload(FRAME) as DataFrame;
    expect(() => encodePhyPayload({ ...f, frmPayload: new Uint8Array(243) }))
      .toThrowError(/256 bytes, at most 255/);
    expect(encodePhyPayload({ ...f, frmPayload: new Uint8Array(242) }).length).toBe(255);
  });
});

describe('FOptsLen and FPort edges', () => {
  test('FOptsLen beyond the frame names FOpts and the FCtrl offset', () => {
    for (let fOptsLen = 1; fOptsLen <= 15; fOptsLen++) {
      // 12-byte frame: no room for any FOpts.
      const b = hexToBytes('40F17DBE4900020001020304');
      b[5] = fOptsLen;
      const e = errorOf(() => decodePhyPayload(b));
      expect([e.code, e.field, e.offset]).toEqual(['TRUNCATED', 'FOpts', 5]);
    }
  });

  test('FOptsLen exactly filling the frame leaves no FPort and an empty FRMPayload', () => {
    const b = hexToBytes('40F17DBE4902020001020304AABB');
    b.set([0x02, 0x03], 8);
    const f = decodePhyPayload(b) as DataFrame;
    expect(f.fhdr.fOpts).toEqual(new Uint8Array([2, 3]));
    expect(f.fPort).toBeNull();
    expect(f.frmPayload.length).toBe(0);
  });

  test('FPort 0 and FPort 224..255 are carried as on air', () => {
    for (const fPort of [0, 224, 255]) {
      const b = FRAME.slice();
      b[8] = fPort;
      expect((decodePhyPayload(b) as DataFrame).fPort).toBe(fPort);
    }
  });
});

describe('MAC commands cut at every byte', () => {
  for (const spec of MAC_COMMANDS) {
    if (spec.length === 0) continue;
    test(`${spec.name} (${spec.direction}) cut after each of its ${spec.length} bytes`, () => {
      for (let n = 0; n < spec.length; n++) {
        const b = new Uint8Array(1 + n).fill(0xff);
        b[0] = spec.cid;
        const e = errorOf(() => decodeMacCommands(b, { uplink: spec.direction === 'up' }));
        expect(e.code).toBe('TRUNCATED');
        expect(e.message).toContain(spec.name);
        expect(e.offset).toBe(0);
      }
    });
  }

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.boolean()])(
    'any bytes decode as commands or fail with a LoireError',
    (bytes, uplink) => {
      try {
        decodeMacCommands(bytes, { uplink });
      } catch (e) {
        expect(e).toBeInstanceOf(LoireError);
      }
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 })])(
    'any bytes decode as a frame or fail with a LoireError',
    (bytes) => {
      try {
        decodePhyPayload(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(LoireError);
      }
    },
  );
});
