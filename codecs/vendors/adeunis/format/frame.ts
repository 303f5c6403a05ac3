/**
 * An Adeunis frame: a frame code, the status byte, then a code-specific body (Adeunis
 * technical reference manuals). A product is a table of frame descriptions.
 */
import type { AdeunisStatus, StatusExtra } from './status-byte.js';

/** The description of one frame code. */
export interface AdeunisFrame {
  code: number;
  /** The vendor's `type` text, such as "0x5a Pulse 4 data - channel A". */
  type: string;
  direction: 'uplink';
  description: string;
  /**
   * Decodes the body; `bytes` is the whole frame (code and status included).
   * @returns the fields that follow `type` and `status`
   */
  decode(bytes: number[], status: AdeunisStatus): Record<string, unknown>;
  /** Encodes the body (after code and status) from decoded fields. */
  encode(data: Record<string, unknown>, status: AdeunisStatus): number[];
}

/** A product: its frames and its status byte flags. */
export interface AdeunisProduct {
  statusExtras: StatusExtra[];
  frames: AdeunisFrame[];
}
