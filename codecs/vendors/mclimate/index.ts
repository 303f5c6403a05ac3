/**
 * MClimate codecs: Vicki radiator valve, Wireless Thermostat, Fan Coil Thermostat, CO2
 * Sensor, AQI Sensor. All share the command-byte format in `format/`.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { aqiSensor } from './aqi-sensor.js';
import { co2Sensor } from './co2-sensor.js';
import { fanCoilThermostat } from './fan-coil-thermostat.js';
import { vicki } from './vicki.js';
import { wirelessThermostat } from './wireless-thermostat.js';

export { aqiSensor, co2Sensor, fanCoilThermostat, vicki, wirelessThermostat };

/** Every MClimate codec, for the registry. */
export const mclimateCodecs: CodecDefinition[] = [
  vicki,
  wirelessThermostat,
  fanCoilThermostat,
  co2Sensor,
  aqiSensor,
];
