/**
 * The Watteco ZCL attributes the supported sensors report, by cluster (Watteco "ZCL LoRaWAN"
 * cluster documentation; ZCL 07-5123 for the standard clusters 0x0000, 0x000F, 0x0013, 0x0400,
 * 0x0402, 0x0403, 0x0405, 0x0406; Watteco-specific clusters 0x0050, 0x8004, 0x8005, 0x800C).
 * Field names are Watteco's own, so decoded data matches their reference decoder.
 */
import { fail } from '../../../framework/codec-error.js';
import { need, readUintBE, writeUintBE } from '../../../framework/bytes.js';
import {
  type AttributeSpec, type FieldValues, booleanAttribute, enumAttribute, numberAttribute,
  scaled, stringAttribute,
} from './attribute.js';
import {
  ZCL_BITMAP16, ZCL_BOOLEAN, ZCL_BYTE_STRING, ZCL_INT16, ZCL_UINT16, ZCL_UINT32,
  ZCL_UINT8,
} from './zcl-types.js';

/** Basic cluster 0x0000, attribute 0x0002: firmware "major.minor.patch.build". */
export const FIRMWARE: AttributeSpec = {
  cluster: 0x0000, attribute: 0x0002, zclType: ZCL_BYTE_STRING, fields: ['firmware'],
  decode(bytes, offset, _t, what) {
    // Six bytes: three version bytes then a 24-bit build number.
    need(bytes, offset, 6, `${what} firmware`);
    const build = readUintBE(bytes, offset + 3, 3, `${what} firmware`);
    const v = `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${build}`;
    return { values: [['firmware', v]], end: offset + 6 };
  },
  encode(values, what) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(String(values['firmware']));
    if (m === null) fail(`${what}: firmware must look like "3.5.2.5602"`);
    const out: number[] = [];
    for (let i = 1; i <= 3; i++) writeUintBE(out, Number(m[i]), 1, `${what} firmware`);
    writeUintBE(out, Number(m[4]), 3, `${what} firmware build`);
    return out;
  },
};

const PIN_NAMES = ['pin_state_1', 'pin_state_2', 'pin_state_3', 'pin_state_4', 'pin_state_5',
  'pin_state_6', 'pin_state_7', 'pin_state_8', 'pin_state_9', 'pin_state_10'];

/** Cluster 0x8005 (multi binary input), attribute 0x0000: ten pin states in a bitmap16. */
export const PIN_STATES: AttributeSpec = {
  cluster: 0x8005, attribute: 0x0000, zclType: ZCL_BITMAP16, fields: PIN_NAMES,
  decode(bytes, offset, _t, what) {
    const bits = readUintBE(bytes, offset, 2, `${what} pin states`);
    const values: FieldValues = [];
    for (let i = 0; i < 10; i++) values.push([PIN_NAMES[i]!, ((bits >> i) & 1) === 1]);
    return { values, end: offset + 2 };
  },
  encode(values) {
    let bits = 0;
    for (let i = 0; i < 10; i++) if (values[PIN_NAMES[i]!] === true) bits |= 1 << i;
    return [bits >> 8, bits & 0xff];
  },
  alarm: { signed: false, divider: 100 },
};

const POWER_NAMES = ['main_or_external_voltage', 'rechargeable_battery_voltage',
  'disposable_battery_voltage', 'solar_harvesting_voltage', 'tic_harvesting_voltage'];

/**
 * Cluster 0x0050 (configuration), attribute 0x0006: power descriptor. A length byte, a power
 * mode byte, a bitmask of the sources present, one big-endian millivolt word per source in
 * mask order, and the current source byte.
 */
export const POWER: AttributeSpec = {
  cluster: 0x0050, attribute: 0x0006, zclType: ZCL_BYTE_STRING, fields: POWER_NAMES,
  decode(bytes, offset, _t, what) {
    need(bytes, offset, 3, `${what} power descriptor`);
    const mask = bytes[offset + 2]!;
    const values: FieldValues = [];
    let o = offset + 3;
    for (let i = 0; i < 5; i++) {
      if ((mask & (1 << i)) === 0) continue;
      values.push([POWER_NAMES[i]!, readUintBE(bytes, o, 2, `${what} ${POWER_NAMES[i]}`) / 1000]);
      o += 2;
    }
    need(bytes, o, 1, `${what} current power source`);
    return { values, end: o + 1 };
  },
  encode(values, what) {
    let mask = 0;
    const words: number[] = [];
    for (let i = 0; i < 5; i++) {
      const v = values[POWER_NAMES[i]!];
      if (v === undefined) continue;
      if (typeof v !== 'number') fail(`${what}: ${POWER_NAMES[i]} must be a number`);
      mask |= 1 << i;
      writeUintBE(words, scaled(v, 1000, POWER_NAMES[i]!, what), 2, `${what} ${POWER_NAMES[i]}`);
    }
    if (mask === 0) fail(`${what}: the power descriptor needs at least one voltage`);
    // The mode and current-source bytes are not part of the decoded data; the lowest source
    // present is reported as current, as the vendor's sample frames do.
    let current = 1;
    while ((mask & current) === 0) current <<= 1;
    return [words.length + 3, 0x03, mask].concat(words, [current]);
  },
  alarm: {
    signed: false, divider: 1000, fieldSize: 2,
    fieldNames: ['power_modes', 'current_power_source', 'constant_power', 'rechargeable_battery',
      'disposable_battery', 'solar_harvesting', 'TIC_harvesting'],
  },
};

/** Cluster 0x8004 (LoRaWAN), attribute 0x0002: rejoin period and error frames before rejoin. */
export const AUTOMATIC_ASSOCIATION: AttributeSpec = {
  cluster: 0x8004, attribute: 0x0002, zclType: ZCL_BYTE_STRING, fields: ['automatic_association'],
  decode(bytes, offset, _t, what) {
    need(bytes, offset, 5, `${what} automatic_association`);
    const v = {
      period_in_minutes: readUintBE(bytes, offset + 1, 2, what),
      nb_err_frames: readUintBE(bytes, offset + 3, 2, what),
    };
    return { values: [['automatic_association', v]], end: offset + 5 };
  },
  encode(values, what) {
    const v = values['automatic_association'] as Record<string, unknown> | undefined;
    if (typeof v !== 'object' || v === null) {
      fail(`${what}: automatic_association must be an object`);
    }
    const out = [4];
    writeUintBE(out, v['period_in_minutes'] as number, 2, `${what} period_in_minutes`);
    writeUintBE(out, v['nb_err_frames'] as number, 2, `${what} nb_err_frames`);
    return out;
  },
};

/** Attributes every Watteco sensor answers: basic, power and LoRaWAN clusters. */
export const COMMON_ATTRIBUTES: AttributeSpec[] = [
  FIRMWARE,
  stringAttribute(0x0000, 0x0003, 'kernel'),
  stringAttribute(0x0000, 0x0004, 'manufacturer'),
  stringAttribute(0x0000, 0x0005, 'model'),
  stringAttribute(0x0000, 0x0006, 'date'),
  stringAttribute(0x0000, 0x0010, 'position'),
  stringAttribute(0x0000, 0x8001, 'application_name'),
  POWER,
  enumAttribute(0x8004, 0x0000, 'message_type', ZCL_BOOLEAN, { 0: 'unconfirmed', 1: 'confirmed' }),
  numberAttribute(0x8004, 0x0001, 'nb_retry', ZCL_UINT8),
  AUTOMATIC_ASSOCIATION,
];

/** Binary input cluster 0x000F: pin state, polarity, edges, debounce, pulse index. */
export const BINARY_INPUT_ATTRIBUTES: AttributeSpec[] = [
  booleanAttribute(0x000f, 0x0055, 'pin_state', ZCL_BOOLEAN),
  enumAttribute(0x000f, 0x0054, 'polarity', ZCL_BOOLEAN, { 0: 'normal', 1: 'reverse' }),
  enumAttribute(0x000f, 0x0400, 'edge_selection', 0x18, {
    0: 'none', 1: 'falling edge', 2: 'rising edge', 3: 'both edges',
    5: 'polling and falling edge', 6: 'polling and rising edge', 7: 'polling and both edges',
  }),
  numberAttribute(0x000f, 0x0401, 'debounce_period', ZCL_UINT8),
  numberAttribute(0x000f, 0x0402, 'index', ZCL_UINT32, { alarm: true }),
  numberAttribute(0x000f, 0x0403, 'poll_period', ZCL_UINT8),
  numberAttribute(0x000f, 0x0404, 'force_notify', ZCL_UINT8),
];

/** Multistate output cluster 0x0013, present value: the fil-pilote order of SmartPilot Wire. */
export const MULTISTATE_OUTPUT = numberAttribute(0x0013, 0x0055, 'output_value', ZCL_UINT8,
  { alarm: true });

/** Temperature measurement cluster 0x0402 (hundredths of a degree, signed). */
export const TEMPERATURE_ATTRIBUTES: AttributeSpec[] = [
  numberAttribute(0x0402, 0x0000, 'temperature', ZCL_INT16, { divider: 100, signed: true,
    alarm: true }),
  numberAttribute(0x0402, 0x0001, 'min_temperature', ZCL_INT16, { divider: 100, signed: true }),
  numberAttribute(0x0402, 0x0002, 'max_temperature', ZCL_INT16, { divider: 100, signed: true }),
];

/** Relative humidity cluster 0x0405 (hundredths of a percent). */
export const HUMIDITY_ATTRIBUTES: AttributeSpec[] = [
  numberAttribute(0x0405, 0x0000, 'humidity', ZCL_UINT16, { divider: 100, alarm: true }),
  numberAttribute(0x0405, 0x0001, 'min_humidity', ZCL_UINT16, { divider: 100 }),
  numberAttribute(0x0405, 0x0002, 'max_humidity', ZCL_UINT16, { divider: 100 }),
];

/** Watteco concentration cluster 0x800C (CO2 ppm or IAQ index, per endpoint). */
export const CONCENTRATION = numberAttribute(0x800c, 0x0000, 'concentration', ZCL_UINT16,
  { alarm: true });
/** Illuminance cluster 0x0400 (lux, as Watteco reports it). */
export const ILLUMINANCE = numberAttribute(0x0400, 0x0000, 'illuminance', ZCL_UINT16,
  { alarm: true });
/** Pressure cluster 0x0403 (hPa, signed). */
export const PRESSURE = numberAttribute(0x0403, 0x0000, 'pressure', ZCL_INT16,
  { signed: true, alarm: true });
/** Occupancy cluster 0x0406. */
export const OCCUPANCY = booleanAttribute(0x0406, 0x0000, 'occupancy', 0x18);

/** Finds the attribute `cluster`/`attribute` in a device's table. */
export function findAttribute(table: AttributeSpec[], cluster: number, attribute: number):
  AttributeSpec | undefined {
  for (const a of table) if (a.cluster === cluster && a.attribute === attribute) return a;
  return undefined;
}
