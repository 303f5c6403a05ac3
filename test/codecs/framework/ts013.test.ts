import { describe, expect, test } from 'vitest';
import {
  bindTs013,
  decodeDownlink,
  decodeUplink,
  encodeDownlink,
  encodeUplink,
  fail,
  getCodec,
  normalizeUplink,
  type CodecDefinition,
  type DecodeInput,
} from '../../../codecs/index.js';

/** A test double whose behaviour each test picks: it echoes its input or misbehaves. */
function fixture(over: Partial<CodecDefinition>): CodecDefinition {
  return {
    id: 'test/fixture',
    vendor: 'test',
    model: 'fixture',
    category: 'generic',
    description: 'test double',
    uplinkFPorts: [],
    downlinkFPorts: [],
    messageTypes: [],
    decodeUplink: (input: DecodeInput) => ({
      data: {
        bytes: input.bytes,
        fPort: input.fPort,
        recvTime: input.recvTime ? input.recvTime.toISOString() : null,
        variables: input.variables,
      },
    }),
    uplinkSchema: {},
    examples: [],
    ...over,
  };
}

const lpp = getCodec('generic/cayenne-lpp')!;

describe('TS013 decodeUplink input checks', () => {
  const echo = fixture({});

  test('accepts a Uint8Array and a plain array alike, giving the codec a plain array', () => {
    const a = decodeUplink(echo, { bytes: new Uint8Array([1, 255]), fPort: 2 });
    const b = decodeUplink(echo, { bytes: [1, 255], fPort: 2 });
    expect(a).toEqual(b);
    expect(Array.isArray((a.data as { bytes: unknown }).bytes)).toBe(true);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
  });

  test.each([
    [[1, 256], 'bytes[1]: expected an integer 0 to 255, got 256'],
    [[1.5], 'bytes[0]: expected an integer 0 to 255, got 1.5'],
    [[-1], 'bytes[0]: expected an integer 0 to 255, got -1'],
    [['a'], "bytes[0]: expected an integer 0 to 255, got 'a'"],
    ['0102', 'bytes: expected an array of integers 0 to 255 or a Uint8Array, got string'],
    [null, 'bytes: expected an array of integers 0 to 255 or a Uint8Array, got null'],
  ])('rejects bytes %j naming the index and value', (bytes, message) => {
    const r = decodeUplink(echo, { bytes: bytes as never, fPort: 1 });
    expect(r).toEqual({ data: {}, errors: [message], warnings: [] });
  });

  test.each([0, 256, 1.5, '1', undefined])('rejects fPort %j', (fPort) => {
    const r = decodeUplink(echo, { bytes: [], fPort: fPort as never });
    expect(r.errors[0]).toMatch(/^fPort: expected an integer 1 to 255, got /);
    expect(r.data).toEqual({});
  });

  test('reads recvTime from a Date or an ISO string with an offset', () => {
    const iso = decodeUplink(echo, {
      bytes: [],
      fPort: 1,
      recvTime: '2020-08-02T20:00:00.000+05:00',
    });
    const recvTime = new Date('2020-08-02T15:00:00Z');
    const date = decodeUplink(echo, { bytes: [], fPort: 1, recvTime });
    expect((iso.data as { recvTime: string }).recvTime).toBe('2020-08-02T15:00:00.000Z');
    expect(date.data).toEqual(iso.data);
  });

  test('rejects a recvTime that is not a time', () => {
    const r = decodeUplink(echo, { bytes: [], fPort: 1, recvTime: 'yesterday' });
    expect(r.errors).toEqual(["recvTime: expected a Date or an ISO 8601 string, got 'yesterday'"]);
  });

  test('merges default variables under the caller\'s, and rejects non-object variables', () => {
    const bound = bindTs013(echo, { variables: { style: 'tts', a: 1 } });
    const r = bound.decodeUplink({ bytes: [], fPort: 1, variables: { a: 2 } });
    expect((r.data as { variables: unknown }).variables).toEqual({ style: 'tts', a: 2 });
    const bad = decodeUplink(echo, { bytes: [], fPort: 1, variables: [1] as never });
    expect(bad.errors).toEqual(['variables: expected an object, got an array']);
  });

  test('rejects a missing input object', () => {
    expect(decodeUplink(echo, undefined as never).errors).toEqual([
      'input: expected an object with bytes and fPort',
    ]);
  });
});

describe('TS013 error rule: no partial data, never a throw', () => {
  test('a CodecError becomes the one error, with data {}', () => {
    const c = fixture({ decodeUplink: () => fail('status: need 4 bytes at offset 3, got 2', 3) });
    expect(decodeUplink(c, { bytes: [], fPort: 1 })).toEqual({
      data: {},
      errors: ['status: need 4 bytes at offset 3, got 2'],
      warnings: [],
    });
  });

  test('any other exception becomes an error with its message', () => {
    const c = fixture({
      decodeUplink: () => {
        throw new RangeError('Offset is outside the bounds of the DataView');
      },
    });
    expect(decodeUplink(c, { bytes: [], fPort: 1 }).errors).toEqual([
      'unexpected decoder failure: Offset is outside the bounds of the DataView',
    ]);
    const s = fixture({
      decodeUplink: () => {
        throw 'plain string';
      },
    });
    expect(decodeUplink(s, { bytes: [], fPort: 1 }).errors).toEqual([
      "unexpected decoder failure: 'plain string'",
    ]);
  });

  test('empty or non-string warnings are dropped: lists are [] not [""]', () => {
    const warnings = ['', 'low battery', 3 as never];
    const c = fixture({ decodeUplink: () => ({ data: { a: 1 }, warnings }) });
    expect(decodeUplink(c, { bytes: [], fPort: 1 }).warnings).toEqual(['low battery']);
  });

  test('a decoder that returns nothing is an error, not undefined data', () => {
    const c = fixture({ decodeUplink: () => undefined as never });
    expect(decodeUplink(c, { bytes: [], fPort: 1 }).errors).toEqual([
      'test/fixture decodeUplink: the codec returned no data',
    ]);
    const d = fixture({ decodeUplink: () => ({ data: undefined }) });
    expect(decodeUplink(d, { bytes: [], fPort: 1 }).errors).toEqual([
      'test/fixture decodeUplink: the codec returned no data',
    ]);
  });

  test('missing operations say so', () => {
    const c = fixture({});
    expect(decodeDownlink(c, { bytes: [], fPort: 1 }).errors).toEqual([
      'test/fixture has no decodeDownlink',
    ]);
    expect(encodeDownlink(c, { data: {} })).toEqual({
      bytes: [],
      errors: ['test/fixture has no encodeDownlink'],
      warnings: [],
    });
    expect(normalizeUplink(c, { data: {} }).errors).toEqual([
      'test/fixture has no normalizeUplink',
    ]);
  });

  test('an encoder that produces a bad byte or fPort is caught before the radio', () => {
    const bytes = fixture({ encodeDownlink: () => ({ bytes: [1, 300], fPort: 2 }) });
    expect(encodeDownlink(bytes, { data: {} })).toEqual({
      bytes: [],
      errors: ['test/fixture encodeDownlink: bytes[1]: expected an integer 0 to 255, got 300'],
      warnings: [],
    });
    const port = fixture({ encodeDownlink: () => ({ bytes: [1], fPort: 0 }) });
    expect(encodeDownlink(port, { data: {} }).errors).toEqual([
      'test/fixture encodeDownlink: fPort: expected an integer 1 to 255, got 0',
    ]);
  });
});

describe('TS013 on Cayenne LPP', () => {
  // myDevices Cayenne LPP document, "Device with 2 temperature sensors": 03 67 01 10 05 67 00 FF.
  const bytes = [0x03, 0x67, 0x01, 0x10, 0x05, 0x67, 0x00, 0xff];

  test('encodeUplink gives back the myDevices bytes, on fPort 1 unless variables.fPort', () => {
    const data = decodeUplink(lpp, { bytes, fPort: 1 }).data;
    expect(encodeUplink(lpp, { data })).toEqual({ bytes, fPort: 1, errors: [], warnings: [] });
    expect(encodeUplink(lpp, { data, variables: { fPort: 9 } }).fPort).toBe(9);
  });

  test('an unknown style is an error naming the choices', () => {
    expect(decodeUplink(lpp, { bytes, fPort: 1, variables: { style: 'xml' } }).errors).toEqual([
      "variables.style: expected one of neutral, tts, chirpstack, got xml",
    ]);
  });

  test('normalizeUplink gives the harmonised generic view from any style', () => {
    for (const style of ['neutral', 'chirpstack']) {
      const data = decodeUplink(lpp, { bytes, fPort: 1, variables: { style } }).data;
      expect(normalizeUplink(lpp, { data })).toEqual({
        data: { category: 'generic', values: { temperature_3: 27.2, temperature_5: 25.5 } },
        errors: [],
        warnings: [],
      });
    }
  });
});

describe('TS013 encoders and the asked fPort', () => {
  test('pass a requested fPort to the codec, checked like any fPort', () => {
    const lppOut = encodeDownlink(lpp, { data: [{ channel: 1, digital_output: 1 }], fPort: 7 });
    expect(lppOut).toEqual({ bytes: [1, 1, 1], fPort: 7, errors: [], warnings: [] });
    expect(encodeDownlink(lpp, { data: [], fPort: 300 }).errors).toEqual([
      'fPort: expected an integer 1 to 255, got 300',
    ]);
  });
});

describe('payload size', () => {
  // 242 bytes is the largest N of RP002-1.0.4's maximum payload tables (EU868 DR5 to DR7).
  const sized = (n: number): CodecDefinition => fixture({
    encodeDownlink: () => ({ bytes: new Array<number>(n).fill(0), fPort: 1 }),
  });
  test('242 bytes pass without a word, 243 come with a warning', () => {
    expect(encodeDownlink(sized(242), { data: {} }).warnings).toEqual([]);
    const r = encodeDownlink(sized(243), { data: {} });
    expect(r.bytes.length).toBe(243);
    expect(r.warnings).toEqual([
      '243 bytes: more than the 242 a LoRaWAN frame carries at any data rate',
    ]);
  });
  test('normalizeUplink carries a codec\'s state warnings (MClimate Vicki, vector hvac-01)', () => {
    const vicki = getCodec('mclimate/vicki')!;
    const bytes = [0x01, 0x1d, 0x5a, 0x78, 0xfa, 0x2c, 0x01, 0xf0, 0x80];
    const data = decodeUplink(vicki, { bytes, fPort: 1 }).data;
    expect(normalizeUplink(vicki, { data }).warnings).toEqual(['childLock: true']);
  });
});
