/**
 * Uplink records of the Milesight AM300 indoor-air family (AM307, AM319), from the vendor's
 * decoder "AM307 / AM319" (TheThingsNetwork/lorawan-devices vendor/milesight-iot/am307.js).
 * Devices differ in the TVOC scale, so that record is given by each device table.
 */
import type { Item } from './item.js';

function rec(
  channel: number,
  type: number,
  key: string,
  kind: 'u8' | 'u16' | 'i16',
  scale?: number,
): Item {
  const f = scale === undefined ? { key, kind } : { key, kind, scale };
  return { prefix: [channel, type], messageType: 'status', fields: [f] };
}

/** AM300 records other than TVOC. */
export const AM300_RECORDS: Item[] = [
  rec(0x01, 0x75, 'battery', 'u8'),
  // Signed tenths of a degree: an unheated room may be below 0 °C.
  rec(0x03, 0x67, 'temperature', 'i16', 10),
  rec(0x04, 0x68, 'humidity', 'u8', 2),
  {
    prefix: [0x05, 0x00],
    messageType: 'status',
    fields: [{ key: 'pir', kind: 'u8', map: { 0: 'idle', 1: 'trigger' } }],
  },
  rec(0x06, 0xcb, 'light_level', 'u8'),
  rec(0x07, 0x7d, 'co2', 'u16'),
  rec(0x09, 0x73, 'pressure', 'u16', 10),
  rec(0x0a, 0x7d, 'hcho', 'u16', 100),
  rec(0x0b, 0x7d, 'pm2_5', 'u16'),
  rec(0x0c, 0x7d, 'pm10', 'u16'),
  rec(0x0d, 0x7d, 'o3', 'u16', 100),
  {
    prefix: [0x0e, 0x01],
    messageType: 'status',
    fields: [{ key: 'beep', kind: 'u8', map: { 0: 'no', 1: 'yes' } }],
  },
];

/** TVOC as sent by the AM307 (raw count, the vendor's decoder shows it unscaled). */
export const TVOC_RAW: Item = rec(0x08, 0x7d, 'tvoc', 'u16');

/** TVOC as sent by the AM319-HCHO (hundredths, mg/m³ per the vendor's driver). */
export const TVOC_HUNDREDTHS: Item = rec(0x08, 0x7d, 'tvoc', 'u16', 100);
