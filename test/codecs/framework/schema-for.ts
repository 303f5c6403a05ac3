import type { CodecDefinition, JsonSchema } from '../../../codecs/index.js';

/** The schema a case's data must follow: the style's, else the codec's uplink or downlink one. */
export function schemaFor(
  codec: CodecDefinition,
  operation: string,
  variables: Record<string, unknown> | undefined,
): JsonSchema | undefined {
  if (operation !== 'decodeUplink') return codec.downlinkSchema;
  const styles = codec.styles ?? [];
  if (styles.length === 0) return codec.uplinkSchema;
  const name = (variables?.['style'] as string | undefined) ?? styles[0]!.name;
  return styles.find((s) => s.name === name)?.uplinkSchema ?? codec.uplinkSchema;
}
