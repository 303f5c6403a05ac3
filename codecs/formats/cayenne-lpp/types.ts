/**
 * The Cayenne LPP data types: the official set of myDevices' "Cayenne Low Power Payload"
 * document (IPSO object id minus 3200) and the extended types of the ElectronicCats CayenneLPP
 * library, with their sizes and resolutions, and the names each output style gives them.
 *
 * Every value is big-endian (myDevices LPP: "Data Resolution per bit ... MSB").
 */

/** One number inside an LPP value. */
export interface LppField {
  /** Key inside the value object (tts and chirpstack styles), such as `x` or `latitude`. */
  key: string;
  /** Key in the neutral style, such as `accelerometer_x` or `gps_lat`. */
  neutralKey: string;
  bytes: number;
  signed: boolean;
  /** Raw integer per unit: the value is `raw / divisor`. */
  divisor: number;
}

/** One LPP data type. */
export interface LppType {
  /** The type byte (IPSO object id - 3200). */
  id: number;
  /** Neutral style name (snake case), also used in messages. */
  neutral: string;
  /** The Things Stack name: fields are `<tts>_<channel>`. */
  tts: string;
  /** ChirpStack v4 name: fields are `<chirpstack>: { "<channel>": value }`. */
  chirpstack: string;
  /** True for the types of myDevices' document; false for the ElectronicCats extensions. */
  official: boolean;
  /** One field for scalar types; several (x, y, z...) for vector types. */
  fields: LppField[];
  unit: string;
}

function scalar(
  id: number,
  neutral: string,
  tts: string,
  chirpstack: string,
  official: boolean,
  bytes: number,
  signed: boolean,
  divisor: number,
  unit: string,
): LppType {
  const field = { key: 'value', neutralKey: neutral, bytes, signed, divisor };
  return { id, neutral, tts, chirpstack, official, fields: [field], unit };
}

function vector(
  id: number,
  names: [string, string, string],
  official: boolean,
  fields: [string, string, number, boolean, number][],
  unit: string,
): LppType {
  const [neutral, tts, chirpstack] = names;
  return {
    id,
    neutral,
    tts,
    chirpstack,
    official,
    fields: fields.map(([key, neutralKey, bytes, signed, divisor]) => ({
      key,
      neutralKey,
      bytes,
      signed,
      divisor,
    })),
    unit,
  };
}

const xyz = (stem: string, divisor: number): [string, string, number, boolean, number][] => [
  ['x', stem + '_x', 2, true, divisor],
  ['y', stem + '_y', 2, true, divisor],
  ['z', stem + '_z', 2, true, divisor],
];

/** Every supported type, official ones first. */
export const LPP_TYPES: LppType[] = [
  // Official types (myDevices Cayenne LPP document, table "Data Types").
  scalar(0, 'digital_input', 'digital_in', 'digitalInput', true, 1, false, 1, ''),
  scalar(1, 'digital_output', 'digital_out', 'digitalOutput', true, 1, false, 1, ''),
  scalar(2, 'analog_input', 'analog_in', 'analogInput', true, 2, true, 100, ''),
  scalar(3, 'analog_output', 'analog_out', 'analogOutput', true, 2, true, 100, ''),
  scalar(101, 'illuminance', 'luminosity', 'illuminanceSensor', true, 2, false, 1, 'lx'),
  scalar(102, 'presence', 'presence', 'presenceSensor', true, 1, false, 1, ''),
  scalar(103, 'temperature', 'temperature', 'temperatureSensor', true, 2, true, 10, '°C'),
  scalar(104, 'humidity', 'relative_humidity', 'humiditySensor', true, 1, false, 2, '%'),
  vector(
    113,
    ['accelerometer', 'accelerometer', 'accelerometer'],
    true,
    xyz('accelerometer', 1000),
    'g',
  ),
  scalar(115, 'barometer', 'barometric_pressure', 'barometer', true, 2, false, 10, 'hPa'),
  vector(134, ['gyrometer', 'gyrometer', 'gyrometer'], true, xyz('gyrometer', 100), '°/s'),
  vector(
    136,
    ['gps', 'gps', 'gpsLocation'],
    true,
    [
      ['latitude', 'gps_lat', 3, true, 10000],
      ['longitude', 'gps_lon', 3, true, 10000],
      ['altitude', 'gps_alt', 3, true, 100],
    ],
    '°, °, m',
  ),
  // Extended types (ElectronicCats CayenneLPP, CayenneLPP.h type list).
  scalar(100, 'generic_sensor', 'generic_sensor', 'genericSensor', false, 4, false, 1, ''),
  scalar(116, 'voltage', 'voltage', 'voltage', false, 2, false, 100, 'V'),
  scalar(117, 'current', 'current', 'current', false, 2, false, 1000, 'A'),
  scalar(118, 'frequency', 'frequency', 'frequency', false, 4, false, 1, 'Hz'),
  scalar(120, 'percentage', 'percentage', 'percentage', false, 1, false, 1, '%'),
  scalar(121, 'altitude', 'altitude', 'altitude', false, 2, true, 1, 'm'),
  scalar(125, 'concentration', 'concentration', 'concentration', false, 2, false, 1, 'ppm'),
  scalar(128, 'power', 'power', 'power', false, 2, false, 1, 'W'),
  scalar(130, 'distance', 'distance', 'distance', false, 4, false, 1000, 'm'),
  scalar(131, 'energy', 'energy', 'energy', false, 4, false, 1000, 'kWh'),
  scalar(132, 'direction', 'direction', 'direction', false, 2, false, 1, '°'),
  scalar(133, 'unix_time', 'unix_time', 'unixTime', false, 4, false, 1, 's'),
  vector(
    135,
    ['colour', 'colour', 'colour'],
    false,
    [
      ['r', 'colour_r', 1, false, 1],
      ['g', 'colour_g', 1, false, 1],
      ['b', 'colour_b', 1, false, 1],
    ],
    '',
  ),
  scalar(142, 'switch', 'switch', 'switch', false, 1, false, 1, ''),
];

/** The type with type byte `id`, if supported. */
export function lppTypeById(id: number): LppType | undefined {
  for (let i = 0; i < LPP_TYPES.length; i++) if (LPP_TYPES[i]!.id === id) return LPP_TYPES[i];
  return undefined;
}

/** Total value size of a type, in bytes. */
export function lppSize(type: LppType): number {
  let n = 0;
  for (let i = 0; i < type.fields.length; i++) n += type.fields[i]!.bytes;
  return n;
}

/** One decoded LPP record: a channel, a type, and its values in the order of `type.fields`. */
export interface LppEntry {
  channel: number;
  type: LppType;
  values: number[];
}
