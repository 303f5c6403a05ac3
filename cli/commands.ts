/**
 * The table of `loire` subcommands. Each lives in `cli/commands/<name>.ts`, exports
 * `run(argv, io)` returning the exit status, and is loaded only when called.
 */
import type { Io } from './io.js';

/** A subcommand's entry point. */
export type Command = (argv: string[], io: Io) => Promise<number>;

/** Subcommands by name. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {};

COMMANDS.keys = {
  summary: 'derive LoRaWAN session and join-server keys',
  load: async () => (await import('./commands/keys.js')).run,
};

COMMANDS.codec = {
  summary: 'list codecs, decode/encode payloads, build ChirpStack/TTS/TS013 scripts',
  load: async () => (await import('./commands/codec.js')).run,
};
COMMANDS.airtime = {
  summary: 'time on air of a frame and the duty-cycle limits it implies',
  load: async () => (await import('./commands/airtime.js')).run,
};
COMMANDS.validate = {
  summary: "check a device's recorded traffic: MICs, counters, duty cycle, back-off, MAC answers",
  load: async () => (await import('./commands/validate.js')).run,
};

COMMANDS.decode = {
  summary: 'decode a frame; with keys check its MIC and decrypt it',
  load: async () => (await import('./commands/decode.js')).run,
};

COMMANDS.demo = {
  summary: 'decode, verify and decrypt a set of real published frames',
  load: async () => (await import('./commands/demo.js')).run,
};
