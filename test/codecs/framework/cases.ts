/**
 * Test cases for codecs, generic over the registry: every example a codec declares, and every
 * entry of the shared `codecs.json` whose codec id is registered.
 */
import { getCodec, listCodecs, type CodecDefinition } from '../../../codecs/index.js';
import { codecIdOf, loadVectors, type CodecVector } from '../../vectors.js';

/** One call of a codec with what it must give. */
export interface CodecCase {
  codecId: string;
  label: string;
  operation: 'decodeUplink' | 'decodeDownlink' | 'encodeDownlink';
  /** TS013 input (bytes as an array for decoders). */
  input: Record<string, unknown>;
  expected: {
    data?: unknown;
    bytesHex?: string;
    fPort?: number;
    errors?: string[];
    warnings?: string[];
    normalized?: unknown;
  };
}

function bytesOf(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** The cases of one codec's own examples. */
export function exampleCases(codec: CodecDefinition): CodecCase[] {
  return codec.examples.map((ex) => {
    const variables = ex.variables ?? {};
    const input: Record<string, unknown> =
      ex.operation === 'encodeDownlink'
        ? { data: ex.data, variables }
        : { bytes: bytesOf(ex.bytesHex), fPort: ex.fPort, recvTime: ex.recvTime, variables };
    const expected: CodecCase['expected'] = {};
    if (ex.errors && ex.errors.length > 0) expected.errors = ex.errors;
    else if (ex.operation === 'encodeDownlink') {
      expected.bytesHex = ex.bytesHex.toLowerCase();
      expected.fPort = ex.fPort;
    }
    if (ex.operation !== 'encodeDownlink') expected.data = ex.data;
    if (ex.warnings) expected.warnings = ex.warnings;
    const label = `example "${ex.description}"`;
    return { codecId: codec.id, label, operation: ex.operation, input, expected };
  });
}

/** `variables.style` named by a vector's device text, for codecs with styles. */
function styleOfDevice(codec: CodecDefinition, device: string): string | undefined {
  const names = (codec.styles ?? []).map((s) => s.name);
  const lower = device.toLowerCase();
  if (names.includes('tts') && /\(tts\b|things stack/.test(lower)) return 'tts';
  if (names.includes('chirpstack') && lower.includes('chirpstack')) return 'chirpstack';
  if (names.includes('neutral') && lower.includes('neutral')) return 'neutral';
  return undefined;
}

/**
 * Shared vectors whose expected output contradicts the vendor's own decoder, with what loire
 * gives instead and why. Each is asserted, so a change in either direction fails.
 */
const VECTOR_DEVIATIONS: Record<string, { data: unknown; why: string }> = {
  // TTN lorawan-devices ws558-codec.yaml (commit 4578f3a) shows `power: 1` for 04 80 01000000,
  // but the ws558.js that the same file names decodes channel 0x04/0x80 as `active_power`, as do
  // every later Milesight decoder and Actility's WS558 example (vector lighting-03).
  'lighting-02': { data: { active_power: 1 }, why: 'vendor example disagrees with its decoder' },
};

/** The shared vectors whose codec is registered. */
export function vectorCases(): CodecCase[] {
  const out: CodecCase[] = [];
  for (const v of loadVectors<CodecVector[]>('codecs.json')) {
    const codec = getCodec(codecIdOf(v));
    if (codec === undefined) continue;
    const style = styleOfDevice(codec, v.device);
    const variables = style === undefined ? {} : { style };
    // Some sources pass the wanted fPort with the data (Actility); TS013 has no such field.
    const asked = v.inputFPort === undefined ? {} : { fPort: v.inputFPort };
    const input: Record<string, unknown> =
      v.operation === 'encodeDownlink'
        ? { data: v.expected, variables, ...asked }
        : {
            bytes: bytesOf(v.bytesHex.toLowerCase()),
            // A null fPort means the source gives none and the codec takes any: use 1.
            fPort: v.inputFPort ?? v.fPort ?? 1,
            recvTime: v.recvTime ?? v.inputTime,
            variables,
          };
    const expected: CodecCase['expected'] = {};
    if (v.operation === 'encodeDownlink') {
      expected.bytesHex = v.bytesHex.toLowerCase();
      if (v.fPort !== null) expected.fPort = v.fPort;
    } else expected.data = VECTOR_DEVIATIONS[v.id]?.data ?? v.expected;
    if (v.expectedErrors && v.expectedErrors.length > 0) expected.errors = v.expectedErrors;
    if (v.expectedWarnings) expected.warnings = v.expectedWarnings;
    if (v.expectedNormalized !== undefined) expected.normalized = v.expectedNormalized;
    const deviation = VECTOR_DEVIATIONS[v.id];
    const label = `vector ${v.id}${deviation ? ` (deviates: ${deviation.why})` : ''}`;
    out.push({ codecId: codec.id, label, operation: v.operation, input, expected });
  }
  return out;
}

/** Every case of every registered codec: examples first, then shared vectors. */
export function allCases(): CodecCase[] {
  return [...listCodecs().flatMap((c) => exampleCases(getCodec(c.id)!)), ...vectorCases()];
}
