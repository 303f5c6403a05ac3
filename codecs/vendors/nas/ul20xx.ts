/**
 * NAS UL20xx (UL2002/UL2014/UL2020/UL2030...) street-light controller for DALI, NEMA and
 * Zhaga luminaires, firmware 1.1.x. Packet names and shapes as the vendor's reference decoder
 * (nasys/nas-codecs, `src/ul20xx_1_1_x_decoder.processed.js`).
 *
 * Known gap: the minified script body (without encodeUplink, which scripts leave out) is about
 * 39.0 kB, under 1 kB below the 39,936 bytes the script build allows a body: more packets would
 * push it over, unless written as field tables (format/fields.ts).
 */
import type { HarmonisedLighting } from '../../framework/harmonised.js';
import type { CodecDefinition } from '../../framework/types.js';
import { type NasDevice, nasCodec } from './format/codec.js';
import { ALERTS } from './format/lighting/alerts.js';
import { COMMANDS } from './format/lighting/commands.js';
import { CHAINED_CONFIG, CONFIG_PACKETS } from './format/lighting/config.js';
import { REQUESTS, SYSTEM_COMMANDS } from './format/lighting/requests.js';
import { STATUS, STATUS_LEGACY, USAGE } from './format/lighting/status.js';
import { BOOT, INVALID_DOWNLINK } from './format/lighting/system.js';
import type { Fields } from './format/values.js';

const SOURCE = 'nasys/nas-codecs, file test/ul20xx_1_1_x_';
const COMMIT = ' (commit 4691977b60f3f1dba1eb4ef2a52f9324c21dc919)';

/** Lamp and driver faults of DALI status objects (`status` of each entry of `list`). */
function daliFaults(list: unknown, out: HarmonisedLighting): void {
  out.lampFault = out.lampFault === true;
  out.driverFault = false;
  for (const s of (list || []) as Fields[]) {
    const st = s['status'] as Record<string, boolean>;
    out.lampFault = out.lampFault || st['lamp_failure'] === true;
    out.driverFault = out.driverFault || st['driver_error'] === true;
  }
}

function normalize(data: Fields): HarmonisedLighting {
  const out: HarmonisedLighting = { category: 'lighting' };
  const type = data['packet_type'];
  if (type === 'status_packet') {
    const t = data['device_unix_epoch'];
    if (typeof t === 'string' && t !== 'invalid_timestamp') out.readingTime = t;
    const first = ((data['dimming_source'] || []) as Fields[])[0];
    if (first !== undefined && typeof first['dimming_level__percent'] === 'number') {
      out.dimLevelPercent = first['dimming_level__percent'];
      out.on = first['dimming_level__percent'] > 0;
    }
    const alerts = data['active_alerts'] as Record<string, boolean> | undefined;
    if (alerts !== undefined && alerts['lamp_error_alert_in_24h']) out.lampFault = true;
    daliFaults(data['dimming_source'], out);
  } else if (type === 'usage_packet') {
    // Prefer the internal meter; else the first driver that reports energy.
    for (const c of (data['consumption'] || []) as Fields[]) {
      if (typeof c['active_energy__Wh'] === 'number' && out.energyKWh === undefined) {
        out.energyKWh = c['active_energy__Wh'] / 1000;
      }
      if (typeof c['active_power__W'] === 'number' && out.powerW === undefined) {
        out.powerW = c['active_power__W'];
      }
    }
  } else if (type === 'dali_driver_alert') {
    daliFaults(data['drivers'], out);
  } else if (type === 'metering_alert') {
    out.lampFault = data['lamp_error_alert'] === true;
    if (typeof data['power__W'] === 'number') out.powerW = data['power__W'];
  }
  return out;
}

/** The UL20xx table: every packet of firmware 1.1.x. */
export const UL20XX: NasDevice = {
  id: 'nas/ul20xx',
  model: 'UL20xx',
  category: 'lighting',
  description: 'Street-light controller (DALI, 0-10 V, NEMA/Zhaga), firmware 1.1.x',
  packets: [STATUS, STATUS_LEGACY, USAGE, BOOT, INVALID_DOWNLINK].concat(ALERTS, COMMANDS,
    CONFIG_PACKETS, [CHAINED_CONFIG], REQUESTS, SYSTEM_COMMANDS),
  normalize,
  examples: [
    {
      description: 'Manual dimming answer: DALI broadcast at 100 %',
      operation: 'decodeUplink', fPort: 60, bytesHex: '01fe64',
      data: { packet_type: 'manual_dimming',
        destination: [{ address: 'dali_broadcast', dimming_level__percent: 100 }] },
      source: SOURCE + 'uplink_decoder.test.js' + COMMIT +
        ', test "Commands / manual_dimming_command response from DS"',
    },
    {
      description: 'Profile configuration request for all profiles',
      operation: 'decodeDownlink', fPort: 49, bytesHex: '21ff',
      data: { packet_type: 'profile_config_request', profile_id: 'all_profiles' },
      source: SOURCE + 'downlink_decoder.test.js' + COMMIT +
        ', test "Config requests / profile_config_packet from DS"',
    },
    {
      description: 'Dimming profile 0: weekdays, 20 % at 01:00, inactive from 05:30',
      operation: 'encodeDownlink', fPort: 50, bytesHex: '210002fe3e00061421ff',
      data: { packet_type: 'profile_config_packet', profile_id: 0, address: 'dali_broadcast',
        days_active: ['mon', 'tue', 'wed', 'thu', 'fri'],
        dimming_steps: [{ step_time: '01:00', dimming_level__percent: 20 },
          { step_time: '05:30', dimming_level__percent: 'inactive' }] },
      source: SOURCE + 'common_decoder.test.js' + COMMIT +
        ', test "Config packts / profile_config_packet from DS"',
    },
    {
      description: 'Light sensor: two lux steps on DALI broadcast',
      operation: 'decodeDownlink', fPort: 50, bytesHex: '29020e3cfe0000c4413ccdccf642ff',
      data: { packet_type: 'light_sensor_config_packet', notification_on_every_step: false,
        light_sensor_clamps_profile: true, light_sensor_clamps_dig: true,
        interpolate_steps: true, measurement_duration__s: 60, address: 'dali_broadcast',
        dim_steps: [{ light_level__lx: '24.50', dimming_level__percent: 60 },
          { light_level__lx: '123.4', dimming_level__percent: 'inactive' }] },
      source: SOURCE + 'common_decoder.test.js (a stored version, commit not pinned), ' +
        'test "new light_sensor_config_packet from DS"',
    },
    {
      description: 'LDR input thresholds of old firmware',
      operation: 'decodeDownlink', fPort: 50, bytesHex: '01a03004',
      data: { packet_type: 'deprecated_ldr_input_config_packet', ldr_off_threshold_high: 160,
        ldr_on_threshold_low: 48, trigger_alert_enabled: true },
      source: SOURCE + 'common_decoder.test.js (a stored version, commit not pinned), ' +
        'test "old ldr_input_config_packet from DS"',
    },
  ],
};

/** Codec of the NAS UL20xx street-light controller. */
export const ul20xxCodec: CodecDefinition = nasCodec(UL20XX);
