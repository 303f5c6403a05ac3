/**
 * The data of Dingtek DF70x frames, as raw values (before each device's naming): the
 * measurement report and the parameter report. Offsets are those of the whole frame.
 */
import { fail } from '../../../framework/codec-error.js';
import { i8, u16be, u8 } from '../../../framework/bytes.js';
import { readCoordinate, writeCoordinate } from './coordinate.js';

/** A measurement report. */
export interface RawReport {
  levelMm: number;
  /** Longitude and latitude as the vendor shows them, when the frame carries GPS. */
  longitude?: string;
  latitude?: string;
  temperatureC: number;
  angleDeg: number;
  full: boolean;
  fire: boolean;
  tilt: boolean;
  lowBattery: boolean;
  frameCounter: number;
}

/**
 * Reads a measurement report. Layout (17 bytes): level u16 at 5, GPS flag at 7, temperature
 * at 8, angle sign at 9 and angle at 10, full/fire nibbles at 11, tilt/battery nibbles at 12,
 * frame counter u16 at 13. With GPS (25 bytes) longitude and latitude take bytes 8 to 15 and
 * the rest moves up by 8.
 *
 * Temperature is read as a signed byte: the vendor's decoder reads it unsigned, which turns
 * -5 °C into 251 °C; both agree from 0 to 127 °C. The angle sign is the low nibble of its byte
 * as the vendor's decoder intends (operator precedence there makes every angle negative).
 */
export function readReport(b: number[], what: string): RawReport {
  const gps = b.length === 25;
  const at = gps ? 8 : 0;
  const flags = u8(b, 11 + at, `${what}.alarms`);
  const flags2 = u8(b, 12 + at, `${what}.alarms`);
  const angle = u8(b, 10 + at, `${what}.angle`);
  const negative = (u8(b, 9 + at, `${what}.angle_sign`) & 0x0f) !== 0;
  const report: RawReport = {
    levelMm: u16be(b, 5, `${what}.level`),
    temperatureC: i8(b, 8 + at, `${what}.temperature`),
    // No -0: a zero angle is 0 whatever its sign nibble.
    angleDeg: negative && angle !== 0 ? -angle : angle,
    full: flags >> 4 !== 0,
    fire: (flags & 0x0f) !== 0,
    tilt: flags2 >> 4 !== 0,
    lowBattery: (flags2 & 0x0f) !== 0,
    frameCounter: u16be(b, 13 + at, `${what}.frame_counter`),
  };
  if (gps) {
    report.longitude = readCoordinate(b, 8, `${what}.longitude`);
    report.latitude = readCoordinate(b, 12, `${what}.latitude`);
  }
  return report;
}

function checkInt(v: unknown, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || v !== Math.floor(v) || v < min || v > max) {
    fail(`${what}: expected an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
  return v as number;
}

/** The data bytes (from offset 5 up to the tail) of a measurement report. */
export function writeReport(r: RawReport, what: string): number[] {
  const level = checkInt(r.levelMm, 0, 0xffff, `${what}.level`);
  const temp = checkInt(r.temperatureC, -128, 127, `${what}.temperature`);
  const angle = checkInt(r.angleDeg, -255, 255, `${what}.angle`);
  const counter = checkInt(r.frameCounter, 0, 0xffff, `${what}.frame_counter`);
  const out: number[] = [level >> 8, level & 0xff];
  const gps = r.longitude !== undefined || r.latitude !== undefined;
  out.push(gps ? 1 : 0);
  if (gps) {
    writeCoordinate(out, r.longitude, `${what}.longitude`);
    writeCoordinate(out, r.latitude, `${what}.latitude`);
  }
  out.push(temp < 0 ? temp + 256 : temp, angle < 0 ? 1 : 0, Math.abs(angle));
  out.push((r.full ? 0x10 : 0) | (r.fire ? 0x01 : 0));
  out.push((r.tilt ? 0x10 : 0) | (r.lowBattery ? 0x01 : 0));
  out.push(counter >> 8, counter & 0xff, 0x00);
  return out;
}

/** A parameter report (data type 0x03, 25 bytes). */
export interface RawParams {
  firmwareMajor: number;
  firmwareMinor: number;
  uploadIntervalH: number;
  detectIntervalMin: number;
  fullThresholdCm: number;
  fireThresholdC: number;
  tiltThresholdDeg: number;
  tiltEnable: boolean;
  /** Byte 13: ultrasonic range on DF702 (0 = 2 m), work mode on DF703. */
  mode: number;
}

/** Reads a parameter report: firmware at 5-6, then one byte per setting from 7 to 13. */
export function readParams(b: number[], what: string): RawParams {
  return {
    firmwareMajor: u8(b, 5, `${what}.firmware`),
    firmwareMinor: u8(b, 6, `${what}.firmware`),
    uploadIntervalH: u8(b, 7, `${what}.upload_interval`),
    detectIntervalMin: u8(b, 8, `${what}.detect_interval`),
    fullThresholdCm: u8(b, 9, `${what}.full_threshold`),
    fireThresholdC: u8(b, 10, `${what}.fire_threshold`),
    tiltThresholdDeg: u8(b, 11, `${what}.tilt_threshold`),
    tiltEnable: u8(b, 12, `${what}.tilt_enable`) !== 0,
    mode: u8(b, 13, `${what}.mode`),
  };
}

/** The data bytes (offset 5 up to the tail) of a parameter report. */
export function writeParams(p: RawParams, what: string): number[] {
  const byte = (v: number, name: string): number => checkInt(v, 0, 255, `${what}.${name}`);
  const out = [
    byte(p.firmwareMajor, 'firmware'),
    byte(p.firmwareMinor, 'firmware'),
    byte(p.uploadIntervalH, 'upload_interval'),
    byte(p.detectIntervalMin, 'detect_interval'),
    byte(p.fullThresholdCm, 'full_threshold'),
    byte(p.fireThresholdC, 'fire_threshold'),
    byte(p.tiltThresholdDeg, 'tilt_threshold'),
    p.tiltEnable ? 1 : 0,
    byte(p.mode, 'mode'),
  ];
  // Bytes 14 to 23 are reserved (zero in the vendor's example).
  for (let i = 0; i < 10; i++) out.push(0);
  return out;
}
