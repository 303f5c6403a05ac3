import { describe, expect, test } from 'vitest';
import LoraPacket from 'lora-packet';
import { hexToBytes } from '../../src/bytes/hex.js';
import { computeUplinkMic11, verifyUplinkMic10 } from '../../src/crypto/index.js';
import { decodePhyPayload } from '../../src/mac/index.js';
import { AS923, EU868, US915, subBandOf } from '../../src/region/index.js';
import { Engine } from '../../simulator/engine/index.js';
import {
  ClassADevice,
  createDeviceSession,
  splitMacCommands,
  type DeviceOptions,
  type Transmission,
} from '../../simulator/device/index.js';
import { validateTrace } from '../../simulator/validate/index.js';
import { parseTrace } from '../../simulator/validate/parse.js';
import {
  APP_KEY, APP_S_KEY, DEV_EUI, JOIN_EUI, NWK_KEY, NWK_S_KEY, TestNetwork, counterCodec,
} from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DEV_ADDR = 0x26011bda;

const ABP_KEYS = { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY };
const abpSession = (): ReturnType<typeof createDeviceSession> =>
  createDeviceSession('1.0', { devAddr: DEV_ADDR, ...ABP_KEYS });
const every = (periodMs: number, more: object = {}): DeviceOptions['schedule'] =>
  ({ periodMs, data: (i: number) => i, ...more });

function abpDevice(engine: Engine, extra: Partial<DeviceOptions> = {}): ClassADevice {
  return new ClassADevice({
    engine,
    region: EU868,
    activation: { mode: 'abp', devAddr: DEV_ADDR, nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY },
    codec: counterCodec(),
    schedule: { periodMs: 600_000, data: (i) => i },
    dr: 5,
    ...extra,
  });
}

const buf = (b: Uint8Array): Buffer => Buffer.from(b);
const traceText = (d: ClassADevice): string => d.trace.map((l) => JSON.stringify(l)).join('\n');

describe('ABP 1.0.4 device', () => {
  test('every frame of a day decodes, passes the core MIC check and lora-packet agrees', () => {
    const engine = new Engine({ seed: 3 });
    const device = abpDevice(engine);
    device.start();
    engine.run({ untilMs: DAY });
    expect(device.trace.length).toBeGreaterThanOrEqual(143);
    device.trace.forEach((line, i) => {
      const bytes = hexToBytes(line.phyPayload);
      const f = decodePhyPayload(bytes);
      if (f.type !== 'data') throw new Error('expected data');
      expect(f.fhdr.devAddr).toBe(DEV_ADDR);
      expect(f.fhdr.fCnt).toBe(i);
      const input = { devAddr: DEV_ADDR, fCnt: i, message: bytes.subarray(0, -4) };
      expect(verifyUplinkMic10(NWK_S_KEY, input, f.mic)).toBe(true);
      // Oracle: lora-packet checks the MIC and decrypts to the codec's bytes.
      const p = LoraPacket.fromWire(buf(bytes));
      expect(LoraPacket.verifyMIC(p, buf(NWK_S_KEY))).toBe(true);
      const clear = LoraPacket.decrypt(p, buf(APP_S_KEY), buf(NWK_S_KEY));
      expect([...clear]).toEqual(counterCodec().encodeUplink({ data: i }).bytes);
    });
  });

  test('its trace validates clean', () => {
    const engine = new Engine({ seed: 4 });
    const device = abpDevice(engine);
    device.start();
    engine.run({ untilMs: DAY });
    const report = validateTrace(parseTrace(traceText(device)), {
      region: EU868, keys: { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY },
    });
    expect(report.violations).toEqual([]);
    expect(report.summary.micOk).toBe(device.trace.length);
  });

  test('seeded runs are reproducible, other seeds differ', () => {
    const run = (seed: number): string => {
      const engine = new Engine({ seed });
      const d = abpDevice(engine, { schedule: every(600_000, { jitterMs: 30_000 }) });
      d.start();
      engine.run({ untilMs: 6 * HOUR });
      return traceText(d);
    };
    expect(run(11)).toBe(run(11));
    expect(run(11)).not.toBe(run(12));
  });
});

describe('OTAA join', () => {
  test('1.0.4: the device joins; Join-Request MIC and session keys agree with lora-packet', () => {
    const engine = new Engine({ seed: 5 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
    const net = new TestNetwork(engine, '1.0', root);
    const device = new ClassADevice({
      engine, region: EU868, activation: { mode: 'otaa', ...root }, codec: counterCodec(),
      schedule: { periodMs: 600_000, data: (i) => i }, radio: net, dr: 5, devNonce: 41,
    });
    net.device = device;
    device.start();
    engine.run({ untilMs: 2 * HOUR });
    expect(device.activated).toBe(true);
    const join = net.uplinks[0]!;
    const jr = LoraPacket.fromWire(buf(join.phyPayload));
    expect(LoraPacket.verifyMIC(jr, undefined, buf(APP_KEY))).toBe(true);
    // lora-packet shows DevNonce big-endian, as people read it.
    expect(jr.DevNonce!.readUInt16BE(0)).toBe(41);
    expect(device.devNonce).toBe(42);
    // Session keys: lora-packet derives them from the same join values.
    const hex = (h: string): Buffer => Buffer.from(h, 'hex');
    // NetID 000013, JoinNonce 1 (the test network's), DevNonce 41.
    const keys = LoraPacket.generateSessionKeys(
      buf(APP_KEY), hex('000013'), hex('000001'), hex('0029'),
    );
    const data = net.uplinks.filter((t) => t.kind === 'data');
    expect(data.length).toBeGreaterThan(5);
    for (const t of data) {
      const p = LoraPacket.fromWire(buf(t.phyPayload));
      expect(LoraPacket.verifyMIC(p, keys.NwkSKey)).toBe(true);
    }
    // RX1 of the join: JOIN_ACCEPT_DELAY1 after the end of the Join-Request.
    expect(join.rx1.openAtMs).toBeCloseTo(join.startMs + join.toaMs + 5000, 6);
    expect(join.rx2.openAtMs).toBeCloseTo(join.startMs + join.toaMs + 6000, 6);
  });

  test('1.1: data frames carry the 1.1 MIC for their TxDr and TxCh', () => {
    const engine = new Engine({ seed: 6 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY, nwkKey: NWK_KEY };
    const net = new TestNetwork(engine, '1.1', root);
    const device = new ClassADevice({
      engine, region: EU868, lorawanVersion: '1.1', activation: { mode: 'otaa', ...root },
      codec: counterCodec(), schedule: { periodMs: 600_000, data: (i) => i }, radio: net, dr: 5,
    });
    net.device = device;
    device.start();
    engine.run({ untilMs: 3 * HOUR });
    const s = net.session!;
    const data = net.uplinks.filter((t) => t.kind === 'data');
    expect(data.length).toBeGreaterThan(5);
    for (const t of data) {
      const mic = computeUplinkMic11(s.sNwkSIntKey, s.fNwkSIntKey, {
        devAddr: s.devAddr,
        fCnt: t.fCnt!,
        message: t.phyPayload.subarray(0, -4),
        confFCnt: 0,
        txDr: t.dr,
        txCh: t.channelIndex,
      });
      expect([...mic]).toEqual([...t.phyPayload.subarray(-4)]);
    }
    // RekeyInd (CID 0x0B) is sent after a 1.1 join; FOpts are encrypted, so check it decrypted.
    const first = decodePhyPayload(data[0]!.phyPayload);
    expect(first.type === 'data' && first.fhdr.fOpts.length).toBe(2);
  });

  test('DevNonce counts across resets and join retries respect the back-off', () => {
    const engine = new Engine({ seed: 7 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
    const net = new TestNetwork(engine, '1.0', root, { acceptJoins: false });
    const device = new ClassADevice({
      engine, region: EU868, activation: { mode: 'otaa', ...root }, codec: counterCodec(),
      schedule: { periodMs: 600_000, data: (i) => i }, radio: net, dr: 0,
    });
    net.device = device;
    device.start();
    engine.run({ untilMs: 36 * HOUR });
    const before = net.uplinks.length;
    // The validator agrees that the trace before the reset keeps the rules of its policy.
    const report = validateTrace(parseTrace(traceText(device)), {
      region: EU868, keys: { appKey: APP_KEY }, dutyCyclePolicy: 'credits', powerOnMs: 0,
    });
    expect(report.violations).toEqual([]);
    expect(report.summary.micOk).toBe(before);
    device.reset();
    engine.run({ untilMs: 38 * HOUR });
    const nonces = net.uplinks.map((t) => {
      const f = decodePhyPayload(t.phyPayload);
      return f.type === 'joinRequest' ? f.devNonce : -1;
    });
    expect(nonces).toEqual(nonces.map((_, i) => i));
    expect(net.uplinks.length).toBeGreaterThan(before);
    // Back-off: airtime per period within 36 s / 36 s / 8.7 s.
    const air = (a: number, b: number): number =>
      net.uplinks.filter((t) => t.startMs >= a && t.startMs < b).reduce((s, t) => s + t.toaMs, 0);
    expect(air(0, HOUR)).toBeLessThanOrEqual(36_000);
    expect(air(0, HOUR)).toBeGreaterThan(30_000);
    expect(air(HOUR, 11 * HOUR)).toBeLessThanOrEqual(36_000);
    expect(air(11 * HOUR, 35 * HOUR)).toBeLessThanOrEqual(8_700);
    expect(device.waits.some((w) => w.reason === 'join-backoff')).toBe(true);
    // Retry spacing is random.
    const gaps = net.uplinks.slice(1, 10).map((t, i) => t.startMs - net.uplinks[i]!.startMs);
    expect(new Set(gaps.map((g) => Math.round(g))).size).toBeGreaterThan(3);
  });
});

describe('field report: 14 uplinks at DR0 ten seconds apart', () => {
  const codec = counterCodec(51); // N = 51 at DR0: 64-byte PHYPayload, 2793.472 ms

  test('the device defers them within the credits budget and its trace validates clean', () => {
    const engine = new Engine({ seed: 8 });
    const schedule = every(10_000, { firstAfterMs: 0 });
    const device = abpDevice(engine, { dr: 0, adr: false, codec, schedule });
    device.start();
    engine.run({ untilMs: 2 * HOUR });
    // Twelve go out on time; the 13th waits until enough of the first has left the hour.
    const starts = device.trace.map((l) => l.timeMs);
    expect(starts.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i * 10_000));
    expect(starts[12]).toBeGreaterThan(3_500_000);
    expect(device.waits.filter((w) => w.reason === 'duty-cycle').length).toBeGreaterThan(0);
    const report = validateTrace(parseTrace(traceText(device)), {
      region: EU868, keys: { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY }, dutyCyclePolicy: 'credits',
    });
    expect(report.violations).toEqual([]);
  });

  test('the same frames sent on time are flagged by the validator', () => {
    const engine = new Engine({ seed: 9 });
    const schedule = every(10_000, { firstAfterMs: 0 });
    const device = abpDevice(engine, { dr: 0, adr: false, codec, schedule });
    device.start();
    engine.run({ untilMs: 3 * HOUR });
    // Re-time the first 14 frames 10 s apart, as the faulty firmware sent them.
    const lines = device.trace
      .slice(0, 14)
      .map((l, i) => JSON.stringify({ ...l, timeMs: i * 10_000 }));
    const report = validateTrace(parseTrace(lines.join('\n')), { region: EU868 });
    const credits = report.violations.filter((v) => v.rule === 'duty-cycle-credits');
    expect(credits.map((v) => v.line)).toEqual([13, 14]);
    expect(report.violations.filter((v) => v.rule === 'duty-cycle-off-time').length).toBe(13);
  });
});

describe('confirmed uplinks, NbTrans and ADR', () => {
  test('without an ACK a confirmed uplink goes NbTrans times, after RETRANSMIT_TIMEOUT', () => {
    const engine = new Engine({ seed: 10 });
    const txs: Transmission[] = [];
    const device = abpDevice(engine, {
      nbTrans: 3, adr: false, radio: { transmit: (t) => txs.push(t) },
      schedule: { periodMs: HOUR, firstAfterMs: 0, data: (i) => i, confirmed: true },
    });
    device.start();
    engine.run({ untilMs: HOUR - 1 });
    expect(txs.map((t) => t.fCnt)).toEqual([0, 0, 0]);
    expect(txs.map((t) => t.attempt)).toEqual([1, 2, 3]);
    for (let i = 1; i < 3; i++) {
      const rx2End = txs[i - 1]!.rx2.openAtMs + txs[i - 1]!.rx2.timeoutMs;
      expect(txs[i]!.startMs - rx2End).toBeGreaterThanOrEqual(1000 - 1e-6);
      expect(txs[i]!.startMs - rx2End).toBeLessThanOrEqual(3000 + 1e-6);
    }
  });

  test('an ACK in RX1 stops the repetitions', () => {
    const engine = new Engine({ seed: 10 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
    const net = new TestNetwork(engine, '1.0', root);
    net.session = abpSession();
    const schedule = every(HOUR, { firstAfterMs: 0, confirmed: true });
    const device = abpDevice(engine, { nbTrans: 3, radio: net, schedule });
    net.device = device;
    device.start();
    engine.run({ untilMs: 3 * HOUR - 1 });
    expect(net.uplinks.map((t) => t.fCnt)).toEqual([0, 1, 2]);
    expect(device.stats.acksReceived).toBe(3);
  });

  test('ADR back-off: ADRACKReq after ADR_ACK_LIMIT, one DR lower after ADR_ACK_DELAY', () => {
    const engine = new Engine({ seed: 12 });
    const txs: Transmission[] = [];
    const device = abpDevice(engine, { radio: { transmit: (t) => txs.push(t) } });
    device.start();
    engine.run({ untilMs: 140 * 600_000 });
    const adrAckReq = txs.map((t) => (t.phyPayload[5]! & 0x40) !== 0);
    // FCnt 0..63 count ADR_ACK_CNT 1..64; the bit is set from ADR_ACK_CNT = ADR_ACK_LIMIT
    // (TS001-1.0.4 §4.3.1.1). At 64 + 32 the device steps down one DR (already at full
    // power), effective from the next uplink; 32 later one more.
    expect(adrAckReq.indexOf(true)).toBe(63);
    expect(txs.slice(0, 96).every((t) => t.dr === 5)).toBe(true);
    expect(txs.slice(96, 128).every((t) => t.dr === 4)).toBe(true);
    expect(txs[128]!.dr).toBe(3);
  });
});

describe('MAC commands', () => {
  test('LinkADR, DevStatus, RXParamSetup, RXTimingSetup, DutyCycle: answered, sticky', () => {
    const engine = new Engine({ seed: 13 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
    // LinkADRReq DR3 / TXPower 2 / ChMask ch0+ch1 / NbTrans 1; DevStatusReq; RXParamSetupReq
    // offset 1, RX2 DR3 at 869.525 MHz; RXTimingSetupReq 2 s; DutyCycleReq 0.
    const mac = Uint8Array.from([
      0x03, 0x32, 0x03, 0x00, 0x01, 0x06, 0x05, 0x13, 0xd2, 0xad, 0x84, 0x08, 0x02, 0x04, 0x00,
    ]);
    const net = new TestNetwork(engine, '1.0', root, { macAfterFCnt: new Map([[2, mac]]) });
    net.session = abpSession();
    const schedule = every(600_000, { firstAfterMs: 0 });
    const device = abpDevice(engine, { radio: net, schedule });
    net.device = device;
    device.start();
    engine.run({ untilMs: 10 * 600_000 - 1 });
    const fOpts = net.uplinks.map((t) => {
      const f = decodePhyPayload(t.phyPayload);
      if (f.type !== 'data') return [];
      return splitMacCommands(f.fhdr.fOpts, true).map((c) => [c.cid, ...c.payload]);
    });
    expect(fOpts[2]).toEqual([]);
    // Uplink 3: sticky RXParamSetupAns (all ok) and RXTimingSetupAns first, then the others.
    expect(fOpts[3]).toEqual([[0x05, 0x07], [0x08], [0x03, 0x07], [0x06, 255, 0], [0x04]]);
    // No downlink since: the sticky answers repeat.
    expect(fOpts[4]).toEqual([[0x05, 0x07], [0x08]]);
    expect(device.radioSettings).toMatchObject({ dr: 3, txPowerIndex: 2 });
    for (const t of net.uplinks.slice(3)) {
      expect([868_100_000, 868_300_000]).toContain(t.frequencyHz);
      expect(t.dr).toBe(3);
      expect(t.rx1.openAtMs - (t.startMs + t.toaMs)).toBeCloseTo(2000, 6);
      expect(t.rx1.dr).toBe(2);
      expect(t.rx2).toMatchObject({ frequencyHz: 869_525_000, dr: 3 });
    }
  });

  test('NewChannelReq adds a channel, DlChannelReq moves its RX1 (sticky), DeviceTime', () => {
    const engine = new Engine({ seed: 15 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
    // NewChannelReq ch3 867.1 MHz DR0-5; DlChannelReq ch3 -> 868.1 MHz; TxParamSetupReq, which
    // an EU868 device ignores (RP002-1.0.1 §2.4: not implemented there).
    const first = Uint8Array.from([
      0x07, 0x03, 0x18, 0x4f, 0x84, 0x50, 0x0a, 0x03, 0x28, 0x76, 0x84, 0x09, 0x00,
    ]);
    // DeviceTimeAns: 16 s + 128/256 s since the GPS epoch.
    const second = Uint8Array.from([0x0d, 0x10, 0x00, 0x00, 0x00, 0x80]);
    const net = new TestNetwork(engine, '1.0', root, {
      macAfterFCnt: new Map([[0, first], [1, second]]),
    });
    net.session = abpSession();
    const schedule = every(600_000, { firstAfterMs: 0 });
    const device = abpDevice(engine, { radio: net, schedule });
    net.device = device;
    device.requestDeviceTime();
    device.start();
    engine.run({ untilMs: 30 * 600_000 - 1 });
    const fOpts = net.uplinks.map((t) => {
      const f = decodePhyPayload(t.phyPayload);
      if (f.type !== 'data') return [];
      return splitMacCommands(f.fhdr.fOpts, true).map((c) => [c.cid, ...c.payload]);
    });
    expect(fOpts[0]).toEqual([[0x0d]]);
    // Sticky DlChannelAns first, then NewChannelAns; nothing for TxParamSetupReq.
    expect(fOpts[1]).toEqual([[0x0a, 0x03], [0x07, 0x03]]);
    // The DeviceTimeAns downlink after uplink 1 ends the sticky answer.
    expect(fOpts[2]).toEqual([]);
    expect(device.macState.deviceTimeGpsS).toBe(16.5);
    const onNew = net.uplinks.filter((t) => t.frequencyHz === 867_100_000);
    expect(onNew.length).toBeGreaterThan(0);
    for (const t of onNew) expect(t.rx1.frequencyHz).toBe(868_100_000);
  });

  test('a LinkADRReq enabling an undefined channel is refused whole', () => {
    const engine = new Engine({ seed: 14 });
    const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
    // ChMask bit 3: channel 3 is not defined.
    const mac = Uint8Array.from([0x03, 0x32, 0x08, 0x00, 0x01]);
    const net = new TestNetwork(engine, '1.0', root, { macAfterFCnt: new Map([[0, mac]]) });
    net.session = abpSession();
    const schedule = every(600_000, { firstAfterMs: 0 });
    const device = abpDevice(engine, { radio: net, schedule });
    net.device = device;
    device.start();
    engine.run({ untilMs: 2 * 600_000 - 1 });
    const f = decodePhyPayload(net.uplinks[1]!.phyPayload);
    expect(f.type === 'data' && [...f.fhdr.fOpts]).toEqual([0x03, 0x06]);
    expect(device.radioSettings.dr).toBe(5);
  });
});

describe('other regions', () => {
  for (const [region, dr] of [[US915, 0], [AS923, 2]] as const) {
    test(`${region.id}: a day at DR${dr} validates clean, RX windows follow the region`, () => {
      const engine = new Engine({ seed: 21 });
      const txs: Transmission[] = [];
      const radio = { transmit: (t: Transmission): void => void txs.push(t) };
      const device = abpDevice(engine, { region, dr, adr: false, dutyCyclePolicy: 'both', radio });
      device.start();
      engine.run({ untilMs: DAY });
      const report = validateTrace(parseTrace(traceText(device)), {
        region, keys: { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY },
      });
      expect(report.violations).toEqual([]);
      expect(report.summary.micOk).toBeGreaterThan(140);
      for (const t of txs) {
        expect(t.rx1.frequencyHz).toBe(region.rx1FrequencyHz(t.frequencyHz));
        expect(t.rx1.dr).toBe(region.rx1Dr(dr, 0));
        expect(t.rx2).toMatchObject(region.rx2);
      }
      expect(new Set(txs.map((t) => t.frequencyHz)).size).toBeGreaterThan(1);
    });
  }
});

describe('a year in the engine', () => {
  test('one device, reports every 15 minutes, no violation under either policy', () => {
    const engine = new Engine({ seed: 2026 });
    const device = abpDevice(engine, { schedule: every(900_000, { jitterMs: 60_000 }) });
    device.start();
    engine.run({ untilMs: 365 * DAY });
    expect(device.stats.uplinks).toBeGreaterThan(35_000);
    const report = validateTrace(parseTrace(traceText(device)), { region: EU868, keys: ABP_KEYS });
    expect(report.violations).toEqual([]);
    // All frames in the 868.0-868.6 MHz sub-band (default channels).
    const bands = new Set(device.trace.map((l) => subBandOf(EU868, l.frequencyHz)!.name));
    expect(bands).toEqual(new Set(['868.0-868.6']));
  });
});
