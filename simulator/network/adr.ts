/**
 * Network-side ADR after ChirpStack's default algorithm (chirpstack `adr/default`): from the
 * best SNR of the last 20 uplinks it computes a margin over the SNR the data rate needs plus an
 * installation margin, and spends it in 3 dB steps, first raising the data rate, then lowering
 * the transmit power; a negative margin raises the power back. NbTrans follows the packet loss
 * seen in the frame counters of the same history. Written from the algorithm's description,
 * not from its code.
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

/** Uplinks ADR needs in its history before it changes anything. */
export const ADR_HISTORY_LENGTH = 20;

/**
 * Packet loss in percent over the history, from gaps in the frame counters.
 *
 * @example adrPacketLossPercent([{ fCnt: 1, maxSnrDb: 0 }, { fCnt: 3, maxSnrDb: 0 }]) // 33.3
 */
export function adrPacketLossPercent(history: readonly AdrHistoryEntry[]): number {
  if (history.length < 2) return 0;
  let lost = 0;
  for (let i = 1; i < history.length; i++) {
    const gap = history[i]!.fCnt - history[i - 1]!.fCnt - 1;
    if (gap > 0) lost += gap;
  }
  const expected = history[history.length - 1]!.fCnt - history[0]!.fCnt + 1;
  return (lost * 100) / expected;
}

/**
 * NbTrans for a packet loss: under 5 % keep one transmission (or come down from more), under
 * 10 % up to 2-3, under 30 % 2-3, above that 3 (the table of ChirpStack's default ADR, rows by
 * loss bracket, columns by current NbTrans 1, 2, 3).
 */
export function adrNbTrans(current: number, lossPercent: number): number {
  const table = [[1, 1, 2], [1, 2, 3], [2, 3, 3], [3, 3, 3]];
  const row = lossPercent < 5 ? 0 : lossPercent < 10 ? 1 : lossPercent < 30 ? 2 : 3;
  const col = Math.min(Math.max(current, 1), 3) - 1;
  return table[row]![col]!;
}

/**
 * Runs ADR once.
 *
 * @returns the settings to ask for; equal to the input's when nothing should change
 * @example
 * ```ts
 * adrDecide({ dr: 0, sfOfDr: (d) => 12 - d, txPowerIndex: 0, nbTrans: 1, history,
 *   maxDr: 5, maxTxPowerIndex: 7, installationMarginDb: 10 });
 * ```
 */
export function adrDecide(input: AdrInput): AdrDecision {
  const same = { dr: input.dr, txPowerIndex: input.txPowerIndex, nbTrans: input.nbTrans };
  if (input.history.length < ADR_HISTORY_LENGTH) return same;
  const nbTrans = adrNbTrans(input.nbTrans, adrPacketLossPercent(input.history));
  const sf = input.sfOfDr(input.dr);
  const required = sf === undefined ? undefined : SNR_FLOOR_DB[sf];
  // Data rates beyond ADR's range (or not LoRa) are left alone, as ChirpStack does.
  if (required === undefined || input.dr > input.maxDr) return { ...same, nbTrans };
  let snrMax = -Infinity;
  for (const h of input.history) snrMax = Math.max(snrMax, h.maxSnrDb);
  const margin = snrMax - required - input.installationMarginDb;
  let steps = Math.trunc(margin / 3);
  let dr = input.dr;
  let tx = input.txPowerIndex;
  while (steps > 0 && dr < input.maxDr) {
    dr++;
    steps--;
  }
  while (steps > 0 && tx < input.maxTxPowerIndex) {
    tx++;
    steps--;
  }
  while (steps < 0 && tx > 0) {
    tx--;
    steps++;
  }
  return { dr, txPowerIndex: tx, nbTrans };
}
