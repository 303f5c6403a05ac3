/**
 * A small argument parser shared by every `loire` command: `--flag value`, `--flag=value`,
 * boolean flags, and positionals. Unknown flags are an error, so typos do not pass silently.
 */

/** Raised for a command line that cannot be understood; the CLI prints it and exits 2. */
export class UsageError extends Error {
  readonly code: string;
  constructor(message: string, code = 'USAGE') {
    super(message);
    this.name = 'UsageError';
    this.code = code;
  }
}

/** What a command accepts. */
export interface ArgSpec {
  /** Flags that take a value, without the leading dashes. */
  values?: readonly string[];
  /** Flags that take no value. */
  booleans?: readonly string[];
  /** Flags that may be given several times (their values are collected). */
  repeatable?: readonly string[];
}

/** The parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  flags: Record<string, boolean>;
}

/** Parses `argv` (the words after the command name) against `spec`. */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const repeatable = new Set(spec.repeatable ?? []);
  const out: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word === '-') {
      out.positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    if (booleans.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.flags[name] = true;
    } else if (values.has(name) || repeatable.has(name)) {
      let value: string | undefined;
      if (eq >= 0) value = word.slice(eq + 1);
      else value = argv[++i];
      // `--fport --json` means the value was forgotten, not that the value is "--json";
      // a value that really starts with "--" can be given as `--flag=--value`.
      if (value === undefined || (eq < 0 && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      if (repeatable.has(name)) (out.lists[name] ??= []).push(value);
      else out.values[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

/** Parses a flag value as an integer in [min, max], naming the flag when it is not. */
export function intOption(value: string, name: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value.trim())) {
    throw new UsageError(`--${name}: expected an integer, got '${value}'`);
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name}: expected ${min} to ${max}, got ${value}`);
  }
  return n;
}
