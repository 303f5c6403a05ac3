/**
 * The join procedure in a trace: Join-Request MIC, DevNonce rules (TS001-1.0.4 §6.2.5: never
 * reused; a counter from 1.0.4 and 1.1), the join back-off budget (TS001-1.0.4 §7), and the
 * Join-Accept that answers the last Join-Request, whose keys then check the device's frames.
 */
import { verifyJoinRequestMic } from '../../src/crypto/index.js';
import type { JoinRequestFrame } from '../../src/mac/index.js';
import { openJoinAccept, type RootKeys, type Session } from '../device/frames.js';
import { JoinBackoff } from '../duty-cycle/join-backoff.js';
import type { Checking } from './checking.js';
import type { FrameReport, ValidateOptions } from './report.js';

/** Follows the Join-Requests of a trace and opens the Join-Accepts that answer them. */
export class JoinChecks {
  private readonly nonces = new Map<string, { seen: Set<number>; last: number }>();
  private readonly backoff: JoinBackoff;
  private lastJoin: { devNonce: number; devEui: string; joinEui: string } | undefined;

  /** @param powerOnMs - when the device powered up: the start of the back-off periods */
  constructor(private readonly ctx: Checking, private readonly options: ValidateOptions,
    powerOnMs: number) {
    this.backoff = new JoinBackoff(powerOnMs);
  }

  private rootKey(): Uint8Array | undefined {
    const keys = this.options.keys ?? {};
    return this.options.lorawan === '1.1' ? keys.nwkKey : keys.appKey;
  }

  /** Checks a Join-Request at `line`, sent at `timeMs` for `toaMs` on air. */
  request(frame: JoinRequestFrame, phy: Uint8Array, line: number, timeMs: number,
    toaMs: number | undefined, report: FrameReport): void {
    const { ctx } = this;
    ctx.counts.join++;
    report.devNonce = frame.devNonce;
    const rootKey = this.rootKey();
    if (rootKey) {
      const ok = verifyJoinRequestMic(rootKey, phy.subarray(0, 19), phy.subarray(19));
      report.mic = ok ? 'ok' : 'bad';
      const name = this.options.lorawan === '1.1' ? 'NwkKey' : 'AppKey';
      if (!ok) ctx.flag('mic', line, `Join-Request MIC does not match the ${name}`);
    }
    const id = `${frame.joinEui}/${frame.devEui}`;
    let n = this.nonces.get(id);
    if (n === undefined) this.nonces.set(id, (n = { seen: new Set(), last: -1 }));
    if (n.seen.has(frame.devNonce)) {
      ctx.flag('devnonce-reuse', line,
        `DevNonce ${frame.devNonce} already used by ${frame.devEui}`);
    } else if (this.options.devNonce !== 'random' && frame.devNonce <= n.last) {
      ctx.flag('devnonce-order', line,
        `DevNonce ${frame.devNonce} is not above the previous ${n.last} (TS001-1.0.4 §6.2.5)`);
    }
    n.seen.add(frame.devNonce);
    n.last = Math.max(n.last, frame.devNonce);
    this.lastJoin = { devNonce: frame.devNonce, devEui: frame.devEui, joinEui: frame.joinEui };
    if (toaMs !== undefined) {
      const remainingMs = this.backoff.remainingMs(timeMs);
      if (remainingMs < toaMs - 1e-6) {
        ctx.flag('join-backoff', line, 'Join-Request airtime over the back-off budget ' +
          `(TS001-1.0.4 §7): ${(remainingMs / 1000).toFixed(3)} s left, frame takes ` +
          `${(toaMs / 1000).toFixed(3)} s`);
      }
      this.backoff.record(timeMs, toaMs);
    }
  }

  /**
   * Opens a Join-Accept with the root key and the last Join-Request's DevNonce; returns the
   * session it gives, or undefined (MIC flagged, or no key or no request to check it with).
   */
  accept(phy: Uint8Array, line: number, report: FrameReport): Session | undefined {
    const rootKey = this.rootKey();
    const last = this.lastJoin;
    if (!rootKey || !last) return undefined;
    const keys = this.options.keys ?? {};
    const root: RootKeys = { devEui: last.devEui, joinEui: last.joinEui,
      appKey: keys.appKey ?? rootKey };
    if (keys.nwkKey) root.nwkKey = keys.nwkKey;
    const r = openJoinAccept(this.options.lorawan ?? '1.0', root, last.devNonce, phy);
    report.mic = r ? 'ok' : 'bad';
    if (!r) {
      this.ctx.flag('mic', line, 'Join-Accept: no valid MIC for the last Join-Request');
      return undefined;
    }
    report.devAddr = r.session.devAddr.toString(16).padStart(8, '0');
    return r.session;
  }
}
