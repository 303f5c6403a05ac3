/**
 * A LoRaWAN gateway as the radio sees it: a position and an antenna, a concentrator with a
 * sensitivity table and a fixed number of demodulation paths, one half-duplex transmitter, and
 * the downlink duty cycle of the sub-bands it transmits in.
 */
import type { Position } from '../radio/geo.js';
import {
  noiseFloorDbm,
  receiverPreset,
  SNR_FLOOR_DB,
  type SensitivityTable,
} from '../radio/sensitivity.js';

/** The concentrator chips loire models. */
export type Concentrator = 'sx1301' | 'sx1302';

/**
 * Demodulation paths: the SX1301 decodes at most 8 LoRa packets at once on its multi-SF
 * channels, the SX1302 16 (SX1301 datasheet v2.4; SX1302 product brief).
 */
export const DEMODULATORS: Readonly<Record<Concentrator, number>> = { sx1301: 8, sx1302: 16 };

/** How a gateway limits its own downlink airtime (a `DutyCycle` of the simulator fits). */
export interface DownlinkDutyCycle {
  /** Earliest start at or after `nowMs` for `toaMs` on `frequencyHz`; Infinity if never. */
  earliestStartMs(frequencyHz: number, toaMs: number, nowMs: number): number;
  /** Books a transmission. */
  record(frequencyHz: number, startMs: number, toaMs: number): void;
}

/** Options of {@link Gateway}. */
export interface GatewayOptions {
  /** Gateway EUI, 16 hex digits (big-endian, as shown). */
  id: string;
  position: Position;
  /** Antenna gain in dBi, counted on receive and transmit (default 3). */
  antennaGainDbi?: number;
  /** Concentrator (default `sx1302`). */
  concentrator?: Concentrator;
  /** Demodulation paths (default by concentrator: 8 or 16). */
  demodulators?: number;
  /** Noise figure of the receive chain in dB, for SNR (default 6). */
  noiseFigureDb?: number;
  /** Downlink duty-cycle limiter (default none: unlimited). */
  dutyCycle?: DownlinkDutyCycle;
}

/** Counters of one gateway. */
export interface GatewayStats {
  /** Packets received intact (before deduplication). */
  received: number;
  /** Packets lost because every demodulation path was busy. */
  lostDemodulators: number;
  /** Packets lost because the gateway was transmitting (half-duplex). */
  lostHalfDuplex: number;
  /** Packets above sensitivity destroyed by interference. */
  lostCollision: number;
  /** Downlinks transmitted. */
  downlinks: number;
  /** Downlinks refused because the sub-band's duty cycle was spent. */
  downlinksRefused: number;
  /** Total downlink airtime in milliseconds. */
  downlinkAirtimeMs: number;
}

/**
 * A simulated gateway.
 *
 * @example
 * ```ts
 * const gw = new Gateway({ id: '0016c001ff000001', position: { xM: 0, yM: 0 } });
 * gw.sensitivityDbm(12, 125000); // -141 for the SX1302
 * ```
 */
export class Gateway {
  readonly id: string;
  readonly position: Position;
  readonly antennaGainDbi: number;
  readonly concentrator: Concentrator;
  readonly demodulators: number;
  readonly noiseFigureDb: number;
  /** Thermal noise floor over 125 kHz with this noise figure, dBm. */
  readonly noiseFloor125Dbm: number;
  readonly stats: GatewayStats = {
    received: 0, lostDemodulators: 0, lostHalfDuplex: 0, lostCollision: 0,
    downlinks: 0, downlinksRefused: 0, downlinkAirtimeMs: 0,
  };
  /** Demodulation paths in use now (maintained by the medium). */
  busyPaths = 0;
  private readonly table: SensitivityTable;
  /** Receive floor by SF at 125 kHz, computed once (the per-packet hot path reads it). */
  private readonly floor125: number[] = [];
  private readonly dutyCycle: DownlinkDutyCycle | undefined;
  /** Recent transmissions [start, end) in ms, oldest first. */
  private readonly tx: number[] = [];

  constructor(options: GatewayOptions) {
    if (!/^[0-9a-fA-F]{16}$/.test(String(options.id))) {
      throw new TypeError(`id: expected 16 hex digits (a gateway EUI), got `
        + `'${String(options.id)}'`);
    }
    this.id = options.id.toLowerCase();
    if (!Number.isFinite(options.position?.xM) || !Number.isFinite(options.position?.yM)) {
      throw new TypeError(`position: expected { xM, yM } in metres for gateway ${this.id}`);
    }
    this.position = options.position;
    this.antennaGainDbi = options.antennaGainDbi ?? 3;
    this.concentrator = options.concentrator ?? 'sx1302';
    if (DEMODULATORS[this.concentrator] === undefined) {
      throw new RangeError(`concentrator: expected sx1301 or sx1302, got '${this.concentrator}'`);
    }
    this.demodulators = options.demodulators ?? DEMODULATORS[this.concentrator];
    if (!Number.isInteger(this.demodulators) || this.demodulators < 1) {
      throw new RangeError(`demodulators: expected an integer >= 1, got ${this.demodulators}`);
    }
    this.noiseFigureDb = options.noiseFigureDb ?? 6;
    this.noiseFloor125Dbm = noiseFloorDbm(125000, this.noiseFigureDb);
    this.table = receiverPreset(this.concentrator).sensitivityDbm;
    this.dutyCycle = options.dutyCycle;
  }

  /**
   * The weakest packet this gateway demodulates at `sf`: its sensitivity or the SF's SNR floor
   * above the thermal noise, whichever is higher.
   */
  receiveFloorDbm(sf: number, bandwidthHz: number): number {
    if (bandwidthHz === 125000) {
      const cached = this.floor125[sf];
      if (cached !== undefined) return cached;
    }
    const f = Math.max(this.sensitivityDbm(sf, bandwidthHz),
      noiseFloorDbm(bandwidthHz, this.noiseFigureDb) + (SNR_FLOOR_DB[sf] ?? 0));
    if (bandwidthHz === 125000) this.floor125[sf] = f;
    return f;
  }

  /** Sensitivity of this gateway's concentrator in dBm. */
  sensitivityDbm(sf: number, bandwidthHz: number): number {
    const t = this.table[bandwidthHz]?.[sf];
    return t ?? this.table[125000]![sf]! + 10 * Math.log10(bandwidthHz / 125000);
  }

  /** True when a transmission of this gateway overlaps [startMs, endMs). */
  transmittingDuring(startMs: number, endMs: number): boolean {
    for (let i = 0; i < this.tx.length; i += 2) {
      if (this.tx[i]! < endMs && this.tx[i + 1]! > startMs) return true;
    }
    return false;
  }

  /**
   * Earliest start at or after `atMs` at which this gateway may send `toaMs` on `frequencyHz`:
   * not while it is already transmitting, and within the sub-band's duty cycle.
   *
   * @returns Infinity when the duty cycle never allows it
   */
  earliestDownlinkMs(frequencyHz: number, toaMs: number, atMs: number): number {
    let t = this.dutyCycle ? this.dutyCycle.earliestStartMs(frequencyHz, toaMs, atMs) : atMs;
    for (let i = 0; i < this.tx.length; i += 2) {
      if (this.tx[i]! < t + toaMs && this.tx[i + 1]! > t) t = this.tx[i + 1]!;
    }
    return t;
  }

  /**
   * Books a downlink: the transmitter is busy (the receiver deaf) for its airtime, and the
   * duty cycle is charged.
   *
   * @returns false (and books nothing) when it would break the duty cycle or overlap another
   */
  transmit(frequencyHz: number, startMs: number, toaMs: number): boolean {
    if (this.earliestDownlinkMs(frequencyHz, toaMs, startMs) > startMs + 1e-6) {
      this.stats.downlinksRefused++;
      return false;
    }
    this.dutyCycle?.record(frequencyHz, startMs, toaMs);
    // Forget transmissions that ended long before this one: receptions last < 20 s.
    while (this.tx.length > 0 && this.tx[1]! < startMs - 60_000) this.tx.splice(0, 2);
    this.tx.push(startMs, startMs + toaMs);
    this.stats.downlinks++;
    this.stats.downlinkAirtimeMs += toaMs;
    return true;
  }
}
