/**
 * Regression tests for bugs users reported against other LoRaWAN decoders (lora-packet,
 * lorawan-stack and others): each input must give a typed LoireError or the right fields.
 */
import { describe, expect, it } from 'vitest';
import {
  decodePhyPayload,
  decodeRejoinRequest,
  encodePhyPayload,
  LoireError,
} from '../../src/index.js';
import { bytes, hex } from './_helpers.js';

function errorOf(f: () => unknown): LoireError {
  try {
    f();
  } catch (e) {
    if (e instanceof LoireError) return e;
    throw e;
  }
  throw new Error('expected a LoireError');
}

describe('regressions', () => {
  it('rejects FOptsLen beyond the frame', () => {
    // FCtrl 0x0f claims 15 FOpts bytes; only 2 bytes sit between FHDR and MIC.
    const e = errorOf(() => decodePhyPayload(bytes('40f17dbe490f02000102aabbccdd')));
    expect(e.code).toBe('TRUNCATED');
    expect(e.field).toBe('FOpts');
    expect(e.offset).toBe(5);
    expect(e.message).toMatch(/FOptsLen is 15 but only 2/);
  });

  it('rejects a data frame shorter than 12 bytes', () => {
    for (const h of ['40', '40f17dbe49', '40f17dbe49000200019543', '60f17dbe49000200aabbcc']) {
      const e = errorOf(() => decodePhyPayload(bytes(h)));
      expect(e.code).toBe('TRUNCATED');
      expect(e.message).toMatch(/at least 12 bytes|needs/);
    }
  });

  it('rejects a 4-byte "Join-Accept"', () => {
    const e = errorOf(() => decodePhyPayload(bytes('20010203')));
    expect(e.code).toBe('TRUNCATED');
    expect(e.field).toBe('JoinAccept');
  });

  it('rejects a Join-Accept that is neither 17 nor 33 bytes', () => {
    const e = errorOf(() => decodePhyPayload(new Uint8Array(20).fill(0x20, 0, 1)));
    expect(e.code).toBe('INVALID_VALUE');
  });

  it("reads Rejoin type 1's RJcount1 after the 8-byte JoinEUI (offset 18)", () => {
    // brocaar/lorawan TestPHYPayloadRejoinRequest1 frame, RJcount1 = 219 = db00 at offset 18.
    const f = decodeRejoinRequest(bytes('c0010807060504030201100f0e0d0c0b0a09db00eac31072'));
    expect(f.rejoinType).toBe(1);
    if (f.rejoinType !== 1) return;
    expect(f.rjCount1).toBe(219);
    expect(f.devEui).toBe('090a0b0c0d0e0f10');
    // With type-0 offsets (13..14) one would read 0x0d0e from inside the DevEUI instead.
    expect(f.rjCount1).not.toBe(0x0c0d);
  });

  it('decodes a downlink carrying only FOpts and no FPort', () => {
    // FCtrl 0x23: ACK, FOptsLen 3 (LinkADRAns-like bytes); nothing after FOpts but the MIC.
    const f = decodePhyPayload(bytes('60292e0126230300030607d03678bd'));
    if (f.type !== 'data') throw new Error('not data');
    expect(f.fPort).toBeNull();
    expect(hex(f.fhdr.fOpts)).toBe('030607');
    expect(f.frmPayload.length).toBe(0);
    expect(f.frmPayloadOffset).toBe(f.micOffset);
  });

  it('rejects an unknown Rejoin type and a Major other than LoRaWAN R1', () => {
    expect(errorOf(() => decodePhyPayload(bytes('c003' + '00'.repeat(17)))).code).toBe(
      'UNSUPPORTED',
    );
    const major1 = bytes('41f17dbe4900020001954378762b11ff0d');
    expect(errorOf(() => decodePhyPayload(major1)).field).toBe('Major');
  });

  it('rejects an empty input and trailing bytes after a Join-Request', () => {
    expect(errorOf(() => decodePhyPayload(new Uint8Array(0))).field).toBe('MHDR');
    const jr = '0039363463336913aa05693574323831338ef1c1d5ec6c';
    expect(errorOf(() => decodePhyPayload(bytes(jr + '00'))).code).toBe('TOO_LONG');
  });

  it('refuses to encode a downlink FCtrl under an uplink MType', () => {
    const frame = decodePhyPayload(bytes('60292e0126230300030607d03678bd'));
    if (frame.type !== 'data') throw new Error('not data');
    expect(() => encodePhyPayload({ ...frame, mhdr: { ...frame.mhdr, mType: 2 } })).toThrow(
      /fCtrl\.adrAckReq: expected a boolean in an uplink FCtrl/,
    );
  });
});
