/**
 * The device status block that CM30xx and UM30xx usage packets share (NAS "CM3xxx" and "UM3xxx
 * payload description", §"Usage"): battery (months left, and 10 mV steps above 1.5 V), the
 * internal temperature with its span in 2 °C steps, and the radio's downlink RSSI/SNR and
 * uplink power.
 */
import { fail } from '../../../../framework/codec-error.js';
import { type Reader, type Writer, i8, u8, w8, wi8 } from '../io.js';
import { type Fields, intField, intValue, numField } from '../values.js';

/**
 * Reads the status block into `out`. `roundVoltage`: the CM30xx decoder rounds the voltage to
 * 10 mV; the UM30xx one does not (so 2.77 may show as 2.7700000000000005), and loire follows each.
 */
export function readDeviceStatus(r: Reader, out: Fields, roundVoltage: boolean): void {
  out['battery_remaining__years'] = parseFloat((u8(r, 'battery_remaining') / 12).toFixed(1));
  const volts = u8(r, 'battery_voltage') / 100 + 1.5;
  out['battery_voltage__V'] = roundVoltage ? parseFloat(volts.toFixed(2)) : volts;
  const t = i8(r, 'internal_temperature__C');
  out['internal_temperature__C'] = t;
  const span = u8(r, 'temperature span');
  out['internal_temperature_min__C'] = t - 2 * (span & 0x0f);
  out['internal_temperature_max__C'] = t + 2 * (span >> 4);
  out['radio_downlink_rssi__dBm'] = 0 - u8(r, 'radio_downlink_rssi__dBm');
  const radio = u8(r, 'radio');
  out['radio_downlink_snr__dB'] = (radio & 0x0f) * 2 - 20;
  out['radio_uplink_power__dBm'] = (radio >> 4) * 2;
}

/** Writes the status block from `data`, failing on values the device cannot send. */
export function writeDeviceStatus(w: Writer, data: Fields): void {
  const years = numField(data, 'battery_remaining__years', w.what);
  w8(w, monthsFor(years, `${w.what}: battery_remaining__years`), 'battery_remaining');
  w8(w, intValue(Math.round((numField(data, 'battery_voltage__V', w.what) - 1.5) * 100), 0, 255,
    `${w.what}: battery_voltage__V`), 'battery_voltage');
  const t = intField(data, 'internal_temperature__C', -128, 127, w.what);
  wi8(w, t, 'internal_temperature__C');
  const lo = (t - numField(data, 'internal_temperature_min__C', w.what)) / 2;
  const hi = (numField(data, 'internal_temperature_max__C', w.what) - t) / 2;
  w8(w, nibble(lo, `${w.what}: internal_temperature_min__C (2 °C steps below, up to 15)`) |
    nibble(hi, `${w.what}: internal_temperature_max__C (2 °C steps above, up to 15)`) << 4,
  'temperature span');
  w8(w, 0 - intField(data, 'radio_downlink_rssi__dBm', -255, 0, w.what), 'rssi');
  const snr = (numField(data, 'radio_downlink_snr__dB', w.what) + 20) / 2;
  const power = numField(data, 'radio_uplink_power__dBm', w.what) / 2;
  w8(w, nibble(snr, `${w.what}: radio_downlink_snr__dB`) |
    nibble(power, `${w.what}: radio_uplink_power__dBm`) << 4, 'radio');
}

/** The month count that the decoder shows as `years` (months / 12, one decimal). */
function monthsFor(years: number, what: string): number {
  const guess = Math.round(years * 12);
  for (const m of [guess, guess - 1, guess + 1]) {
    if (m >= 0 && m <= 255 && parseFloat((m / 12).toFixed(1)) === years) return m;
  }
  fail(`${what}: ${years} is not a value the device can send`);
}

function nibble(v: number, what: string): number {
  return intValue(v, 0, 15, what);
}
