/**
 * NAS CM30xx water/gas meter reader (pulse and encoder registers: Cyble, Falcon, Picoflux,
 * Modularis...), firmware 2.3.x. Packet names and shapes as the vendor's reference decoder
 * (nasys/nas-codecs, `generated/cm30xx_2_3_x_decoder.js`).
 *
 * The wireless M-Bus (OMS) usage packet on FPort 20 decodes its records with the OMS layer
 * (`codecs/formats/oms/`); the long-header form (0x72) is not decoded, as by the vendor.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { type NasDevice, nasCodec } from './format/codec.js';
import { CONFIG_REQUESTS, GENERAL_CONFIG, LOCATION_CONFIG } from './format/metering/config.js';
import {
  ENTER_DFU, FAULTY_DOWNLINK, LOCAL_TIME_REQUEST, LOCAL_TIME_RESPONSE, METER_BOOT,
} from './format/metering/system.js';
import { OMS_USAGE } from './format/metering/oms-usage.js';
import { METER_SHUTDOWN, METER_USAGE } from './format/metering/usage.js';
import { normalizeMeter } from './meter-normalize.js';

const SOURCE = 'nasys/nas-codecs, file test/cm30xx_2_3_x_decoder.test.js ' +
  '(commit 1b65754e1cd1197c090c1102c7683d1e0379dbf8), test ';
const NO_ALERTS = { backflow_pending: false, broken_pipe_pending: false,
  continuous_flow_pending: false, low_battery: false, no_usage: false, tamper_pending: false,
  temperature_pending: false };

/** The CM30xx table. */
export const CM30XX: NasDevice = {
  id: 'nas/cm30xx',
  model: 'CM30xx',
  category: 'water',
  description: 'Water and gas meter reader (pulse, encoder registers), firmware 2.3.x',
  packets: [METER_USAGE, GENERAL_CONFIG, LOCATION_CONFIG, LOCAL_TIME_REQUEST,
    LOCAL_TIME_RESPONSE, ENTER_DFU, METER_BOOT, METER_SHUTDOWN, FAULTY_DOWNLINK, OMS_USAGE]
    .concat(CONFIG_REQUESTS),
  normalize: normalizeMeter,
  examples: [
    {
      description: 'Usage without readout date or device status (gas, 0.01 m3)',
      operation: 'decodeUplink', fPort: 25, bytesHex: '04000014015400000001',
      data: { packet_type: 'usage_packet', active_alerts: NO_ALERTS, meter_status: 'connected',
        meter_multiplier: 0.01, meter_medium: 'gas', meter_unit: 'm3',
        meter_actuality_duration__minutes: 1, meter_actuality_duration_formatted: '1 minutes',
        meter_accumulated_volume__m3: '000000.84', app_connected_within_a_day: true },
      source: SOURCE + '"usage DS" (second)',
    },
    {
      description: 'General configuration (the vendor test omits privacy_mode_active: false, ' +
        'which its decoder adds)',
      operation: 'decodeDownlink', fPort: 50,
      bytesHex: '20df1717024498393804debb2a130000000019001400641900000107000380',
      data: { packet_type: 'general_configuration_packet', alert_backflow_threshold: 0.02,
        alert_broken_pipe_threshold__m3_per_h: 6.5, alert_continuous_flow_enabled: true,
        alert_no_usage_interval__days: 7, alert_temperature_threshold_high__C: 'disabled',
        alert_temperature_threshold_low__C: 3, meter_accumulated_volume__m3: 321567.71,
        meter_medium: 'water', meter_multiplier: 0.01, meter_nominal_flow__m3_per_h: 2.5,
        meter_serial: '38399844', meter_unit: 'm3', radio_lorawan_profile: 'lorawan_1_h_dynamic',
        radio_wmbus_profile: 'wmbus_driveby', privacy_mode_active: false },
      source: SOURCE + '"general_conf DS"',
    },
    {
      description: 'Location configuration with UTF-8 street address',
      operation: 'decodeDownlink', fPort: 50,
      bytesHex: '211fac5e6d230017c10ef412c396c3b662696b75205374722e20322d31361032365630303030' +
        '303030303337313734053132414236',
      data: { packet_type: 'location_configuration_packet', address: 'Ööbiku Str. 2-16',
        gps_position_latitude__deg: 59.437022, gps_position_longitude__deg: 24.753536,
        id_customer: '26V0000000037174', id_location: '12AB6', time_zone__h: -3 },
      source: SOURCE + '"location_conf DS"',
    },
    {
      description: 'Shutdown by the app, with a last usage report (gas, ft3, x10)',
      operation: 'decodeUplink', fPort: 99,
      bytesHex: '013304c100d7433f254e05752b036bd1164a337c44983938',
      data: { packet_type: 'shutdown_packet', shutdown_reason: 'app_shutdown',
        app_connected_within_a_day: true, meter_medium: 'gas', meter_multiplier: 10,
        meter_unit: 'ft3', active_alerts: { backflow_pending: true, broken_pipe_pending: false,
          continuous_flow_pending: false, low_battery: false, no_usage: true,
          tamper_pending: false, temperature_pending: false },
        battery_remaining__years: 8.9, battery_voltage__V: 3.59, internal_temperature__C: 22,
        internal_temperature_max__C: 30, internal_temperature_min__C: 2,
        meter_readout_date: '2019-12-21', meter_serial: '38399844',
        radio_downlink_rssi__dBm: -51, radio_downlink_snr__dB: 4, radio_uplink_power__dBm: 14,
        meter_accumulated_volume__ft3: '890074230', meter_actuality_duration__minutes: 105,
        meter_actuality_duration_formatted: '1.75 hours', meter_status: 'connected' },
      source: SOURCE + '"shutdown packet DS"',
    },
    {
      description: 'A rejected downlink on FPort 50: value error',
      operation: 'decodeUplink', fPort: 99, bytesHex: '133205',
      data: { packet_type: 'faulty_downlink_packet', packet_error_reason: 'value_error',
        packet_fport: 50 },
      warnings: ['faulty_downlink_packet value_error'],
      source: SOURCE + '"faulty downlink packet"',
    },
    {
      description: 'Local time answer',
      operation: 'decodeUplink', fPort: 60, bytesHex: '0334546a5f',
      data: { packet_type: 'local_time_response', device_local_time__s: 1600803892,
        device_local_time_formatted: '2020-09-22T19:44:52Z' },
      source: SOURCE + '"local_time_response"',
    },
    {
      description: 'General configuration of a Modularis register: offsets, disabled alerts',
      operation: 'decodeDownlink', fPort: 50,
      bytesHex: '20ff170702ffffffff037eba000000000000ac260000190000000000000001000080' + '80',
      data: { packet_type: 'general_configuration_packet', alert_backflow_threshold: 'disabled',
        alert_broken_pipe_threshold__m3_per_h: 'disabled', alert_continuous_flow_enabled: true,
        alert_no_usage_interval__days: 'disabled',
        alert_temperature_threshold_high__C: 'disabled',
        alert_temperature_threshold_low__C: 'disabled', meter_accumulated_volume__m3: 47.742,
        meter_accumulated_volume_offset__m3: 9.9, meter_medium: 'water',
        meter_multiplier: 0.001, meter_nominal_flow__m3_per_h: 2.5,
        meter_serial: 'not_available', meter_unit: 'm3',
        radio_lorawan_profile: 'lorawan_1_h_static', radio_wmbus_profile: 'wmbus_driveby',
        privacy_mode_active: false },
      source: SOURCE + '"general_conf modularis"',
    },
  ],
};

/** Codec of the NAS CM30xx meter reader. */
export const cm30xxCodec: CodecDefinition = nasCodec(CM30XX);
