/**
 * Traces crafted to break `validateTrace`: counters that jump forward past half the 16-bit
 * space, 1.1 acknowledgements, frames whose trace direction is missing or wrong, gateway
 * `tmst` counters that wrap or sit beside absolute times, and absurd event values. Frames are
 * built by the device side of the simulator and checked by the validator (round trip), so
 * each expected finding is what LoRaWAN's rules say, not what the validator happens to print.
 */
import { describe, expect, test } from 'vitest';
import { bytesToBase64, bytesToHex, hexToBytes } from '../../src/bytes/hex.js';
import { computeUplinkMic10, encryptFrmPayload } from '../../src/crypto/index.js';
import { EU868 } from '../../src/region/index.js';
import {
  buildDownlink,
  buildUplink,
  createDeviceSession,
  type Session,
} from '../../simulator/device/index.js';
import { parseTrace, validateTrace } from '../../simulator/validate/index.js';
import { APP_S_KEY, NWK_S_KEY } from './helpers.js';

const DEV_ADDR = 0x26011bda;
const s10 = createDeviceSession('1.0',
  { devAddr: DEV_ADDR, nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY });
const keys11 = {
  fNwkSIntKey: hexToBytes('02020202020202020202020202020203'),
  sNwkSIntKey: hexToBytes('02020202020202020202020202020202'),
  nwkSEncKey: hexToBytes('04040404040404040404040404040404'),
  appSKey: APP_S_KEY,
};
const s11 = createDeviceSession('1.1', { devAddr: DEV_ADDR, ...keys11 });
const keys10 = { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY };

function up(s: Session, fCnt: number, o: { confirmed?: boolean; ack?: boolean;
  confFCnt?: number; txCh?: number; fOpts?: number[] } = {}): Uint8Array {
  return buildUplink(s, {
    confirmed: o.confirmed ?? false, fCnt, adr: false, adrAckReq: false, ack: o.ack ?? false,
    fOpts: Uint8Array.from(o.fOpts ?? []), fPort: 1, frmPayload: Uint8Array.of(1, 2, 3, 4),
    txDr: 5, txCh: o.txCh ?? 0, confFCnt: o.confFCnt ?? 0,
  });
}

/** A trace line in loire's shape; `direction` is left out unless given. */
const line = (timeMs: number, bytes: Uint8Array, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ timeMs, frequencyHz: 868_100_000, dr: 5, phyPayload: bytesToHex(bytes),
    ...extra });

const run = (lines: string[], lorawan: '1.0' | '1.1' = '1.0') =>
  validateTrace(parseTrace(lines.join('\n')), {
    region: EU868, lorawan, keys: lorawan === '1.0' ? keys10 : keys11,
  });
const rules = (lines: string[], lorawan: '1.0' | '1.1' = '1.0'): string[] =>
  run(lines, lorawan).violations.map((v) => `${v.rule}@${v.line}`);

const MIN10 = 600_000;

describe('frame counters', () => {
  test('a jump forward by more than 32768 is a gap beyond MAX_FCNT_GAP, not a negative FCnt',
    () => {
      // 10 -> 40000: the nearest 32-bit value below would be negative, which no counter is.
      const lines = [line(0, up(s10, 10)), line(MIN10, up(s10, 40000)),
        line(2 * MIN10, up(s10, 40001))];
      const report = run(lines);
      expect(report.violations.map((v) => `${v.rule}@${v.line}`)).toEqual(['fcnt-gap@2']);
      expect(report.frames.map((f) => f.fCnt)).toEqual([10, 40000, 40001]);
      expect(report.summary.micOk).toBe(3);
    });

  test('a downlink counter that jumps forward likewise stays positive', () => {
    const dl = (fCnt: number): Uint8Array => buildDownlink(s10, { fCnt, fPort: 1,
      frmPayload: Uint8Array.of(1) });
    const report = run([line(0, up(s10, 1)), line(1000, dl(2)), line(MIN10, up(s10, 2)),
      line(MIN10 + 1000, dl(40000))]);
    expect(report.violations).toEqual([]);
    expect(report.frames[3]!.fCnt).toBe(40000);
    expect(report.summary.micOk).toBe(4);
  });
});

describe('LoRaWAN 1.1 downlink counters', () => {
  test('NFCntDown and AFCntDown are followed apart (TS001-1.1 §4.3.1.5)', () => {
    // NFCntDown at 40000 must not drag an AFCntDown of 3 up to 65539.
    const lines = [
      line(0, up(s11, 1)),
      line(1000, buildDownlink(s11, { fCnt: 40000 })),
      line(MIN10, up(s11, 2)),
      line(MIN10 + 1000, buildDownlink(s11, { fCnt: 3, fPort: 5, frmPayload: Uint8Array.of(1) })),
    ];
    const report = run(lines, '1.1');
    expect(report.violations).toEqual([]);
    expect(report.frames.map((f) => f.fCnt)).toEqual([1, 40000, 2, 3]);
  });
});

describe('LoRaWAN 1.1 acknowledgements', () => {
  test('a downlink acknowledging a confirmed uplink has that uplink\'s FCnt in its MIC', () => {
    // TS001-1.1 §4.4: ConfFCnt of a downlink with ACK is the acknowledged uplink's FCnt.
    const lines = [
      line(0, up(s11, 6, { txCh: 3 })),
      line(MIN10, up(s11, 7, { confirmed: true, txCh: 2 })),
      line(MIN10 + 1000, buildDownlink(s11, { fCnt: 0, ack: true, confFCnt: 7 })),
      line(2 * MIN10, up(s11, 8, { txCh: 1 })),
    ];
    const report = run(lines, '1.1');
    expect(report.violations).toEqual([]);
    expect(report.summary.micOk).toBe(4);
    // The same downlink acknowledging another counter is caught.
    lines[2] = line(MIN10 + 1000, buildDownlink(s11, { fCnt: 0, ack: true, confFCnt: 6 }));
    expect(rules(lines, '1.1')).toEqual(['mic@3']);
  });
});

describe('direction', () => {
  const linkAdrReq = (): Uint8Array =>
    buildDownlink(s10, { fCnt: 0, fOpts: Uint8Array.of(0x03, 0x50, 0xff, 0x00, 0x01) });

  test('a line without direction takes it from the MHDR: a downlink is not an uplink', () => {
    // Before, the downlink counted as an uplink: a duty-cycle breach 1 s after the uplink,
    // and its LinkADRReq left pending for no one.
    const lines = [line(0, up(s10, 1)), line(1000, linkAdrReq()), line(MIN10, up(s10, 2))];
    const report = run(lines);
    expect(report.frames.map((f) => f.direction)).toEqual(['up', 'down', 'up']);
    expect(report.violations.map((v) => `${v.rule}@${v.line}`)).toEqual(['mac-unanswered@3']);
    expect(report.summary).toMatchObject({ uplinks: 2, downlinks: 1 });
  });

  test('a stated direction that contradicts the MHDR is refused, naming the line', () => {
    const lines = [line(0, up(s10, 1)), line(1000, linkAdrReq(), { direction: 'up' })];
    const report = run(lines);
    expect(report.violations).toEqual([{ rule: 'malformed', line: 2,
      message: expect.stringMatching(/says uplink.*downlink frame/) }]);
    expect(report.summary.uplinks).toBe(1);
  });
});

describe('gateway tmst counters', () => {
  const rx = (b: Uint8Array, o: Record<string, unknown>): string =>
    JSON.stringify({ rxpk: [{ freq: 868.1, datr: 'SF7BW125', data: bytesToBase64(b), ...o }] });

  test('tmst-only uplinks across the 2^32 µs wrap stay in file order', () => {
    // 4294000000 µs, then 500000000 µs after the wrap (an hour later), then 1100000000.
    const lines = [rx(up(s10, 1), { tmst: 4_294_000_000 }), rx(up(s10, 2), { tmst: 500_000_000 }),
      rx(up(s10, 3), { tmst: 1_100_000_000 })];
    const report = run(lines);
    expect(report.violations).toEqual([]);
    expect(report.frames.map((f) => f.line)).toEqual([1, 2, 3]);
    expect(report.frames[1]!.timeMs - report.frames[0]!.timeMs)
      .toBeCloseTo((2 ** 32 - 4_294_000_000 + 500_000_000) / 1000, 3);
    expect(report.notes.join('\n')).toMatch(/tmst alone/);
  });

  test('a txpk timed by tmst follows the rxpk it answers, not the epoch', () => {
    const t0 = '2026-01-01T00:00:00.000Z';
    const t1 = '2026-01-01T00:10:00.000Z';
    const tx = JSON.stringify({ txpk: { tmst: 1_000_000 + 1_000_000, freq: 868.1,
      datr: 'SF7BW125', data: bytesToBase64(
        buildDownlink(s10, { fCnt: 0, fOpts: Uint8Array.of(0x06) })) } }); // DevStatusReq
    const lines = [rx(up(s10, 1), { time: t0, tmst: 1_000_000 }), tx,
      rx(up(s10, 2), { time: t1, tmst: 601_000_000 })];
    const report = run(lines);
    expect(report.frames.map((f) => f.line)).toEqual([1, 2, 3]);
    expect(report.frames[1]!.timeMs).toBe(Date.parse(t0) + 1000);
    // The uplink after the downlink is the one that fails to answer.
    expect(report.violations.map((v) => `${v.rule}@${v.line}`)).toEqual(['mac-unanswered@3']);
  });
});

describe('MAC commands in both places', () => {
  test('FOpts together with an FPort 0 payload is flagged (TS001-1.0.4 §4.3.1.6)', () => {
    // Built by hand (the frame builder refuses it): MHDR, DevAddr, FCtrl with FOptsLen 1,
    // FCnt 1, FOpts LinkCheckReq, FPort 0, an encrypted LinkCheckReq, then the MIC.
    const clear = Uint8Array.of(0x02);
    const enc = encryptFrmPayload(NWK_S_KEY,
      { direction: 'up', devAddr: DEV_ADDR, fCnt: 1, payload: clear });
    const message = Uint8Array.of(0x40, 0xda, 0x1b, 0x01, 0x26, 0x01, 0x01, 0x00, 0x02, 0x00,
      ...enc);
    const mic = computeUplinkMic10(NWK_S_KEY, { devAddr: DEV_ADDR, fCnt: 1, message });
    const report = run([line(0, Uint8Array.of(...message, ...mic))]);
    expect(report.summary.micOk).toBe(1);
    expect(report.violations).toEqual([{ rule: 'malformed', line: 1,
      message: expect.stringMatching(/both in FOpts and in an FPort 0 payload/) }]);
  });
});

describe('DutyCycleReq', () => {
  test('a MaxDCycle received in a downlink caps the device\'s aggregated duty cycle', () => {
    // MaxDCycle 10: at most 1/1024 of the time, so 51.5 ms on air asks for 52.7 s of silence
    // (TS001-1.0.4 §5.4). Uplinks alternate between two sub-bands 20 s apart: each sub-band's
    // own 1 % off-time (5.1 s) is kept, the aggregated cap is not.
    const req = buildDownlink(s10, { fCnt: 0, fOpts: Uint8Array.of(0x04, 0x0a) });
    const lines = [
      line(0, up(s10, 1)),
      line(1000, req),
      line(MIN10, up(s10, 2, { fOpts: [0x04] }), { frequencyHz: 867_100_000 }),
      line(MIN10 + 20_000, up(s10, 3)),
      line(MIN10 + 80_000, up(s10, 4), { frequencyHz: 867_100_000 }),
    ];
    expect(rules(lines)).toEqual(['max-duty-cycle@4']);
    // Without the request, the same uplinks keep every rule.
    expect(rules([lines[0]!, ...lines.slice(2)])).toEqual([]);
  });
});

describe('notes that tell what to do', () => {
  test('a first uplink past FCnt 65535 with a bad MIC points to searchFCnt', () => {
    const lines = [line(0, up(s10, 70000)), line(MIN10, up(s10, 70001))];
    expect(run(lines).notes.join('\n')).toMatch(/first uplink's MIC fails.*--search-fcnt/);
    const found = validateTrace(parseTrace(lines.join('\n')),
      { region: EU868, keys: keys10, searchFCnt: true });
    expect(found.violations).toEqual([]);
    expect(found.frames.map((f) => f.fCnt)).toEqual([70000, 70001]);
  });

  test('a Join-Accept that cannot be opened says what it needs', () => {
    // A Join-Accept from lora-packet issue #10 (shared vector lpi10-join-accept-decrypt-keys),
    // alone: no Join-Request before it, no AppKey given.
    const hex = '204dd85ae608b87fc4889970b7d2042c9e72959b0057aed6094b16003df12de145';
    const ja = line(0, hexToBytes(hex), { dr: 0 });
    const report = validateTrace(parseTrace(ja), { region: EU868 });
    expect(report.frames[0]).toMatchObject({ type: 'joinAccept', direction: 'down',
      mic: 'unchecked' });
    expect(report.notes.join('\n')).toMatch(/line 1: Join-Accept not opened: it needs the root/);
  });
});

describe('absurd values', () => {
  const cs = (fields: Record<string, unknown>): string => JSON.stringify({
    deduplicationId: 'x', time: '2026-01-05T10:00:00Z', devAddr: '26011bda', dr: 5,
    txInfo: { frequency: 868100000 }, data: 'AQID', ...fields,
  });

  test('event counters and ports outside their ranges are refused with the line', () => {
    expect(() => parseTrace(cs({ fCnt: -3 }))).toThrow(/line 1: fCnt -3 is not a frame counter/);
    expect(() => parseTrace(cs({ fCnt: 2 ** 32 }))).toThrow(/line 1: fCnt/);
    expect(() => parseTrace(cs({ fCnt: 1.5 }))).toThrow(/line 1: fCnt/);
    expect(() => parseTrace(cs({ fCnt: 1, fPort: 256 }))).toThrow(/line 1: fPort 256/);
    expect(parseTrace(cs({ fCnt: 4, fPort: 2 }))[0]!.event).toMatchObject({ fCnt: 4, fPort: 2 });
  });

  test('a tmst that is not a 32-bit counter is refused', () => {
    const bad = JSON.stringify({ rxpk: [{ tmst: -1, freq: 868.1, datr: 'SF7BW125',
      data: 'QA==' }] });
    expect(() => parseTrace(bad)).toThrow(/line 1: tmst -1/);
  });

  test('frames without data rate or modulation are said to go unchecked', () => {
    const noRate = cs({ fCnt: 3 }).replace('"dr":5,', '');
    const report = validateTrace(parseTrace(noRate), { region: EU868 });
    expect(report.notes.join('\n')).toMatch(/1 frame\(s\) without data rate.*line 1/);
  });

  test('an empty trace says that nothing was checked', () => {
    expect(validateTrace(parseTrace('\n# nothing\n'), { region: EU868 }).notes)
      .toEqual(['the trace holds no frame: nothing was checked']);
  });
});
