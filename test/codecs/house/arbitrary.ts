/**
 * fast-check arbitraries for house-format data, built from a codec's message tables: any value
 * a field can carry, and a missing marker left out.
 */
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { isCodecError } from '../../../codecs/framework/codec-error.js';
import type { CodecDefinition } from '../../../codecs/framework/types.js';
import type { Field, MessageLayout, NumField } from '../../../codecs/house/layout.js';

const RANGE: Record<string, [number, number]> = {
  u8: [0, 255], u16: [0, 65535], u32: [0, 2 ** 32 - 1], i8: [-128, 127], i16: [-32768, 32767],
};

function num(f: NumField): fc.Arbitrary<number> {
  const [min, max] = RANGE[f.type]!;
  return fc.integer({ min, max: f.maxRaw ?? max }).filter((r) => r !== f.missing)
    .map((r) => (f.div ? r / f.div : r));
}

function fields(fs: Field[]): fc.Arbitrary<Record<string, unknown>> {
  const required: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: string[] = [];
  for (const f of fs) {
    if (f.type === 'flags') {
      required[f.name] = fc.record(Object.fromEntries(f.bits.map((b) => [b, fc.boolean()])));
    } else if (f.type === 'enum') {
      required[f.name] = fc.constantFrom(...f.values);
    } else if (f.type === 'list') {
      const item: fc.Arbitrary<unknown> = f.item ? (f.item.missing !== undefined
        ? fc.option(num(f.item)) : num(f.item)) : fields(f.fields!);
      required[f.name] = fc.array(item, { maxLength: f.maxCount });
    } else {
      required[f.name] = num(f);
      if (f.missing !== undefined) optional.push(f.name);
    }
  }
  return fc.record(required, { requiredKeys: Object.keys(required)
    .filter((k) => optional.indexOf(k) < 0) as never });
}

/** Any data object of one of `layouts`. */
export function houseData(layouts: MessageLayout[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(...layouts.map((l) => fields(l.fields)
    .map((d) => ({ messageType: l.name, ...d }))));
}

/** decode(encode(data)) = data and encode(decode(bytes)) = bytes, as one check. */
export function checkBothWays(
  encode: (data: unknown) => number[], decode: (bytes: number[]) => unknown, data: unknown,
): void {
  const bytes = encode(data);
  const back = decode(bytes);
  expect(back).toEqual(data);
  expect(encode(back)).toEqual(bytes);
}

/** Uplink encoders and decoders of a definition, warnings dropped. */
type Pair = [(d: unknown) => number[], (b: number[]) => unknown];

export function uplinkPair(def: CodecDefinition): Pair {
  return [
    (data) => def.encodeUplink!({ data, variables: {} }).bytes,
    (bytes) => def.decodeUplink({ bytes, fPort: def.uplinkFPorts[0]!, variables: {} }).data,
  ];
}

/** Downlink encoders and decoders of a definition. */
export function downlinkPair(def: CodecDefinition): Pair {
  return [
    (data) => def.encodeDownlink!({ data, variables: {} }).bytes,
    (bytes) => def.decodeDownlink!({ bytes, fPort: def.downlinkFPorts[0]!, variables: {} }).data,
  ];
}

/** Runs `f`, letting only CodecErrors pass. */
export function onlyCodecErrors(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isCodecError(e)) throw e;
  }
}
