/**
 * Network-side ADR against the test tables of ChirpStack's default algorithm
 * (chirpstack/chirpstack, chirpstack/src/adr/default.rs: test_get_packet_loss_percentage,
 * test_get_nb_trans, test_get_ideal_tx_power_index_and_dr).
 */
import { describe, expect, it } from 'vitest';
import {
  adrDecide,
  adrNbTrans,
  adrPacketLossPercent,
  adrSteps,
} from '../../simulator/network/adr.js';

describe('ChirpStack default ADR tables', () => {
  it('packet loss: 20 uplinks with two one-frame gaps is 10 %', () => {
    const h = Array.from({ length: 20 }, (_, i) => ({ fCnt: i < 5 ? i : i < 10 ? i + 1 : i + 2,
      maxSnrDb: 0 }));
    expect(adrPacketLossPercent(h)).toBe(10);
  });

  it.each([[4.99, 3, 2], [9.99, 2, 2], [30, 3, 3]])('NbTrans at %d %% loss from %d: %d',
    (loss, current, expected) => {
      expect(adrNbTrans(current, loss)).toBe(expected);
    });

  // [name, nStep, txPowerIndex, dr, maxTx, maxDr, expected tx, expected dr]
  it.each([
    ['nothing to do', 0, 1, 3, 5, 5, 1, 3],
    ['one step: data-rate increase', 1, 1, 4, 5, 5, 1, 5],
    ['one step: tx-power decrease', 1, 1, 5, 5, 5, 2, 5],
    ['two steps: data-rate increase', 2, 1, 3, 5, 5, 1, 5],
    ['two steps: one DR up, one power down', 2, 1, 4, 5, 5, 2, 5],
    ['two steps: tx-power decrease', 2, 1, 5, 5, 5, 3, 5],
    ['two steps: already at the lowest power', 2, 5, 5, 5, 5, 5, 5],
    ['one negative step: power increase', -1, 1, 5, 5, 5, 0, 5],
    ['one negative step: DR never lowered', -1, 0, 4, 5, 5, 0, 4],
    ['ten negative steps at full power', -10, 0, 4, 5, 5, 0, 4],
  ] as const)('%s', (_name, n, tx, dr, maxTx, maxDr, eTx, eDr) => {
    expect(adrSteps(n, tx, dr, maxTx, maxDr)).toEqual({ dr: eDr, txPowerIndex: eTx });
  });
});

describe('adrDecide', () => {
  const base = { sfOfDr: (d: number) => (d <= 5 ? 12 - d : undefined), txPowerIndex: 0, nbTrans: 1,
    maxDr: 5, maxTxPowerIndex: 7, installationMarginDb: 10 };
  it('spends a positive margin at once: SNR 5 dB at SF12 (floor -20) is 15 dB over, 5 steps',
    () => {
    expect(adrDecide({ ...base, dr: 0, history: [{ fCnt: 0, maxSnrDb: 5 }] }))
      .toEqual({ dr: 5, txPowerIndex: 0, nbTrans: 1 });
  });
  it('raises the power on a negative margin only with a full history', () => {
    const h = (n: number) => Array.from({ length: n }, (_, i) => ({ fCnt: i, maxSnrDb: -10 }));
    // SF7 floor -7.5: margin -10 + 7.5 - 10 = -12.5, four steps down in index.
    expect(adrDecide({ ...base, dr: 5, txPowerIndex: 5, history: h(19) }).txPowerIndex).toBe(5);
    expect(adrDecide({ ...base, dr: 5, txPowerIndex: 5, history: h(20) }).txPowerIndex).toBe(1);
  });
});
