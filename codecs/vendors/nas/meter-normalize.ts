/**
 * The harmonised water view of a NAS meter reader's usage data (CM30xx, UM30xx).
 */
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { Fields } from './format/values.js';

/** Cubic metres per unit the readers name (US gallon, cubic foot: NIST SP 811 Appendix B). */
const M3_PER_UNIT: Record<string, number> = { m3: 1, gal: 0.003785411784, ft3: 0.028316846592 };

/** Water view of a usage or shutdown packet; other packets give only the category. */
export function normalizeMeter(data: Fields): HarmonisedWater {
  const out: HarmonisedWater = { category: 'water' };
  const type = data['packet_type'];
  if (type !== 'usage_packet' && type !== 'shutdown_packet') return out;
  const unit = String(data['meter_unit']);
  const text = data['meter_accumulated_volume__' + unit];
  const medium = data['meter_medium'];
  if (typeof text === 'string' && M3_PER_UNIT[unit] !== undefined && medium !== 'gas') {
    out.volumeM3 = parseFloat(text) * M3_PER_UNIT[unit]!;
  }
  const a = data['active_alerts'] as Record<string, boolean> | undefined;
  if (a !== undefined) {
    out.leak = a['continuous_flow_pending'] === true || a['broken_pipe_pending'] === true;
    out.backflow = a['backflow_pending'] === true;
    out.tamper = a['tamper_pending'] === true;
    out.lowBattery = a['low_battery'] === true;
  }
  if (typeof data['battery_voltage__V'] === 'number') out.batteryV = data['battery_voltage__V'];
  return out;
}
