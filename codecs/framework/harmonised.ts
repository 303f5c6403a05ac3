/**
 * The vendor-neutral view of decoded data, one shape per category, so that a dashboard reading
 * meters of three vendors sees one shape. Units are part of the names. Every field is optional:
 * a codec fills what its device measures and leaves the rest out (never a made-up value).
 */

/** Fields common to every category. */
export interface HarmonisedCommon {
  /** ISO 8601 UTC time the reading refers to, when the device says. */
  readingTime?: string;
  batteryPercent?: number;
  batteryV?: number;
  lowBattery?: boolean;
}

/** Water meters and pulse readers. */
export interface HarmonisedWater extends HarmonisedCommon {
  category: 'water';
  /** Meter index in cubic metres. */
  volumeM3?: number;
  /** Instantaneous flow in cubic metres per hour. */
  flowM3h?: number;
  leak?: boolean;
  backflow?: boolean;
  tamper?: boolean;
}

/** Street-light and lighting controllers. */
export interface HarmonisedLighting extends HarmonisedCommon {
  category: 'lighting';
  on?: boolean;
  dimLevelPercent?: number;
  powerW?: number;
  energyKWh?: number;
  lampFault?: boolean;
  driverFault?: boolean;
}

/** Heating, ventilation and air conditioning. */
export interface HarmonisedHvac extends HarmonisedCommon {
  category: 'hvac';
  temperatureC?: number;
  setpointC?: number;
  valvePercent?: number;
  /** Operating mode as the device names it, lowercased (such as `comfort`, `eco`, `off`). */
  mode?: string;
  humidityPercent?: number;
}

/** Indoor and outdoor air quality. */
export interface HarmonisedAir extends HarmonisedCommon {
  category: 'air';
  temperatureC?: number;
  humidityPercent?: number;
  co2Ppm?: number;
  /** Total volatile organic compounds; unit given by `tvocUnit`. */
  tvoc?: number;
  tvocUnit?: 'ppb' | 'ug/m3' | 'index';
  pm25UgM3?: number;
  pm10UgM3?: number;
  pressureHPa?: number;
}

/** Waste bins and fill-level sensors. */
export interface HarmonisedWaste extends HarmonisedCommon {
  category: 'waste';
  fillLevelPercent?: number;
  distanceMm?: number;
  tiltDeg?: number;
  fireAlarm?: boolean;
  temperatureAlarm?: boolean;
  temperatureC?: number;
}

/** Generic formats (such as Cayenne LPP) that carry no fixed category. */
export interface HarmonisedGeneric extends HarmonisedCommon {
  category: 'generic';
  values: Record<string, number>;
}

/** The harmonised view of one uplink. */
export type Harmonised =
  | HarmonisedWater
  | HarmonisedLighting
  | HarmonisedHvac
  | HarmonisedAir
  | HarmonisedWaste
  | HarmonisedGeneric;
