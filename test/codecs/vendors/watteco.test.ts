/**
 * Watteco codecs: the shared vectors and the vendor's examples (Watteco/Codec-API-LoRaWAN),
 * round trips of every message type over generated data, totality, and regressions.
 */
import { describe, expect, test as vitest } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { fromHex, toHex } from '../../../codecs/framework/bytes.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import { wattecoCodecs } from '../../../codecs/vendors/watteco/index.js';
import { CLIMO } from '../../../codecs/vendors/watteco/climo.js';
import { PULSE_SENSO } from '../../../codecs/vendors/watteco/pulse-senso.js';
import { SMART_PILOT_WIRE } from '../../../codecs/vendors/watteco/smart-pilot-wire.js';
import { VAQAO_LITE } from '../../../codecs/vendors/watteco/vaqao-lite.js';
import type { WattecoDevice } from '../../../codecs/vendors/watteco/format/device.js';
import { wattecoCodec } from '../../../codecs/vendors/watteco/format/codec.js';
import { sampleData } from '../../../codecs/vendors/watteco/format/samples.js';
import {
  codecsJsonVectors, definitionExamples, definitionShape, thrownMessage, totality,
} from './harness.js';

const DEVICES: WattecoDevice[] = [PULSE_SENSO, SMART_PILOT_WIRE, CLIMO, VAQAO_LITE];
const RECV = '2023-07-19T07:51:25.508Z';

describe('shared vectors and vendor examples', () => {
  codecsJsonVectors(wattecoCodecs, 6);
  definitionExamples(wattecoCodecs);
  definitionShape(wattecoCodecs);
});

describe('vendor examples beyond codecs.json', () => {
  // Watteco/Codec-API-LoRaWAN, devices/pulse_sens'o/examples.json and vaqa'o_lite/examples.json
  // (commit 42c0f10e09acafda8fc28ba1221cfe94a6f44f38).
  const decode = (def: CodecDefinition, hex: string) =>
    def.decodeUplink({ bytes: fromHex(hex, 'x'), fPort: 125, recvTime: new Date(RECV),
      variables: {} });
  const pulse = wattecoCodec(PULSE_SENSO);

  vitest('firmware version from a read attribute response', () => {
    expect(decode(pulse, '110100000002000d0305020015e2').data).toEqual({
      samples: [{ variable: 'firmware', value: '3.5.2.5602', date: RECV }],
      firmware: '3.5.2.5602',
    });
  });

  vitest('disposable battery voltage from the power descriptor, with its unit', () => {
    expect(decode(pulse, '110a00500006410503040e6804').data).toEqual({
      samples: [{ variable: 'disposable_battery_voltage', value: 3.688, date: RECV, unit: 'V' }],
      disposable_battery_voltage: 3.688, disposable_battery_voltage_unit: 'V',
    });
  });

  vitest('uplink mode from the LoRaWAN cluster', () => {
    expect(decode(pulse, '110180040000000800').data).toEqual({
      samples: [{ variable: 'message_type', value: 'unconfirmed', date: RECV }],
      message_type: 'unconfirmed',
    });
  });

  vitest('pin state of input 1', () => {
    expect(decode(pulse, '110a000f00551001').data).toEqual({
      samples: [{ variable: 'pin_state_1', value: true, date: RECV }], pin_state_1: true,
    });
  });

  vitest('IAQ and humidity of the Vaqa\'O Lite per endpoint', () => {
    const vaqao = wattecoCodec(VAQAO_LITE);
    expect(decode(vaqao, '110a800c0000210019').data).toEqual({
      samples: [{ variable: 'IAQ', value: 25, date: RECV }], IAQ: 25,
    });
    expect(decode(vaqao, '110a04050000210e89').data).toEqual({
      samples: [{ variable: 'humidity_1', value: 37.21, date: RECV, unit: '%RH' }],
      humidity_1: 37.21, humidity_1_unit: '%RH',
    });
  });

  const downlinks: [string, Record<string, unknown>, string, number][] = [
    ['custom frame', { sendHexFrame: '110000000002' }, '110000000002', 125],
    ['custom frame on port 100', { sendHexFrame: '110000000002:100' }, '110000000002', 100],
    ['confirmed mode', { sendConfirmedMode: 1 }, '1105800400000801', 125],
    ['factory reset', { sendFactoryReset: true }, '1150005007', 125],
    ['LoRa retries', { sendLoraRetries: 3 }, '1105800400012003', 125],
    ['rejoin', { sendLoraRejoin: 60 }, '115080040000' + '3c', 125],
    ['MSO mode 0', { sendMSOMode: 0 }, '1105001300552000', 125],
  ];
  for (const [name, data, hex, fPort] of downlinks) {
    vitest(`encodes the vendor's "${name}" downlink`, () => {
      const def = wattecoCodec(SMART_PILOT_WIRE);
      const out = def.encodeDownlink!({ data, variables: {} });
      expect(toHex(out.bytes)).toBe(hex);
      expect(out.fPort).toBe(fPort);
      expect(def.decodeDownlink!({ bytes: out.bytes, fPort, variables: {} }).data).toEqual(data);
    });
  }
});

/** Arbitrary decoded value of each field the tables use. */
const ascii = fc.string({ maxLength: 20, unit: fc.integer({ min: 0x20, max: 0x7e })
  .map((c) => String.fromCharCode(c)) });
const FIELD_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  firmware: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(0xffffff))
    .map((p) => p.join('.')),
  kernel: ascii, manufacturer: ascii, model: ascii, date: ascii, position: ascii,
  application_name: ascii,
  message_type: fc.constantFrom('confirmed', 'unconfirmed'),
  nb_retry: fc.nat(255),
  automatic_association: fc.record({ period_in_minutes: fc.nat(65535),
    nb_err_frames: fc.nat(65535) }),
  pin_state: fc.boolean(),
  polarity: fc.constantFrom('normal', 'reverse'),
  edge_selection: fc.constantFrom('none', 'falling edge', 'rising edge', 'both edges',
    'polling and falling edge', 'polling and rising edge', 'polling and both edges'),
  debounce_period: fc.nat(255), poll_period: fc.nat(255), force_notify: fc.nat(255),
  index: fc.nat(0xffffffff),
  output_value: fc.nat(255),
  temperature: fc.integer({ min: -32768, max: 32767 }).map((r) => r / 100),
  min_temperature: fc.integer({ min: -32768, max: 32767 }).map((r) => r / 100),
  max_temperature: fc.integer({ min: -32768, max: 32767 }).map((r) => r / 100),
  humidity: fc.nat(65535).map((r) => r / 100),
  min_humidity: fc.nat(65535).map((r) => r / 100),
  max_humidity: fc.nat(65535).map((r) => r / 100),
  concentration: fc.nat(65535), illuminance: fc.nat(65535),
  pressure: fc.integer({ min: -32768, max: 32767 }), occupancy: fc.boolean(),
};
for (let i = 1; i <= 10; i++) FIELD_VALUES[`pin_state_${i}`] = fc.boolean();
const POWER = ['main_or_external_voltage', 'rechargeable_battery_voltage',
  'disposable_battery_voltage', 'solar_harvesting_voltage', 'tic_harvesting_voltage'];

/** Generated (attribute, endpoint, field values) of a device, as decoded samples. */
function standardReport(device: WattecoDevice) {
  return fc.constantFrom(...device.attributes).chain((spec) => {
    const mapped = spec.fields.filter((f) => device.endpoints[f] !== undefined);
    const endpoints = mapped.length === 0 ? 1 : device.endpoints[mapped[0]!]!.length;
    const fields = spec.fields[0] === POWER[0]
      ? fc.subarray(POWER, { minLength: 1 }).chain((names) =>
        fc.tuple(...names.map((n) =>
          fc.nat(65535).map((r) => [n, r / 1000] as [string, unknown]))))
      : fc.tuple(...spec.fields.map((f) =>
        FIELD_VALUES[f]!.map((v) => [f, v] as [string, unknown])));
    return fc.tuple(fc.constant(spec), fc.nat(endpoints - 1), fields);
  });
}

function variableOf(device: WattecoDevice, field: string, endpoint: number): string {
  const names = device.endpoints[field];
  return names === undefined ? field : names[endpoint]!;
}

describe('round trips', () => {
  for (const device of DEVICES) {
    const def = wattecoCodec(device);

    test.prop([standardReport(device)], { numRuns: 150 })(
      `${device.id}: decode(encodeUplink(report)) is the report`, ([, endpoint, fields]) => {
        const samples = fields.map(([f, v]) => {
          const variable = variableOf(device, f, endpoint);
          return variable === 'NA' ? { variable, value: 'NA', date: RECV }
            : { variable, value: v, date: RECV };
        });
        const data = sampleData(samples, device.units);
        const up = def.encodeUplink!({ data, variables: {} });
        const back = def.decodeUplink({ bytes: up.bytes, fPort: up.fPort,
          recvTime: new Date(RECV), variables: {} });
        expect(back.data).toEqual(data);
        expect(back.warnings).toEqual([]);
      });

    test.prop([standardReport(device), fc.nat(31)], { numRuns: 100 })(
      `${device.id}: read attribute responses round-trip with raw field names`,
      ([, , fields], endpoint) => {
        const samples = fields.map(([f, v]) => ({ variable: f, value: v, date: RECV }));
        const data = sampleData(samples, device.units);
        const up = def.encodeUplink!({ data,
          variables: { zclCommand: 'readResponse', endpoint } });
        expect(up.bytes[1]).toBe(0x01);
        const back = def.decodeUplink({ bytes: up.bytes, fPort: 125, recvTime: new Date(RECV),
          variables: {} });
        expect(back.data).toEqual(data);
      });

    const criterion = fc.record({
      criterionIndex: fc.nat(7), mode: fc.constantFrom('delta', 'threshold', 'unused'),
      alarm: fc.boolean(), exceeded: fc.boolean(), fallen: fc.boolean(),
    });
    const alarmSpecs = device.attributes.filter((a) => a.alarm !== undefined &&
      a.fields.length === 1 && a.fields[0] !== 'index' && a.fields[0] !== 'output_value');
    if (alarmSpecs.length > 0) {
      test.prop([fc.constantFrom(...alarmSpecs), fc.array(criterion, { minLength: 1,
        maxLength: 4 }), fc.boolean()], { numRuns: 100 })(
        `${device.id}: alarm reports carry short causes as the vendor's warnings`,
        (spec, criteria, alarm) => {
          const field = spec.fields[0]!;
          const value = fc.sample(FIELD_VALUES[field]!, { numRuns: 1, seed: 1 })[0];
          const data = sampleData([{ variable: variableOf(device, field, 0), value, date: RECV }],
            device.units);
          const up = def.encodeUplink!({ data, variables: {
            zclCommand: alarm ? 'alarm' : 'report', reportCauses: { long: false, criteria } } });
          const back = def.decodeUplink({ bytes: up.bytes, fPort: 125,
            recvTime: new Date(RECV), variables: {} });
          expect(back.data).toEqual(data);
          // Expected strings written out here from the vendor's message format.
          const expected = criteria.map((c) => {
            const q = c.exceeded && c.fallen ? 'exceed&fall' : c.exceeded ? 'exceed'
              : c.fallen ? 'fall' : '';
            return `cause:{alarm:${c.alarm}, criterion_index: ${c.criterionIndex}, ` +
              `mode: ${c.mode}${c.mode === 'threshold' ? `, crossing: ${q}` : ''}}`;
          });
          expect(back.warnings).toEqual(alarm ? ['alarm triggered', ...expected] : expected);
        });
    }

    const CAUSE_VALUES: Record<string, fc.Arbitrary<number>> = {
      temperature: fc.integer({ min: -32768, max: 32767 }).map((r) => r / 100),
      humidity: fc.nat(65535).map((r) => r / 100),
      concentration: fc.nat(65535), illuminance: fc.nat(65535),
      pressure: fc.integer({ min: -32768, max: 32767 }),
      pin_state: fc.nat(255), occupancy: fc.nat(255),
    };
    const longSpecs = alarmSpecs.filter((a) => CAUSE_VALUES[a.fields[0]!] !== undefined);
    if (longSpecs.length > 0) {
      const longCause = (field: string) => fc.record({
        criterionIndex: fc.nat(7), mode: fc.constantFrom('delta', 'threshold'),
        alarm: fc.boolean(), exceeded: fc.boolean(), fallen: fc.boolean(),
        value: CAUSE_VALUES[field]!, gap: CAUSE_VALUES[field]!,
        occurrences: fc.nat(127),
        counts: fc.option(fc.tuple(fc.nat(65535), fc.nat(65535)), { nil: undefined }),
      });
      test.prop([fc.constantFrom(...longSpecs).chain((spec) => fc.tuple(fc.constant(spec),
        fc.array(longCause(spec.fields[0]!), { minLength: 1, maxLength: 3 })))],
      { numRuns: 100 })(`${device.id}: long causes round-trip into the vendor's warnings`,
        ([spec, causes]) => {
          const field = spec.fields[0]!;
          const value = fc.sample(FIELD_VALUES[field]!, { numRuns: 1, seed: 2 })[0];
          const data = sampleData([{ variable: variableOf(device, field, 0), value, date: RECV }],
            device.units);
          const criteria = causes.map((c) => ({
            criterionIndex: c.criterionIndex, mode: c.mode, alarm: c.alarm,
            exceeded: c.exceeded, fallen: c.fallen, value: c.value, gap: c.gap,
            occurrences: c.occurrences,
            occurrencesUp: c.counts === undefined ? undefined : c.counts[0],
            occurrencesDown: c.counts === undefined ? undefined : c.counts[1],
          }));
          const up = def.encodeUplink!({ data, variables: {
            zclCommand: 'alarm', reportCauses: { long: true, criteria } } });
          const back = def.decodeUplink({ bytes: up.bytes, fPort: 125,
            recvTime: new Date(RECV), variables: {} });
          expect(back.data).toEqual(data);
          // Expected strings written out here from the vendor's message format.
          const expected = causes.map((c) => {
            const head = `cause:{alarm:${c.alarm}, criterion_index: ${c.criterionIndex}`;
            if (c.mode === 'delta') return `${head}, mode: delta, value: ${c.value}}`;
            const q = c.exceeded && c.fallen ? 'exceed&fall' : c.exceeded ? 'exceed'
              : c.fallen ? 'fall' : '';
            const occ = c.counts === undefined ? `occurences: ${c.occurrences}`
              : `occurences_up: ${c.counts[0]}, occurences_down: ${c.counts[1]}`;
            return `${head}, mode: threshold, crossing: ${q}, value: ${c.value}, ` +
              `gap: ${c.gap}, ${occ}}`;
          });
          expect(back.warnings).toEqual(['alarm triggered', ...expected]);
        });
    }

    if (device.batch !== undefined) {
      const table = device.batch;
      const RANGE: Record<number, [number, number]> = {
        1: [0, 1], 4: [0, 255], 6: [0, 65535], 7: [-32768, 32767], 10: [0, 0xffffffff],
      };
      const series = fc.uniqueArray(fc.nat(table.series.length - 1), { minLength: 1,
        maxLength: table.series.length }).chain((idxs) => fc.tuple(...idxs.sort((a, b) => a - b)
        .map((i) => {
          const s = table.series[i]!;
          const [lo, hi] = RANGE[s.sampleType]!;
          return fc.array(fc.tuple(fc.nat(200000), fc.integer({ min: lo, max: hi })),
            { minLength: 1, maxLength: 5 }).map((pts) => pts.map(([ageS, raw]) =>
            ({ variable: s.name, value: raw / s.divide,
              date: new Date(Date.parse(RECV) - ageS * 1000).toISOString() })));
        })));

      test.prop([series, fc.nat(7)], { numRuns: 150 })(
        `${device.id}: batch reports keep every sample and round-trip`, (groups, counter) => {
          const samples = ([] as { variable: string; value: number; date: string }[])
            .concat(...groups);
          const input = { batch_counter: counter, samples };
          const up = def.encodeUplink!({ data: input, variables: { recvTime: RECV } });
          expect(up.bytes[0]! & 0x01).toBe(0);
          const first = def.decodeUplink({ bytes: up.bytes, fPort: 125,
            recvTime: new Date(RECV), variables: {} }).data as Record<string, unknown>;
          expect(first['batch_counter']).toBe(counter);
          const got = (first['samples'] as Record<string, unknown>[])
            .map((s) => ({ variable: s['variable'], value: s['value'], date: s['date'] }));
          expect(got).toEqual(samples);
          const again = def.encodeUplink!({ data: first, variables: { recvTime: RECV } });
          expect(def.decodeUplink({ bytes: again.bytes, fPort: 125, recvTime: new Date(RECV),
            variables: {} }).data).toEqual(first);
        });
    }

    const header = fc.record({
      report: fc.constant('standard'), endpoint: fc.nat(31),
      cmdID: fc.constantFrom('0x07', '0x09'),
      clustID: fc.nat(0xffff).map((c) => '0x' + c.toString(16).toUpperCase().padStart(4, '0')),
      attID: fc.nat(0xffff).map((c) => '0x' + c.toString(16).toUpperCase().padStart(4, '0')),
      status: fc.nat(255),
      report_parameters: fc.record({
        new_mode_configuration: fc.constantFrom('0', '1'),
        cause_request: fc.constantFrom('none', 'short', 'long', 'reserved'),
        secured_if_alarm: fc.constantFrom('0', '1'), secured: fc.constantFrom('0', '1'),
        no_hearde_port: fc.constantFrom('0', '1'), batch: fc.constantFrom('0', '1'),
      }),
      attribut_type: fc.nat(255),
      min: fc.record({ value: fc.nat(0x7fff), unit: fc.constantFrom('seconds', 'minutes') }),
      max: fc.record({ value: fc.nat(0x7fff), unit: fc.constantFrom('seconds', 'minutes') }),
    }).map((h) => {
      if (h.cmdID === '0x09') return h as Record<string, unknown>;
      const { attribut_type: _t, min: _mi, max: _ma, ...rest } = h;
      return rest as Record<string, unknown>;
    });
    test.prop([header], { numRuns: 100 })(
      `${device.id}: reporting configuration responses round-trip`, (h) => {
        const up = def.encodeUplink!({ data: h, variables: {} });
        expect(def.decodeUplink({ bytes: up.bytes, fPort: 125, recvTime: new Date(RECV),
          variables: {} }).data).toEqual(h);
      });

    const command = fc.oneof(
      fc.constantFrom({ sendReboot: true }, { sendFactoryReset: true }),
      fc.nat(1).map((v) => ({ sendConfirmedMode: v })),
      fc.integer({ min: 1, max: 7 }).map((v) => ({ sendLoraRetries: v })),
      fc.nat(65535).map((v) => ({ sendLoraRejoin: v })),
      ...device.downlinks.map((t) => fc.integer({ min: t.min || 0, max: t.max || 255 })
        .map((v) => ({ [t.name]: v }))),
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 223 }))
        .map(([b, p]) => ({ sendHexFrame: toHex(Array.from(b)) + (p === 125 ? '' : `:${p}`) }))
        .filter((c) => {
          // A frame equal to a fixed command decodes as that command, by design.
          const d = def.decodeDownlink!({ bytes: fromHex(c.sendHexFrame.split(':')[0]!, 'x'),
            fPort: 125, variables: {} }).data as Record<string, unknown>;
          return c.sendHexFrame.indexOf(':') >= 0 || d['sendHexFrame'] !== undefined;
        }),
    );
    test.prop([command], { numRuns: 200 })(
      `${device.id}: decodeDownlink(encodeDownlink(command)) is the command`, (cmd) => {
        const out = def.encodeDownlink!({ data: cmd, variables: {} });
        expect(def.decodeDownlink!({ bytes: out.bytes, fPort: out.fPort, variables: {} }).data)
          .toEqual(cmd);
      });
  }
});

describe('totality', () => {
  totality(wattecoCodecs);
});

describe('regressions', () => {
  const pulse = wattecoCodec(PULSE_SENSO);
  const climo = wattecoCodec(CLIMO);
  const dec = (def: CodecDefinition, hex: string, recv = RECV) =>
    def.decodeUplink({ bytes: fromHex(hex, 'x'), fPort: 125, recvTime: new Date(recv),
      variables: {} });

  vitest('reads a pulse index as 32 bits, not 8', () => {
    // Index 0x89ABCDEF on input 2 (endpoint 1): above 2^31, so it also must not turn negative.
    const out = dec(pulse, '310a000f04022389abcdef').data as Record<string, unknown>;
    expect(out['index_2']).toBe(0x89abcdef);
  });

  vitest('reads a negative temperature as signed', () => {
    // 0xFF38 = -200 hundredths.
    const out = dec(climo, '110a0402000029ff38').data as Record<string, unknown>;
    expect(out['temperature']).toBe(-2);
  });

  vitest('batch dates are UTC whatever the machine time zone', () => {
    const hex = '3203032cd2dc00000000117b02000080903d005000401040801d11604704d8119024912492247b';
    const saved = process.env['TZ'];
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Kolkata', 'UTC']) {
        process.env['TZ'] = tz;
        const out = dec(pulse, hex).data as { samples: { date: string }[] };
        // Three hours before the receive time, computed from epoch milliseconds.
        expect(out.samples[0]!.date).toBe(new Date(Date.UTC(2023, 6, 19, 4, 51, 25, 508))
          .toISOString());
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  vitest('names an unknown attribute instead of returning a partial object', () => {
    expect(thrownMessage(() => dec(climo, '110a04030000290001'))).toBe(
      'report: cluster 0x0403 attribute 0x0000 is not reported by watteco/climo');
  });

  vitest('rejects a frame cut inside its value', () => {
    expect(thrownMessage(() => dec(pulse, '110a000f0402230000'))).toBe(
      'report index: need 4 bytes at offset 7, got 2');
  });

  vitest('rejects batch reports on a device that sends none', () => {
    expect(thrownMessage(() => dec(wattecoCodec(SMART_PILOT_WIRE), '3203'))).toBe(
      'batch report: watteco/smart-pilot-wire sends no batch reports');
  });

  vitest('rejects frames off FPort 125', () => {
    expect(thrownMessage(() => pulse.decodeUplink({ bytes: [0x11], fPort: 1, variables: {} })))
      .toBe('uplink: Watteco frames travel on FPort 125, got 1');
  });

  vitest('keeps codecs independent: two definitions decode side by side', () => {
    const a = dec(pulse, '110a000f04022300000005').data;
    const b = dec(climo, '110a04020000290755').data;
    expect(a).toEqual({ samples: [{ variable: 'index_1', value: 5, date: RECV }], index_1: 5 });
    expect(b).toEqual({ samples: [{ variable: 'temperature', value: 18.77, date: RECV,
      unit: 'Cel' }], temperature: 18.77, temperature_unit: 'Cel' });
  });

  vitest('decodes long causes with value, gap and occurrences', () => {
    // Temperature 18.77, long causes (0x20): criterion 0 threshold exceeded alarm
    // (0xD0), value 20.00 (0x07D0), gap 0.50 (0x0032), 3 occurrences.
    const out = dec(climo, '118a04020000290755' + '20' + 'd0' + '07d0' + '0032' + '03');
    expect(out.warnings).toEqual(['alarm triggered',
      'cause:{alarm:true, criterion_index: 0, mode: threshold, crossing: exceed, value: 20, ' +
      'gap: 0.5, occurences: 3}']);
  });

  vitest('normalizes to the harmonised views', () => {
    const vaqao = wattecoCodec(VAQAO_LITE);
    expect(vaqao.normalizeUplink!(dec(vaqao, '110a04020000290b89').data)).toEqual({
      category: 'air', temperatureC: 29.53 });
    expect(climo.normalizeUplink!(dec(climo, '110a04050000210e89').data)).toEqual({
      category: 'hvac', humidityPercent: 37.21 });
  });
});
