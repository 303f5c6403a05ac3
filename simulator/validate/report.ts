/**
 * What `validateTrace` takes and gives: its options and keys, and the report (per-frame
 * findings, broken rules, summary, and the checks that could not run).
 */
import type { Region } from '../../src/region/types.js';
import type { LorawanVersion } from '../device/frames.js';

/** Keys the validator may use; each check runs only when its key is known. */
export interface ValidationKeys {
  nwkSKey?: Uint8Array;
  appSKey?: Uint8Array;
  appKey?: Uint8Array;
  nwkKey?: Uint8Array;
  fNwkSIntKey?: Uint8Array;
  sNwkSIntKey?: Uint8Array;
  nwkSEncKey?: Uint8Array;
  /** Needed with appKey/nwkKey to follow a join in the trace (16 hex digits). */
  joinEui?: string;
  devEui?: string;
}

/** Options of {@link validateTrace}. */
export interface ValidateOptions {
  region: Region;
  /** `1.0` (1.0.x, default) or `1.1`. */
  lorawan?: LorawanVersion;
  keys?: ValidationKeys;
  /** DevNonce as a counter (TS001-1.0.4 and 1.1, default) or random (1.0.0 to 1.0.3). */
  devNonce?: 'counter' | 'random';
  /**
   * Which duty-cycle rules to check: `credits` (one-hour window), `off-time`, or `both`
   * (default); each breach is reported under its own rule name.
   */
  dutyCyclePolicy?: 'credits' | 'off-time' | 'both';
  /**
   * When the device powered up, for the join back-off periods. Default: the first frame's time
   * (a trace rarely records the power-up; a later guess makes the check stricter).
   */
  powerOnMs?: number;
  /** Check payload sizes against the repeater-compatible table (default) or the other. */
  repeater?: boolean;
  /**
   * Find the high 16 bits of an ABP 1.0 device's first uplink counter from its MIC (a device
   * met past FCnt 65535). Up to 65,536 CMACs per device; off by default.
   */
  searchFCnt?: boolean;
  /** Turns a frame's clear FRMPayload into an object (for `--codec`). */
  decode?: (fPort: number, bytes: Uint8Array) => unknown;
  /** Called every 1000 frames. */
  onProgress?: (done: number, total: number) => void;
}

/** A broken rule. */
export interface Violation {
  rule:
    | 'malformed'
    | 'mic'
    | 'fcnt-replay'
    | 'fcnt-reset'
    | 'fcnt-gap'
    | 'devnonce-reuse'
    | 'devnonce-order'
    | 'payload-size'
    | 'dwell-time'
    | 'duty-cycle-credits'
    | 'duty-cycle-off-time'
    | 'max-duty-cycle'
    | 'out-of-band'
    | 'join-backoff'
    | 'mac-unanswered';
  /** Line of the trace. */
  line: number;
  message: string;
}

/** What the validator found out about one frame. */
export interface FrameReport {
  line: number;
  direction: 'up' | 'down';
  type: string;
  timeMs: number;
  frequencyHz: number;
  dr?: number;
  devAddr?: string;
  devNonce?: number;
  fCnt?: number;
  fPort?: number | null;
  bytes?: number;
  toaMs?: number;
  /** `ok`, `bad`, or `unchecked` when no key (or no raw frame) was available. */
  mic: 'ok' | 'bad' | 'unchecked';
  macCommands?: string[];
  decoded?: unknown;
  retransmission?: boolean;
  /** The same frame heard again (another gateway's copy): counted once, not checked again. */
  duplicate?: boolean;
}

/** The whole report. */
export interface ValidationReport {
  frames: FrameReport[];
  violations: Violation[];
  summary: {
    frames: number;
    uplinks: number;
    downlinks: number;
    joinRequests: number;
    micOk: number;
    micBad: number;
    micUnchecked: number;
    fCntGaps: number;
    retransmissions: number;
    /** Copies of a frame already seen (several gateways). */
    duplicates: number;
    airtimeMs: number;
    violationsByRule: Record<string, number>;
  };
  /** Checks that could not run, and why. */
  notes: string[];
}
