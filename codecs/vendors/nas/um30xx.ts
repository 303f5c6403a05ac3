/**
 * NAS UM30xx utility meter reader (two pulse inputs plus a wired M-Bus or SSI sensor
 * interface), firmware 4.0.x. Packet names and shapes as the vendor's reference decoder
 * (nasys/nas-codecs, `generated/um30xx_4_0_x_decoder.js`).
 *
 * M-Bus data records inside usage and status packets are decoded by the OMS layer
 * (`codecs/formats/oms/`) and shown with the vendor's flat names (`format/metering/
 * mbus-records.ts`, which states what is not covered). The rejected-downlink
 * packet shows an unknown error code as 'invalid_error_code' as the CM30xx decoder does; the
 * vendor's UM30xx decoder also reports it as an error.
 *
 * The minified script body (TS013 wrapper and OMS record decoder included) is about 38.8 kB,
 * under the 39,936 bytes the script build allows a body.
 */
import type { CodecDefinition } from '../../framework/types.js';
import { type NasDevice, nasCodec } from './format/codec.js';
import { LOCATION_CONFIG } from './format/metering/config.js';
import {
  ENTER_DFU, FAULTY_DOWNLINK, LOCAL_TIME_REQUEST, LOCAL_TIME_RESPONSE, meterBoot,
} from './format/metering/system.js';
import {
  MBUS_RECORDS, MBUS_RECORDS_REQUEST, UM_CONFIG_REQUESTS, UM_GENERAL_CONFIG, UM_MBUS_CONFIG,
} from './format/metering/um-config.js';
import { mbusRecordsFlat } from './format/metering/mbus-records.js';
import {
  type MbusRecordDecoder, umShutdown, umUsagePackets,
} from './format/metering/um-usage.js';
import type { HarmonisedWater } from '../../framework/harmonised.js';
import type { Fields } from './format/values.js';

/** Main interfaces the UM30xx hardware variants carry. */
const UM_HARDWARE: Record<number, string> = {
  0x00: 'pulse_only', 0x01: 'pulse_analog', 0x02: 'pulse_ssi', 0x04: 'pulse_mbus',
  0x06: 'pulse_lbus', 0x07: 'pulse_izar',
};

function normalize(data: Fields): HarmonisedWater {
  const out: HarmonisedWater = { category: 'water' };
  const t = data['packet_type'];
  if (t !== 'usage_packet' && t !== 'status_packet' && t !== 'shutdown_packet') return out;
  // Litres of water counted on a pulse input give the index in cubic metres.
  for (const k of ['pulse_1', 'pulse_2']) {
    const p = data[k] as Fields | undefined;
    if (p !== undefined && typeof p['accumulated__L_water'] === 'number' &&
      out.volumeM3 === undefined) out.volumeM3 = p['accumulated__L_water'] / 1000;
  }
  const a = data['active_alerts'] as Record<string, boolean> | undefined;
  if (a !== undefined) out.lowBattery = a['low_battery'] === true;
  if (typeof data['battery_voltage__V'] === 'number') out.batteryV = data['battery_voltage__V'];
  return out;
}

/**
 * The UM30xx table, with `records` decoding M-Bus data records (null: not available).
 *
 * @param records - the OMS data-record decoder giving the vendor's flat names, or null
 * @returns the device table
 */
export function umDevice(records: MbusRecordDecoder | null): NasDevice {
  return {
    id: 'nas/um30xx',
    model: 'UM30xx',
    category: 'water',
    description: 'Utility meter reader: two pulse inputs and M-Bus or SSI, firmware 4.0.x',
    packets: umUsagePackets(records).concat([umShutdown(records), UM_GENERAL_CONFIG,
      UM_MBUS_CONFIG, LOCATION_CONFIG, LOCAL_TIME_REQUEST, LOCAL_TIME_RESPONSE, ENTER_DFU,
      MBUS_RECORDS_REQUEST, MBUS_RECORDS, meterBoot(UM_HARDWARE, 0), FAULTY_DOWNLINK],
    UM_CONFIG_REQUESTS),
    normalize,
    examples: [
      {
        description: 'Usage: water pulses x10, trigger counter, M-Bus without data records',
        operation: 'decodeUplink', fPort: 25, bytesHex: '0282432324b29ad03c011706000000',
        data: { packet_type: 'usage_packet', app_connected_within_a_day: true,
          active_alerts: { low_battery: false, pulse_1_trigger_alert: false,
            pulse_2_trigger_alert: true },
          meter_actuality_duration__minutes: 105,
          meter_actuality_duration_formatted: '1.75 hours',
          pulse_1: { medium_type: 'L_water', muliplier: 10, accumulated__L_water: 10203040500,
            input_state: 'open' },
          pulse_2: { accumulated__triggers: 1559, input_state: 'closed',
            medium_type: 'triggers', muliplier: 1 },
          mbus: { data_records_raw: '', last_bus_status: 'connected', records_truncated: false,
            data_records: {} } },
        source: 'nasys/nas-codecs, file test/um30xx_4_0_x_decoder.test.js (commit ' +
          '4691977b60f3f1dba1eb4ef2a52f9324c21dc919), test "UM3xxx tests / usage_spec_mbus", ' +
          'with the M-Bus data records (0374301C00) left out',
      },
    ],
  };
}

/**
 * A UM30xx codec with an M-Bus record decoder (for wiring in the OMS layer).
 *
 * @param records - decoder of M-Bus data records, or null
 * @returns the codec
 */
export function umCodec(records: MbusRecordDecoder | null): CodecDefinition {
  return nasCodec(umDevice(records));
}

/** Codec of the NAS UM30xx, M-Bus data records decoded by the OMS layer. */
export const um30xxCodec: CodecDefinition = umCodec(mbusRecordsFlat);
