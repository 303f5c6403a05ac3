/**
 * Wraps a prebuilt codec body (see `scripts/build-codec-scripts.mjs`) with the glue of a network
 * server, giving ONE self-contained ES5 script of plain global functions. Everything the codec
 * needs stays inside one function expression assigned to a single `loire_<vendor>_<model>`
 * variable, so two codecs pasted into one script do not clash except on the TS013 entry points.
 */

/** Network servers (and the plain TS013 form) a script can be built for. */
export const SCRIPT_TARGETS = ['chirpstack', 'tts', 'ts013'] as const;

/** One of {@link SCRIPT_TARGETS}. */
export type ScriptTarget = (typeof SCRIPT_TARGETS)[number];

/** Scripts larger than this are refused by The Things Stack (40 KiB payload formatter limit). */
export const MAX_SCRIPT_BYTES = 40960;

/** The output style each target prints by default, for codecs that offer styles. */
export const TARGET_STYLES: Record<ScriptTarget, string> = {
  chirpstack: 'chirpstack',
  tts: 'tts',
  ts013: 'neutral',
};

/** What {@link wrapCodecScript} needs to know. */
export interface WrapOptions {
  id: string;
  target: ScriptTarget;
  /** Output style forced into the script's default variables, if the codec has styles. */
  style?: string;
  /** True to define `normalizeUplink` (The Things Stack, codecs with a normaliser). */
  normalize: boolean;
  /** loire version, for the header. */
  version: string;
}

const TARGET_NAMES: Record<ScriptTarget, string> = {
  chirpstack: 'ChirpStack v4 (JavaScript codec functions)',
  tts: 'The Things Stack (custom JavaScript payload formatter)',
  ts013: 'LoRa Alliance TS013-1.0.0 payload codec API',
};

/** The global variable that holds one codec's bound functions. */
export function scriptVariableName(id: string): string {
  return 'loire_' + id.toLowerCase().replace(/[^a-z0-9]/g, '_');
}

/**
 * The full script: header, the codec body enclosed in a function, and the global TS013 entry
 * points (`decodeUplink`, `encodeDownlink`, `decodeDownlink`, plus `normalizeUplink` when asked).
 *
 * @param body - a prebuilt body from `dist/codec-scripts/`, which defines `__loireCodec`.
 * @returns ES5 source text.
 * @example
 * ```ts
 * wrapCodecScript(body, { id: 'generic/cayenne-lpp', target: 'chirpstack', style: 'chirpstack',
 *   normalize: false, version: '0.1.0' });
 * ```
 */
export function wrapCodecScript(body: string, o: WrapOptions): string {
  const v = scriptVariableName(o.id);
  const options: Record<string, unknown> = {};
  if (o.style !== undefined) options['variables'] = { style: o.style };
  // The Things Stack validates normalizeUplink output against its own schema.
  if (o.target === 'tts') options['normalized'] = 'tts';
  const lines = [
    `// loire codec ${o.id} for ${TARGET_NAMES[o.target]}` +
      (o.style === undefined ? '.' : `, output style "${o.style}".`),
    `// Built by loire ${o.version}: loire codec build ${o.id} --target ${o.target}` +
      (o.style === undefined ? '' : ` --style ${o.style}`),
    '// Self-contained ES5; errors are reported in `errors`, never thrown.',
    `var ${v} = (function () {`,
    body.trimEnd(),
    `return __loireCodec.create(${JSON.stringify(options)});`,
    '})();',
    '',
    `function decodeUplink(input) {\n  return ${v}.decodeUplink(input);\n}`,
    '',
    `function encodeDownlink(input) {\n  return ${v}.encodeDownlink(input);\n}`,
    '',
    `function decodeDownlink(input) {\n  return ${v}.decodeDownlink(input);\n}`,
  ];
  if (o.normalize) {
    lines.push('', `function normalizeUplink(input) {\n  return ${v}.normalizeUplink(input);\n}`);
  }
  return lines.join('\n') + '\n';
}
