/**
 * NAS codecs: the shared vectors, the vendor's test examples, round trips of every message
 * type, totality on arbitrary bytes, and regressions for faults reported in other decoders.
 */
import { describe, expect, test as vitest } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fromHex, toHex } from '../../../codecs/framework/bytes.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { cm30xxCodec, CM30XX } from '../../../codecs/vendors/nas/cm30xx.js';
import type { NasPacket } from '../../../codecs/vendors/nas/format/packet.js';
import { decodeLightRaw } from '../../../codecs/vendors/nas/format/lighting/dali.js';
import { decodeReason } from '../../../codecs/vendors/nas/format/lighting/reasons.js';
import { nasCodecs } from '../../../codecs/vendors/nas/index.js';
import { ul20xxCodec, UL20XX } from '../../../codecs/vendors/nas/ul20xx.js';
import { umCodec, umDevice, um30xxCodec } from '../../../codecs/vendors/nas/um30xx.js';
import { type CodecVector, loadVectors } from '../../vectors.js';
import {
  codecsJsonVectors, definitionExamples, definitionShape, thrownMessage, totality,
} from './harness.js';
import { schemaErrors } from './schema-check.js';

describe('shared vectors and vendor examples', () => {
  codecsJsonVectors(nasCodecs, 10);
  definitionExamples(nasCodecs);
  definitionShape(nasCodecs);
});

describe('totality', () => {
  totality(nasCodecs);
});

type Dir = 'uplink' | 'downlink';
const decode = (def: CodecDefinition, dir: Dir, bytes: number[], fPort: number) =>
  dir === 'uplink' ? def.decodeUplink({ bytes, fPort, variables: {} })
    : def.decodeDownlink!({ bytes, fPort, variables: {} });
const encode = (def: CodecDefinition, dir: Dir, data: unknown) =>
  dir === 'uplink' ? def.encodeUplink!({ data, variables: {} })
    : def.encodeDownlink!({ data, variables: {} });

/** decode(encode(data)) is data, and the packet comes back on its own FPort. */
function roundTrip(def: CodecDefinition, dir: Dir, data: Record<string, unknown>): void {
  expect(schemaErrors(dir === 'uplink' ? def.uplinkSchema : def.downlinkSchema!, data))
    .toEqual([]);
  const out = encode(def, dir, data);
  expect(decode(def, dir, out.bytes, out.fPort).data).toEqual(data);
}

// ---- arbitraries of valid data -------------------------------------------------------------

const bool = fc.boolean();
const epoch = fc.integer({ min: 1420070400, max: 0xffffffff })
  .map((s) => new Date(s * 1000).toISOString());
const address = (ff?: string) => fc.oneof(
  fc.constantFrom(...['analog_0_10v', 'dali_broadcast'].concat(ff === undefined ? [] : [ff])),
  fc.nat(63).map((n) => 'dali_single_' + n), fc.nat(15).map((n) => 'dali_group_' + n));
const level = (ff: string) => fc.oneof(fc.nat(254), fc.constant(ff));
const STATUS_KEYS = ['driver_error', 'lamp_failure', 'lamp_on', 'limit_error', 'fade_running',
  'reset_state', 'missing_short_address', 'power_failure'];
// All eight bits set is the byte 0xFF, which the vendor reads as "no answer" (all false).
const daliStatus = fc.array(bool, { minLength: 8, maxLength: 8 })
  .filter((b) => b.some((x) => !x))
  .map((b) => Object.fromEntries(STATUS_KEYS.map((k, i) => [k, b[i]])));
const reasonCodes = [0, 1, 7, 0x21, 0x22, 0x30, 0x3f, 0x50, 0x5f, 0x70, 0x71, 0x80, 0x87, 245,
  246, 248, 250, 252, 253];
const reason = fc.constantFrom(...reasonCodes).map((c) => decodeReason(c, 'test'));
const lux = fc.oneof(fc.nat(0x7fff).map(decodeLightRaw), fc.constant('unavailable'));
const rec = <T>(m: { [k: string]: fc.Arbitrary<T> }) => fc.record(m, { requiredKeys: [] });

const ulStatus = fc.record({
  packet_type: fc.constant('status_packet'), device_unix_epoch: epoch,
  status: fc.record({ dali_connection_error: bool, metering_com_error: bool,
    ext_rtc_warning: bool, internal_relay_closed: bool, open_drain_output_on: bool,
    lumalink_connected: bool, lumalink_connected_after_boot: bool }),
  downlink_rssi__dBm: fc.integer({ min: -255, max: 0 }),
  downlink_snr__dB: fc.integer({ min: -128, max: 127 }),
  mcu_temperature__C: fc.integer({ min: -128, max: 127 }),
  active_alerts: fc.record({ voltage_alert_in_24h: bool, lamp_error_alert_in_24h: bool,
    power_alert_in_24h: bool, power_factor_alert_in_24h: bool }),
  sensor_source: rec<unknown>({ ldr_input: fc.nat(255), light_sensor__lx: lux,
    d4i_light_sensor__lx: lux, dig_input_1_on: bool,
    tilt_sensor__deg: fc.oneof(fc.nat(254), fc.constant(null)) }),
  dimming_source: fc.array(fc.record({ address: address(), reason, status: daliStatus,
    dimming_level__percent: level('n/a') }), { maxLength: 4 }),
});

const ulUsage = fc.record({
  packet_type: fc.constant('usage_packet'),
  consumption: fc.array(fc.record({ address: address('internal_measurement') })
    .chain((a) => rec<unknown>({ active_energy__Wh: fc.nat(0xffffffff),
      active_power__W: fc.nat(0xffff), load_side_energy__Wh: fc.nat(0xffffffff),
      load_side_power__W: fc.nat(0xffff),
      power_factor: fc.oneof(fc.nat(254).map((x) => x / 100), fc.constant('unknown')),
      mains_voltage__V: fc.nat(255),
      driver_operating_time__h: fc.nat(0xffffffff).map((s) => Math.round(s / 3600)),
      lamp_on_time__h: fc.nat(0xffffffff).map((s) => Math.round(s / 3600 * 10) / 10),
    }).map((f) => ({ ...a, ...f }))), { maxLength: 3 }),
});

const ulBoot = fc.record({
  packet_type: fc.constant('boot_packet'),
  device_serial: fc.nat(0xffffffff).map((n) => n.toString(16).toUpperCase().padStart(8, '0')),
  firmware_version: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((v) => v.join('.')),
  device_unix_epoch: epoch,
  device_config: fc.constantFrom('dali', 'dali_nc', 'dali_no', 'analog_nc', 'analog_no',
    'dali_analog_nc', 'dali_analog_no', 'dali_analog_nc_no'),
  optional_features: fc.record({ dig_input: bool, ldr_input: bool, open_drain_output: bool,
    metering: bool }),
  dali_supply_state__V: fc.oneof(fc.nat(0x6f), fc.constantFrom('bus_high', 'bus_error')),
  dali_power_source_external: fc.constantFrom('external', 'internal'),
  dali_addressed_driver_count: fc.nat(127), dali_unaddressed_driver_found: bool,
}).chain((b) => fc.oneof(fc.constant(b), fc.subarray(['reset_0', 'watchdog_reset',
  'soft_reset', 'reset_3', 'reset_4', 'reset_5', 'reset_6', 'reset_7'])
  .map((r) => ({ ...b, reset_reason: r }))));

const meterAlerts = fc.record({ backflow_pending: bool, broken_pipe_pending: bool,
  continuous_flow_pending: bool, tamper_pending: bool, temperature_pending: bool,
  low_battery: bool, no_usage: bool });
const isoDay = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2127, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const ACT_CODES = Array.from({ length: 254 }, (_, i) => i);

/** Meter usage data, built from the raw fields so every value is one the device can send. */
const meterUsage = fc.record({
  alerts: meterAlerts, status: fc.constantFrom('connected', 'no_response', 'protocol_error',
    'meter_damaged', 'bus_shorted'),
  mult: fc.constantFrom(0.001, 0.01, 0.1, 1, 10), medium: fc.constantFrom('water', 'warm_water',
    'gas'), unit: fc.constantFrom('m3', 'gal', 'ft3'), act: fc.constantFrom(...ACT_CODES),
  count: fc.nat(99999999), date: fc.option(isoDay, { nil: undefined }), app: bool,
  dev: fc.option(fc.record({ batt: fc.nat(255), volt: fc.nat(255),
    t: fc.integer({ min: -128, max: 127 }), lo: fc.nat(15), hi: fc.nat(15), rssi: fc.nat(255),
    snr: fc.nat(15), pw: fc.nat(15), serial: fc.nat(0xffffffff) }), { nil: undefined }),
}).map((u) => {
  const text = (u.mult === 10 ? String(u.count * 10).padStart(9, '0')
    : String(u.count).padStart(8, '0'));
  const d = [3, 2, 1, 0, -1][[0.001, 0.01, 0.1, 1, 10].indexOf(u.mult)]!;
  const volume = d > 0 ? text.slice(0, 8 - d) + '.' + text.slice(8 - d) : text;
  const minutes = u.act < 60 ? u.act : u.act < 156 ? (u.act - 60) * 15
    : u.act < 200 ? (u.act - 156) * 1440 : u.act < 253 ? (u.act - 200) * 10080 : 525600;
  const formatted = u.act < 60 ? minutes + ' minutes' : u.act < 156
    ? (minutes / 60).toFixed(2) + ' hours' : u.act < 200 ? (minutes / 1440).toFixed(2) + ' days'
      : u.act < 253 ? (minutes / 10080).toFixed(2) + ' weeks'
        : (minutes / 525600).toFixed(2) + ' years';
  const data: Record<string, unknown> = {
    packet_type: 'usage_packet', active_alerts: u.alerts, meter_status: u.status,
    meter_multiplier: u.mult, meter_medium: u.medium, meter_unit: u.unit,
    meter_actuality_duration__minutes: minutes, meter_actuality_duration_formatted: formatted,
    ['meter_accumulated_volume__' + u.unit]: volume, app_connected_within_a_day: u.app,
  };
  if (u.date !== undefined) data['meter_readout_date'] = u.date;
  if (u.dev !== undefined) {
    const v = u.dev;
    Object.assign(data, {
      battery_remaining__years: parseFloat((v.batt / 12).toFixed(1)),
      battery_voltage__V: parseFloat((v.volt / 100 + 1.5).toFixed(2)),
      internal_temperature__C: v.t, internal_temperature_min__C: v.t - 2 * v.lo,
      internal_temperature_max__C: v.t + 2 * v.hi, radio_downlink_rssi__dBm: -v.rssi || 0,
      radio_downlink_snr__dB: v.snr * 2 - 20, radio_uplink_power__dBm: v.pw * 2,
      meter_serial: v.serial === 0xffffffff ? 'not_available'
        : v.serial.toString(16).toUpperCase().padStart(8, '0'),
    });
  }
  return data;
});

describe('round trips of the main uplinks', () => {
  test.prop([ulStatus], { numRuns: 300 })('nas/ul20xx status_packet', (d) => {
    roundTrip(ul20xxCodec, 'uplink', d);
  });
  test.prop([ulStatus], { numRuns: 200 })('nas/ul20xx status_packet before 1.1.4', (d) => {
    const { sensor_source: _s, ...rest } = d;
    const status = { ...rest.status, ldr_input_on: true, dig_input_on: false } as
      Record<string, boolean>;
    delete status['lumalink_connected'];
    delete status['lumalink_connected_after_boot'];
    roundTrip(ul20xxCodec, 'uplink', { ...rest, status, ldr_input_value: 17 });
  });
  test.prop([ulUsage], { numRuns: 300 })('nas/ul20xx usage_packet', (d) => {
    roundTrip(ul20xxCodec, 'uplink', d);
  });
  test.prop([ulBoot], { numRuns: 200 })('nas/ul20xx boot_packet', (d) => {
    roundTrip(ul20xxCodec, 'uplink', d);
  });
  test.prop([meterUsage], { numRuns: 400 })('nas/cm30xx usage_packet', (d) => {
    roundTrip(cm30xxCodec, 'uplink', d);
  });
  test.prop([meterUsage, fc.constantFrom('calibration_timeout', 'magnet_shutdown', 'enter_dfu',
    'app_shutdown', 'switch_to_wmbus')], { numRuns: 200 })(
    'nas/cm30xx shutdown_packet', (d, reason) => {
      roundTrip(cm30xxCodec, 'uplink', { ...d, packet_type: 'shutdown_packet',
        shutdown_reason: reason });
    });
});

// ---- every other packet: frames of random bodies that decode must round-trip ---------------

/** Values the vendor shows for bytes it cannot name; they have no encoding. */
const UNENCODABLE =
  /"(invalid|invalid_timestamp|invalid_value|invalid_status|invalid_error_code)"/;

/**
 * Body prefixes (one is picked per run) for packets whose random frames rarely decode: exact
 * lengths combined with few valid values for one byte.
 */
const PREFIXES: Record<string, number[][]> = {
  metering_alert_config_packet: [[0x01]], multicast_config_packet: [[0x02]],
  location_config_packet: [[0x00]], boot_packet: [[1, 2, 3, 4, 2, 3, 18, 0x80, 0x10, 0x01]],
  clear_config_packet: [[0x21], [0x23], [0x28], [0x29], [0x52], [0xff]],
  interface_type_config_packet: [[0x00], [0x01]], lumalink_config_packet: [[0], [1], [2], [3]],
  fade_config_packet: [[0x00], [0x0f], [0xff]], ldr_input_notification: [[0x20]],
  general_configuration_packet: [[0x00, 0x00], [0x08, 0x00, 0x04], [0x70, 0x00], [0x80, 0x1f],
    [0x00], [0x01, 0x17], [0x10, 0x02], [0x30, 0x09]],
  location_configuration_packet: [[0x00], [0x01], [0x02], [0x07]],
  profile_config_packet: [[0x00, 0x02], [0x03, 0x00]], holiday_config_packet: [[0x02]],
  location_notification: [[0x00], [0x01]], dig_input_notification: [[0x20], [0x41]],
  // UM30xx usage and status: pulse 1 only, M-Bus only, SSI only.
  usage_packet: [[0x80, 0x05, 0x01], [0x80, 0x05, 0x20], [0x80, 0x05, 0x10, 0x01]],
  status_packet: [[0x80, 0x6b, 0xd1, 0x16, 0x4a, 0x33, 0x7c, 0x05, 0x01],
    [0x80, 0x6b, 0xd1, 0x16, 0x4a, 0x33, 0x7c, 0x05, 0x10, 0x01]],
  shutdown_packet: [[0x33, 0x02, 0x80, 0x05, 0x01], [0x34, 0x02, 0x80, 0x05, 0x20]],
};

function everyPacket(def: CodecDefinition, packets: NasPacket[], skip: string[]): void {
  for (const p of packets) {
    if (skip.indexOf(p.name) >= 0) continue;
    const dirs: Dir[] = p.direction === 'both' ? ['uplink', 'downlink'] : [p.direction];
    for (const dir of dirs) {
      vitest(`${def.id} ${p.name} (${dir}, fPort ${p.fPort}, header 0x` +
        `${p.header.toString(16)}): decoded frames encode back to the same data`, () => {
        let decoded = 0;
        const prefixes = PREFIXES[p.name] || [[]];
        fc.assert(fc.property(fc.uint8Array({ minLength: 40, maxLength: 40 }), fc.nat(40),
          fc.nat(prefixes.length - 1), (body, cut, which) => {
          const bytes = [p.header].concat(prefixes[which]!, Array.from(body).slice(0, cut));
          let out;
          try {
            out = decode(def, dir, bytes, p.fPort);
          } catch {
            return;
          }
          if (out.data === undefined || (out.data as { packet_type: string }).packet_type !==
            p.name || UNENCODABLE.test(JSON.stringify(out.data))) return;
          decoded++;
          roundTrip(def, dir, out.data as Record<string, unknown>);
        }), { numRuns: 3000 });
        if (process.env["NAS_COUNTS"]) console.log("COUNT", def.id, p.name, dir, decoded);
        expect(decoded).toBeGreaterThan(0);
      });
    }
  }
}

describe('round trips of every other message type', () => {
  everyPacket(ul20xxCodec, UL20XX.packets, ['status_packet', 'usage_packet', 'boot_packet']);
  // The OMS usage packet encodes from raw records its decoded form does not carry: below.
  everyPacket(cm30xxCodec, CM30XX.packets, ['usage_packet', 'shutdown_packet',
    'oms_usage_packet']);
  // The M-Bus configuration is encoded from counts its decoded form does not show: below.
  everyPacket(um30xxCodec, umDevice(null).packets, ['mbus_configuration_packet']);
});

describe('CM30xx OMS usage packet', () => {
  vitest('short header and records named with oms_, from the OMS layer', () => {
    // CI 0x7A, access number 1, status 0, configuration 0x2000; DIF 0x04 VIF 0x13: 1000 l.
    const d = up(cm30xxCodec, '7a01000020' + '0413e8030000', 20).data;
    expect(d).toEqual({ packet_type: 'oms_usage_packet', header_access_num: 1,
      header_status: 0, header_packet_synchronous: true, oms_volume__m3: 1 });
    expect(schemaErrors(cm30xxCodec.uplinkSchema, d)).toEqual([]);
  });

  // Volume is type B (signed, EN 13757-3 annex A), so counts stay below 2^31.
  test.prop([fc.nat(255), fc.nat(255), fc.boolean(), fc.nat(0x7fffffff)])(
    'encodes from raw records and decodes back', (access, status, sync, litres) => {
      const rec = [0x04, 0x13, litres & 0xff, litres >>> 8 & 0xff, litres >>> 16 & 0xff,
        litres >>> 24];
      const out = cm30xxCodec.encodeUplink!({ variables: {}, data: {
        packet_type: 'oms_usage_packet', header_access_num: access, header_status: status,
        header_packet_synchronous: sync, oms_data_records_raw: toHex(rec) } });
      expect(out.fPort).toBe(20);
      expect(up(cm30xxCodec, toHex(out.bytes), 20).data).toEqual({
        packet_type: 'oms_usage_packet', header_access_num: access, header_status: status,
        header_packet_synchronous: sync, oms_volume__m3: litres / 1000 });
    });
});

describe('UM30xx M-Bus records', () => {
  vitest('records are named as the vendor names them (OMS layer underneath)', () => {
    // DIF 0x04 (32-bit) VIF 0x13 (volume, litres), then DIF 0x42 (16-bit, storage 1) VIF 0x6C
    // (date), then DIF 0x14 (32-bit maximum) VIF 0x2B (power, W): storage prefix, function
    // suffix and unit as the vendor builds names (its M-Bus library calls a date
    // "time_point"; EN 13757-3's "date" is kept, as stated in mbus-records.ts).
    const records = '0413e8030000' + '426c' + '7f2c' + '142b10270000';
    const d = up(um30xxCodec, '0280052000' + records, 25).data as Fields;
    const mbus = d['mbus'] as { data_records: Fields };
    expect(mbus.data_records).toEqual({ volume__m3: 1, storage1_date: '2019-12-31',
      power_max__W: 10000 });
  });

  vitest('without a record decoder, M-Bus records fail saying so', () => {
    const v = loadVectors<CodecVector[]>('codecs.json').find((x) => x.id === 'water-15')!;
    expect(thrownMessage(() => up(umCodec(null), v.bytesHex, v.fPort!))).toBe('usage_packet: ' +
      'M-Bus data records at offset 15 need the OMS record decoder (codecs/formats/oms), ' +
      'not part of this build');
  });

  vitest('water-15 gives the vendor output around the records, which go to the decoder', () => {
    const v = loadVectors<CodecVector[]>('codecs.json').find((x) => x.id === 'water-15')!;
    const seen: string[] = [];
    const expected = v.expected as { mbus: { data_records: Record<string, unknown> } };
    // The records decoder (the OMS layer's job) answers what the vector says the records hold.
    const def = umCodec((records) => {
      seen.push(toHex(records));
      return expected.mbus.data_records;
    });
    expect(up(def, v.bytesHex, v.fPort!).data).toEqual(v.expected);
    expect(seen).toEqual(['0374301c00']);
  });

  vitest('the M-Bus configuration encodes from its record counts', () => {
    const data = { packet_type: 'mbus_configuration_packet', usage_record_count: 2,
      status_record_count: 1, mbus_data_record_header_raw: '0413025B0374' };
    const out = um30xxCodec.encodeDownlink!({ data, variables: {} });
    expect([toHex(out.bytes), out.fPort]).toEqual(['14120413025b0374', 50]);
    expect(down(um30xxCodec, '14120413025b0374', 50).data).toEqual({
      packet_type: 'mbus_configuration_packet', mbus_data_record_header_raw: '0413025B0374' });
    expect(thrownMessage(() => down(um30xxCodec, '14b1', 50)))
      .toBe('mbus_configuration_packet: invalid_usage_or_status_count 0xb1 at offset 1');
  });
});

// ---- regressions and behaviour -----------------------------------------------------------

const hex = (s: string): number[] => fromHex(s, 'test');
const up = (def: CodecDefinition, s: string, fPort: number) =>
  def.decodeUplink({ bytes: hex(s), fPort, variables: {} });
const down = (def: CodecDefinition, s: string, fPort: number) =>
  def.decodeDownlink!({ bytes: hex(s), fPort, variables: {} });

describe('faults reported in other decoders', () => {
  vitest('a 32-bit digital input counter is read at its full width, not as one byte', () => {
    // 0x41: four-byte body, input on; counter 0x01020304 little-endian.
    expect(up(ul20xxCodec, '804104030201', 61).data).toEqual({
      packet_type: 'dig_input_notification', dig_input_on: true,
      dig_input_event_counter: 0x01020304 });
    expect(up(ul20xxCodec, '80203412', 61).data).toEqual({
      packet_type: 'dig_input_notification', dig_input_event_counter: 0x1234 });
  });

  vitest('a 32-bit usage energy counter keeps its high bytes', () => {
    const out = up(ul20xxCodec, '00ff01ffffffff', 26).data as { consumption: unknown[] };
    expect(out.consumption).toEqual([{ address: 'internal_measurement',
      active_energy__Wh: 4294967295 }]);
  });

  vitest('negative temperatures are signed (UL20xx MCU, CM30xx internal)', () => {
    // lighting-05 with its MCU temperature byte 0x16 (22) replaced by 0xf6 (-10).
    const ul = up(ul20xxCodec,
      '01f37f205e82443209f6200701d20294550401fe50190012501900', 23).data as Fields;
    expect(ul['mcu_temperature__C']).toBe(-10);
    // water-14 with its temperature byte 0x12 (18) replaced by 0xec (-20), span 0x21.
    const cm = up(cm30xxCodec, '0411008c038f020500752b03b37fec21245f51945400', 25).data as Fields;
    expect([cm['internal_temperature__C'], cm['internal_temperature_min__C'],
      cm['internal_temperature_max__C']]).toEqual([-20, -22, -16]);
  });

  vitest('an unknown sensor source is skipped with a warning; the rest still decodes', () => {
    // lighting-05 with its LDR source id (01) replaced by an unknown id 0x09: the rest of the
    // 7-byte sensor block is skipped, the dimming sources after it still decode.
    const out = up(ul20xxCodec,
      '01f37f205e82443209162007' + '09d2029455' + '0401' + 'fe501900' + '12501900', 23);
    const data = out.data as Fields;
    expect(data['sensor_source']).toEqual({});
    expect((data['dimming_source'] as unknown[]).length).toBe(2);
    expect(out.warnings).toContain('unsupported_sensor_source 0x9 at offset 12');
  });

  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata']) {
    vitest(`dates do not move with the machine's time zone (TZ=${tz})`, () => {
      const saved = process.env['TZ'];
      process.env['TZ'] = tz;
      try {
        // The zone really applies to this process (none of them is UTC on that day).
        expect(new Date(Date.UTC(2021, 0, 1)).getTimezoneOffset()).not.toBe(0);
        // Readout date 2021-01-01 (day 1 and year bits 5 in 0xa1, month 0 and year bits 2 in
        // 0x20: 2000 + 5 + 8 * 2) and a boot time of 2021-01-01T00:30:00Z (1609461000), both
        // near midnight UTC.
        const cm = up(cm30xxCodec, '0400008c0301000000' + 'a120' + '00', 25).data as Fields;
        expect(cm['meter_readout_date']).toBe('2021-01-01');
        const boot = up(ul20xxCodec, '000d008350010101' + '086dee5f' + '000cfe01', 99)
          .data as Fields;
        expect(boot['device_unix_epoch']).toBe('2021-01-01T00:30:00.000Z');
        const t = up(cm30xxCodec, '03086dee5f', 60).data as Fields;
        expect(t['device_local_time_formatted']).toBe('2021-01-01T00:30:00Z');
      } finally {
        if (saved === undefined) delete process.env['TZ'];
        else process.env['TZ'] = saved;
      }
    });
  }
});

type Fields = Record<string, unknown>;

describe('errors name the packet, the field and the offset', () => {
  vitest('short status frame', () => {
    expect(thrownMessage(() => up(ul20xxCodec, '01f37f205e824432', 23)))
      .toBe('status_packet: downlink_snr__dB: need 1 byte at offset 8, got 0');
  });
  vitest('leftover bytes are an error, as in the vendor decoder', () => {
    expect(thrownMessage(() => up(ul20xxCodec, '0b00', 60)))
      .toBe('dali_identify: 1 unexpected byte at offset 1, frame is 2 bytes');
  });
  vitest('a packet on the wrong FPort', () => {
    expect(thrownMessage(() => up(cm30xxCodec, '04000014015400000001', 26)))
      .toBe('usage_packet: header 0x04 travels on fPort 25, got fPort 26');
  });
  vitest('an unknown header', () => {
    expect(thrownMessage(() => up(ul20xxCodec, '7f00', 61)))
      .toBe('uplink fPort 61: unknown packet header 0x7f');
  });
  vitest('empty payload', () => {
    expect(thrownMessage(() => up(cm30xxCodec, '', 25))).toBe('uplink: empty payload on fPort 25');
  });
  vitest('CM30xx boot with an unknown hardware code fails as the vendor reports an error', () => {
    // nasys/nas-codecs test/cm30xx_2_3_x_decoder.test.js "boot packet": errors
    // ['invalid_hardware_config'].
    expect(thrownMessage(() => up(cm30xxCodec, '002b001650020312' + '8090ff0000371100', 99)))
      .toBe('boot_packet: invalid_hardware_config 0xff at offset 10');
  });
  vitest('the same boot with a known hardware code decodes as the vendor shows it', () => {
    expect(up(cm30xxCodec, '002b0016500203128090010000371100', 99).data).toEqual({
      packet_type: 'boot_packet', configuration_restored: true,
      device_firmware_version: '2.3.18', device_serial: '5016002B',
      device_uptime_accumulated__days: 183.63, hardware_configuration: 'Cyble',
      packet_reason: 'from_shutdown', wakeup_reason_mcu: ['nfc_wakeup'] });
  });
  vitest('encoders name the field they cannot encode', () => {
    expect(thrownMessage(() => ul20xxCodec.encodeDownlink!({ variables: {},
      data: { packet_type: 'manual_dimming', destination: [{ address: 'dali_single_64',
        dimming_level__percent: 50 }] } })))
      .toMatch(/^manual_dimming: address: expected analog_0_10v, dali_broadcast/);
    expect(thrownMessage(() => ul20xxCodec.encodeDownlink!({ variables: {},
      data: { packet_type: 'no_such_packet' } }))).toMatch(/^downlink: packet_type must be/);
  });
});

describe('behaviour', () => {
  vitest('a chained configuration holds the packets it chains', () => {
    // The profile of lighting-12 followed by a status interval of 3600 s (07 100e0000).
    const out = down(ul20xxCodec, 'fe' + '210002fe3e00061421ff' + '07100e0000', 50).data;
    expect(out).toEqual({ packet_type: 'chained_config_packet', payloads: [
      { packet_type: 'profile_config_packet', profile_id: 0, address: 'dali_broadcast',
        days_active: ['mon', 'tue', 'wed', 'thu', 'fri'],
        dimming_steps: [{ step_time: '01:00', dimming_level__percent: 20 },
          { step_time: '05:30', dimming_level__percent: 'inactive' }] },
      { packet_type: 'status_config_packet', status_interval__s: 3600 }] });
    const again = ul20xxCodec.encodeDownlink!({ data: out, variables: {} });
    expect(toHex(again.bytes)).toBe('fe210002fe3e00061421ff07100e0000');
    expect(again.fPort).toBe(50);
  });

  vitest('the FPort 49 time request and the FPort 50 time setting share a name', () => {
    const req = ul20xxCodec.encodeDownlink!({ data: { packet_type: 'time_config_packet' },
      variables: {} });
    expect([toHex(req.bytes), req.fPort]).toEqual(['09', 49]);
    const set = ul20xxCodec.encodeDownlink!({ variables: {}, data: {
      packet_type: 'time_config_packet', device_unix_epoch: 'force_lorawan_devicetimereq' } });
    expect([toHex(set.bytes), set.fPort]).toEqual(['0900000000', 50]);
  });

  vitest('normalizeUplink gives the lighting view of lighting-05 and lighting-06', () => {
    const s = up(ul20xxCodec, '01f37f205e8244320916200701d20294550401fe50190012501900', 23);
    expect(ul20xxCodec.normalizeUplink!(s.data)).toEqual({ category: 'lighting',
      readingTime: '2020-01-16T15:23:31.000Z', dimLevelPercent: 25, on: true,
      lampFault: true, driverFault: false });
    const u = up(ul20xxCodec, '00ff80d0ef2f0112ff479403002a00f94a030027005de5c072d902d0ef2f01',
      26);
    expect(ul20xxCodec.normalizeUplink!(u.data)).toEqual({ category: 'lighting',
      energyKWh: 234.567, powerW: 42 });
  });

  vitest('normalizeUplink gives the water view of water-14', () => {
    const d = up(cm30xxCodec, '0411008c038f020500752b03b37f1200245f51945400', 25).data;
    expect(cm30xxCodec.normalizeUplink!(d)).toEqual({ category: 'water', volumeM3: 3283.35,
      leak: false, backflow: true, tamper: false, lowBattery: false, batteryV: 2.77 });
  });

  vitest('the meter index keeps its decimal point for counts of nine digits', () => {
    // Count 123456789 at 0.01: the vendor's text would be "123456.789"; the value is 1234567.89.
    const d = up(cm30xxCodec, '040000040015cd5b0700', 25).data as Fields;
    expect(d['meter_accumulated_volume__m3']).toBe('1234567.89');
  });
});

describe('CM30xx general configuration, found by the round-trip property', () => {
  vitest('a 64-bit accumulated volume near 2^53 litres encodes back to the same bytes', () => {
    // Flags: parameter 4 only (meter_accumulated_volume, u64 litres, shown in m3).
    const raw = 4400269694098688;
    const le: number[] = [];
    for (let i = 0, v = raw; i < 8; i++, v = Math.floor(v / 256)) le.push(v % 256);
    const bytes = [0x20, 0x10, 0x00].concat(le);
    const d = cm30xxCodec.decodeDownlink!({ bytes, fPort: 50, variables: {} });
    const volume = Object.keys(d.data as object).find((k) => k.startsWith('meter_accumulated'));
    expect((d.data as Record<string, number>)[volume!]).toBe(raw / 1000);
    const e = cm30xxCodec.encodeDownlink!({ data: d.data, variables: {} });
    expect(toHex(e.bytes)).toBe(toHex(bytes));
  });
});
