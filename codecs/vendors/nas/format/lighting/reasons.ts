/**
 * Why a UL20xx output is at its current level ("dimming source reason" byte of the status
 * packet, NAS UL2030 payload description, status packet).
 */
import { fail } from '../../../../framework/codec-error.js';

/** The reason's name, or a failure for codes the vendor reports as errors. */
export function decodeReason(code: number, what: string): string {
  if (code <= 7) return 'profile_' + code;
  if (code === 0x21) return 'calendar_day';
  if (code === 0x22) return 'calendar_night';
  if (code >= 0x30 && code <= 0x3f) return 'calendar_dawn_step_' + (code - 0x30);
  if (code >= 0x50 && code <= 0x5f) return 'calendar_dusk_step_' + (code - 0x50);
  if (code === 0x70) return 'dig_inactive';
  if (code === 0x71) return 'dig_active';
  if (code >= 0x80 && code <= 0x87) return 'light_monitor_step_' + (code - 0x80);
  const fixed = FIXED[code];
  if (fixed !== undefined) return fixed;
  // The vendor returns 'unknown' (0xFF) or 'invalid_reason' and reports an error for both.
  fail(`${what}: ${code === 0xff ? 'unknown' : 'invalid'} dimming reason 0x` +
    code.toString(16));
}

const FIXED: Record<number, string> = {
  245: 'relay_off', 246: 'driver_not_found', 248: 'fallback_active', 250: 'ldr_input_active',
  252: 'dig_input_active', 253: 'manual_active',
};

/** The code of a reason name. */
export function encodeReason(v: unknown, what: string): number {
  const s = typeof v === 'string' ? v : '';
  const m = /^(profile|calendar_dawn_step|calendar_dusk_step|light_monitor_step)_(\d+)$/.exec(s);
  if (m !== null) {
    const n = Number(m[2]);
    const base = { profile: 0, calendar_dawn_step: 0x30, calendar_dusk_step: 0x50,
      light_monitor_step: 0x80 }[m[1] as 'profile'];
    const max = m[1] === 'profile' || m[1] === 'light_monitor_step' ? 7 : 15;
    if (n <= max) return base + n;
  }
  if (s === 'calendar_day') return 0x21;
  if (s === 'calendar_night') return 0x22;
  if (s === 'dig_inactive') return 0x70;
  if (s === 'dig_active') return 0x71;
  for (const k in FIXED) if (FIXED[k] === s) return Number(k);
  fail(`${what}: unknown dimming reason ${JSON.stringify(v)}`);
}
