/**
 * Whole small networks, seeded: delivery falls with density and rises with gateways, every
 * delivered uplink decodes to what its device encoded, copies from several gateways are merged,
 * duty cycles hold under an independent audit, replays and forged MICs are refused.
 */
import { describe, expect, it } from 'vitest';
import { group, simulate, tinyScenario } from './_scenario.js';

describe('delivery ratio', () => {
  it('falls as density rises (one gateway, 40 then 600 devices at SF7 reporting each minute)',
    () => {
    const at = (n: number) => tinyScenario({ widthM: 1500, groups: [group(n, 1)], initialDr: 5,
      adr: false });
    const sparse = simulate(at(40)).report.summary;
    const dense = simulate(at(600)).report.summary;
    expect(sparse.uplinks).toBeGreaterThan(1000);
    expect(dense.uplinks).toBeGreaterThan(10 * sparse.uplinks);
    expect(dense.collisions).toBeGreaterThan(sparse.collisions);
    expect(dense.pdr).toBeLessThan(sparse.pdr - 0.03);
  });

  it('rises with more gateways over the same devices (1 then 9 gateways over 16 km)', () => {
    const g = [group(300, 10)];
    const one = simulate(tinyScenario({ widthM: 16000, gateways: 1, groups: g })).report.summary;
    const nine = simulate(tinyScenario({ widthM: 16000, gateways: 9, groups: g })).report.summary;
    // Devices out of reach of every gateway never join, so they attempt no uplink: the gain
    // shows in joined devices and delivered uplinks, and the ratio does not drop.
    expect(one.joins.neverJoined).toBeGreaterThan(nine.joins.neverJoined + 30);
    expect(nine.delivered).toBeGreaterThan(1.3 * one.delivered);
    expect(nine.pdr).toBeGreaterThanOrEqual(one.pdr);
  });

  it('is the same for the same seed and differs for another', () => {
    const s = tinyScenario({ groups: [group(50, 5)] });
    const a = simulate(s).report.summary;
    const b = simulate(s).report.summary;
    const c = simulate(s, { seed: 99 }).report.summary;
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
    expect(c.transmissions).not.toBe(a.transmissions);
  });
});

describe('what arrives', () => {
  it('every delivered uplink decodes to what its device encoded, for every house codec', () => {
    const { sim, report } = simulate(tinyScenario({ gateways: 4, widthM: 4000, groups: [
      group(20, 30, 'loire/water-meter', 'water-profile', 'water'),
      group(10, 5, 'loire/lighting', 'lighting-status', 'light'),
      group(10, 5, 'loire/hvac', 'hvac-status', 'hvac'),
      group(10, 5, 'loire/air-quality', 'air-measurement', 'air'),
      group(10, 10, 'loire/waste', 'waste-level', 'bins'),
    ] }), { keepReadings: true, hours: 2 });
    const readings = sim.application.readings;
    expect(readings.length).toBe(report.summary.delivered);
    expect(readings.length).toBeGreaterThan(300);
    expect(report.summary.decodeErrors).toBe(0);
    const devices = new Map(sim.devices.map((d) => [d.devEui, d]));
    const seen = new Set<string>();
    for (const r of readings) {
      const dev = devices.get(r.devEui)!;
      // The device encoded exactly these bytes, and the application decoded them back.
      expect(dev.encoded!.has(r.bytesHex!)).toBe(true);
      const input = dev.encoded!.get(r.bytesHex!);
      expect(r.data).toMatchObject(input as object);
      // Each (device, FCnt) reaches the application once, whatever the gateway count.
      const key = `${r.devEui}/${r.fCnt}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(Object.keys(report.samples).sort()).toEqual(['air', 'hvac', 'lighting', 'waste',
      'water']);
  });

  it('merges the copies heard by several gateways (deduplication)', () => {
    const { sim, report } = simulate(tinyScenario({ gateways: 9, widthM: 3000, groups: [group(50,
      5)] }));
    const ns = sim.networkServer.stats;
    expect(report.summary.duplicatesMerged).toBeGreaterThan(report.summary.delivered);
    expect(ns.copies).toBe(ns.duplicates + ns.uplinks + ns.repetitions + ns.joinRequests
      + ns.micFailures
      + ns.replays + ns.unknownDevice + ns.malformed);
    const received = report.summary.gatewayLoad.reduce((a, g) => a + g.received, 0);
    expect(received).toBe(ns.copies);
  });

  it('keeps every device and gateway within its duty cycle (independent one-hour audit)', () => {
    // Devices reporting every minute at SF12 want far more than 1 %: they must be deferred.
    const { report } = simulate(tinyScenario({ groups: [group(20, 1)], initialDr: 0, adr: false }),
      { hours: 2 });
    expect(report.summary.dutyCycleDeferrals).toBeGreaterThan(0);
    expect(report.summary.dutyCycleViolations).toBe(0);
  });

  it('joins every device once with an increasing DevNonce and answers in the join windows', () => {
    const { report } = simulate(tinyScenario({ gateways: 4, groups: [group(60, 10)] }));
    expect(report.summary.joins.accepted).toBe(60);
    expect(report.summary.joins.devNonceRefused).toBe(0);
    expect(report.summary.downlinks.rx1
      + report.summary.downlinks.rx2).toBe(report.summary.downlinks.sent);
  });

  it('acknowledges confirmed uplinks', () => {
    const g = { ...group(30, 5), confirmedShare: 1 };
    const { sim, report } = simulate(tinyScenario({ gateways: 4, groups: [g] }));
    expect(report.summary.downlinks.acks).toBeGreaterThan(0.8 * report.summary.delivered);
    const acked = sim.devices.reduce((a, d) => a + d.device.stats.acksReceived, 0);
    expect(acked).toBeGreaterThan(0.7 * report.summary.delivered);
  });
});

describe('refusals', () => {
  it('refuses a replayed uplink and a forged MIC, without delivering them again', () => {
    const frames: { phy: Uint8Array; frequencyHz: number; dr: number }[] = [];
    const { sim } = simulate(tinyScenario({ groups: [group(5, 5)] }), {
      onReception: (r) => {
        if (r.phyPayload[0]! >> 5 === 2 && frames.length < 50) {
          frames.push({ phy: r.phyPayload, frequencyHz: r.frequencyHz, dr: r.dr });
        }
      },
    });
    const ns = sim.networkServer;
    const before = { ...ns.stats };
    const delivered = sim.application.stats.uplinks;
    const old = frames[0]!;
    const copy = (phy: Uint8Array) => ({ phyPayload: phy, gatewayIndex: 0, rssiDbm: -90, snrDb: 5,
      frequencyHz: old.frequencyHz, dr: old.dr, endMs: sim.engine.nowMs });
    ns.receive(copy(old.phy));
    const forged = Uint8Array.from(frames[frames.length - 1]!.phy);
    forged[forged.length - 1] ^= 0x01;
    ns.receive(copy(forged));
    sim.engine.run({ untilMs: sim.engine.nowMs + 1000 });
    expect(ns.stats.replays).toBe(before.replays + 1);
    expect(ns.stats.micFailures).toBe(before.micFailures + 1);
    expect(sim.application.stats.uplinks).toBe(delivered);
  });
});

describe('fleet size', () => {
  it('refuses gateway counts outside 1 to 5,000 before placing anything', () => {
    for (const count of [0, 5001, 1e9, 2.5]) {
      expect(() => simulate(tinyScenario({ gateways: count, groups: [group(1, 60)] })))
        .toThrow(`gateways.count: expected an integer from 1 to 5000, got ${count}`);
    }
  });
  it('refuses more than 100,000 devices in all', () => {
    const over = tinyScenario({ gateways: 1, groups: [group(60_000, 60), group(40_001, 60)] });
    expect(() => simulate(over)).toThrow('devices.groups: 100001 devices in all');
  });
});
