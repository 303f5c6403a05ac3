/**
 * The radio medium on hand-placed packets: capture decided by the isolation matrix (values from
 * the ns-3 lorawan GOURSAUD and ALOHA matrices), demodulator limits (8 paths of an SX1301),
 * half-duplex gateways, sensitivity.
 */
import { describe, expect, it } from 'vitest';
import { Gateway } from '../../simulator/gateway/gateway.js';
import { ISOLATION_PRESETS } from '../../simulator/radio/isolation.js';
import { Medium, type Links } from '../../simulator/radio/medium.js';
import type { LogDistanceModel } from '../../simulator/radio/path-loss.js';

// No shadowing: received power = txPower + gains - loss, exactly.
const FLAT: LogDistanceModel = { kind: 'log-distance', d0M: 1, plD0Db: 0, exponent: 2, sigmaDb: 0 };
const rng = { next: () => 0.5 };

function setup(capture: string, concentrator: 'sx1301' | 'sx1302' = 'sx1302') {
  const gw = new Gateway({ id: '0000000000000001', position: { xM: 0, yM: 0 }, antennaGainDbi: 0,
    concentrator });
  const medium = new Medium<string>({ gateways: [gw], pathLoss: FLAT,
    isolation: ISOLATION_PRESETS[capture]!.matrix, rng, fadingSigmaDb: 0 });
  // One link to the gateway with a chosen loss, so each packet's power is set by hand.
  const link = (lossDb: number): Links => ({ gateways: Int32Array.of(0),
    lossDb: Float64Array.of(lossDb) });
  const send = (name: string, startMs: number, toaMs: number, sf: number, powerDbm: number,
    f = 868.1e6) =>
    medium.begin({ startMs, toaMs, frequencyHz: f, sf, bandwidthHz: 125000, txPowerDbm: 14,
      links: link(14 - powerDbm), payload: name });
  return { gw, medium, send };
}

describe('capture by the isolation matrix', () => {
  it('Goursaud co-SF: the stronger of two overlapping packets survives at 7 dB, neither at 5 dB',
    () => {
    let s = setup('goursaud');
    let a = s.send('a', 0, 100, 9, -100);
    let b = s.send('b', 0, 100, 9, -107);
    expect(s.medium.end(a).receptions).toHaveLength(1);
    expect(s.medium.end(b).lost).toBe('collision');

    s = setup('goursaud');
    a = s.send('a', 0, 100, 9, -100);
    b = s.send('b', 0, 100, 9, -105);
    expect(s.medium.end(a).lost).toBe('collision');
    expect(s.medium.end(b).lost).toBe('collision');
  });

  it('Goursaud inter-SF: an SF12 packet survives an SF7 one 30 dB stronger (isolation -36 dB)',
    () => {
    const s = setup('goursaud');
    const weak = s.send('weak', 0, 1000, 12, -120);
    const strong = s.send('strong', 200, 50, 7, -90);
    expect(s.medium.end(strong).receptions).toHaveLength(1);
    expect(s.medium.end(weak).receptions).toHaveLength(1);
  });

  it('Goursaud inter-SF: an SF7 packet is lost to an SF12 one 25 dB stronger (isolation -20 dB)',
    () => {
    const s = setup('goursaud');
    const strong = s.send('strong', 0, 1000, 12, -95);
    const weak = s.send('weak', 100, 50, 7, -120);
    expect(s.medium.end(weak).lost).toBe('collision');
    expect(s.medium.end(strong).receptions).toHaveLength(1);
  });

  it('ALOHA: any co-SF overlap destroys both, whatever the powers; other SFs pass', () => {
    const s = setup('aloha');
    const a = s.send('a', 0, 100, 7, -60);
    const b = s.send('b', 99, 100, 7, -110);
    const c = s.send('c', 50, 100, 8, -125);
    expect(s.medium.end(a).lost).toBe('collision');
    expect(s.medium.end(b).lost).toBe('collision');
    expect(s.medium.end(c).receptions).toHaveLength(1);
  });

  it('packets on different frequencies never interfere, nor packets that do not overlap', () => {
    const s = setup('aloha');
    const a = s.send('a', 0, 100, 7, -100, 868.1e6);
    const b = s.send('b', 0, 100, 7, -100, 868.3e6);
    const c = s.send('c', 100, 100, 7, -100, 868.1e6);
    for (const e of [a, b, c]) expect(s.medium.end(e).receptions).toHaveLength(1);
  });
});

describe('gateway limits', () => {
  it('an SX1301 demodulates 8 packets at once: the 9th is lost', () => {
    const s = setup('goursaud', 'sx1301');
    const freqs = [868.1, 868.3, 868.5, 867.1, 867.3, 867.5, 867.7, 867.9, 868.1];
    const sfs = [7, 7, 7, 7, 7, 7, 7, 7, 12];
    const es = freqs.map((f, i) => s.send(`p${i}`, i, 500, sfs[i]!, -100, f * 1e6));
    const out = es.map((e) => s.medium.end(e));
    expect(out.filter((o) => o.receptions.length === 1)).toHaveLength(8);
    expect(out[8]!.lost).toBe('demodulators');
    expect(s.gw.stats.lostDemodulators).toBe(1);
  });

  it('an SX1302 has 16 paths', () => {
    const s = setup('goursaud', 'sx1302');
    expect(s.gw.demodulators).toBe(16);
  });

  it('a gateway transmitting hears nothing (half-duplex), before or during the packet', () => {
    const s = setup('goursaud');
    expect(s.gw.transmit(869.525e6, 0, 200)).toBe(true);
    const during = s.send('during', 100, 50, 7, -90);
    const overlapping = s.send('overlap', 150, 200, 8, -90, 868.3e6);
    const after = s.send('after', 300, 50, 7, -90);
    expect(s.medium.end(during).lost).toBe('half-duplex');
    expect(s.medium.end(overlapping).lost).toBe('half-duplex');
    expect(s.medium.end(after).receptions).toHaveLength(1);
  });

  it('below sensitivity (SX1302 SF12: -141 dBm) or the SNR floor, nothing is received', () => {
    const s = setup('goursaud');
    // SF7: sensitivity -127 dBm, but the SNR floor (-7.5 dB over a -117 dBm noise floor) is
    // stricter.
    expect(s.medium.end(s.send('a', 0, 50, 7, -126)).lost).toBe('out-of-range');
    expect(s.medium.end(s.send('b', 100, 50, 7, -124)).receptions).toHaveLength(1);
    expect(s.medium.end(s.send('c', 200, 50, 12, -142)).lost).toBe('out-of-range');
  });

  it('reports RSSI and SNR against the thermal noise floor (-174 + 10 log10(125 kHz) + 6 dB)',
    () => {
    const s = setup('goursaud');
    const r = s.medium.end(s.send('a', 0, 50, 7, -100)).receptions[0]!;
    expect(r.rssiDbm).toBeCloseTo(-100, 9);
    expect(r.snrDb).toBeCloseTo(-100 - (-174 + 10 * Math.log10(125000) + 6), 9);
  });
});
