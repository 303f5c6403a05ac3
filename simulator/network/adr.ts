/**
 * Network-side ADR after ChirpStack's default algorithm (chirpstack `adr/default`): from the
 * best SNR of the last 20 uplinks it computes a margin over the SNR the data rate needs plus an
 * installation margin, and spends it in 3 dB steps, first raising the data rate, then lowering
 * the transmit power; a negative margin raises the power back. NbTrans follows the packet loss
 * seen in the frame counters of the same history. Checked against the test tables of
 * chirpstack/src/adr/default.rs.
 */
import { SNR_FLOOR_DB } from '../radio/sensitivity.js';

/** One uplink in the ADR history. */
export interface AdrHistoryEntry {
  fCnt: number;
  /** Best SNR over the gateways that received it. */
  maxSnrDb: number;
}

/** What ADR reads. */
export interface AdrInput {
  /** Data rate of the last uplink. */
  dr: number;
  /** Spreading factor of each data rate (ADR steps through LoRa rates only). */
  sfOfDr: (dr: number) => number | undefined;
  /** Current TXPower index (0 = maximum). */
  txPowerIndex: number;
  nbTrans: number;
  history: readonly AdrHistoryEntry[];
  /** Highest data rate ADR may choose (EU868: 5). */
  maxDr: number;
  /** Highest TXPower index ADR may choose (EU868: 7). */
  maxTxPowerIndex: number;
  /** dB kept in reserve (ChirpStack default 10). */
  installationMarginDb: number;
}

/** What ADR decides. */
export interface AdrDecision {
  dr: number;
  txPowerIndex: number;
  nbTrans: number;
}

/** Uplinks in the ADR history (a full history is needed to raise the power). */
export const ADR_HISTORY_LENGTH = 20;

/**
 * Packet loss in percent over the history, from gaps in the frame counters, counted against
 * the history's length as ChirpStack does; 0 until the history is full.
 *
 * @example adrPacketLossPercent(twentyEntriesWithTwoGaps) // 10
 */
export function adrPacketLossPercent(history: readonly AdrHistoryEntry[]): number {
  if (history.length < ADR_HISTORY_LENGTH) return 0;
  let lost = 0;
  for (let i = 1; i < history.length; i++) {
    const gap = history[i]!.fCnt - history[i - 1]!.fCnt - 1;
    if (gap > 0) lost += gap;
  }
  return (lost * 100) / history.length;
}

const NB_TRANS_TABLE: readonly (readonly number[])[] = [[1, 1, 2], [1, 2, 3], [2, 3, 3], [3, 3, 3]];

/**
 * NbTrans for a packet loss: the table of ChirpStack's default ADR, rows by loss bracket
 * (under 5, 10, 30 %, above), columns by the current NbTrans clamped to 1..3.
 */
export function adrNbTrans(current: number, lossPercent: number): number {
  const table = NB_TRANS_TABLE;
  const row = lossPercent < 5 ? 0 : lossPercent < 10 ? 1 : lossPercent < 30 ? 2 : 3;
  const col = Math.min(Math.max(current, 1), 3) - 1;
  return table[row]![col]!;
}

/**
 * Spends `steps` of 3 dB: each positive step raises the data rate while below `maxDr`, else
 * lowers the power (raises the TXPower index) while below `maxTxPowerIndex`; each negative
 * step raises the power (never lowers the data rate).
 *
 * @example adrSteps(2, 1, 4, 5, 5) // { dr: 5, txPowerIndex: 2 }
 */
export function adrSteps(
  steps: number,
  txPowerIndex: number,
  dr: number,
  maxTxPowerIndex: number,
  maxDr: number,
): { dr: number; txPowerIndex: number } {
  let n = steps;
  let d = dr;
  let tx = txPowerIndex;
  while (n > 0) {
    if (d < maxDr) d++;
    else if (tx < maxTxPowerIndex) tx++;
    n--;
  }
  while (n < 0) {
    if (tx > 0) tx--;
    n++;
  }
  return { dr: d, txPowerIndex: tx };
}

/**
 * Runs ADR once for the last uplink.
 *
 * A positive margin is spent at once; a negative one only once the history is full, so that
 * the power does not go up and down with every frame (ChirpStack's rule). The history should
 * hold only uplinks sent at the current TX power: the network server clears it when a new
 * power is acknowledged.
 *
 * @returns the settings to ask for; equal to the input's when nothing should change
 * @example
 * ```ts
 * adrDecide({ dr: 0, sfOfDr: (d) => 12 - d, txPowerIndex: 0, nbTrans: 1, history,
 *   maxDr: 5, maxTxPowerIndex: 7, installationMarginDb: 10 });
 * ```
 */
export function adrDecide(input: AdrInput): AdrDecision {
  const nbTrans = adrNbTrans(input.nbTrans, adrPacketLossPercent(input.history));
  let dr = Math.min(input.dr, input.maxDr);
  const sf = input.sfOfDr(input.dr);
  const required = sf === undefined ? undefined : SNR_FLOOR_DB[sf];
  // Rates that are not LoRa 125 kHz are left alone, as ChirpStack's default algorithm does.
  if (required === undefined || input.history.length === 0) {
    return { dr, txPowerIndex: input.txPowerIndex, nbTrans };
  }
  let snrMax = -Infinity;
  for (const h of input.history) snrMax = Math.max(snrMax, h.maxSnrDb);
  const steps = Math.trunc((snrMax - required - input.installationMarginDb) / 3);
  if (steps < 0 && input.history.length < ADR_HISTORY_LENGTH) {
    return { dr, txPowerIndex: input.txPowerIndex, nbTrans };
  }
  const r = adrSteps(steps, input.txPowerIndex, dr, input.maxTxPowerIndex, input.maxDr);
  dr = r.dr;
  return { dr, txPowerIndex: r.txPowerIndex, nbTrans };
}
