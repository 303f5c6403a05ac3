import pkg from '../package.json' with { type: 'json' };
import { COMMANDS } from './commands.js';
import { processIo, type Io } from './io.js';

function usage(): string {
  const lines = ['usage: loire <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  return lines.join('\n');
}

/** Runs the CLI with `argv` (the words after `loire`) and returns the exit status. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(pkg.version);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    const message = `unknown command '${name}'`;
    // Scripts that pass --json parse stdout; they get the same error shape as from a command.
    if (rest.includes('--json') || name === '--json') {
      io.out(JSON.stringify({ error: { code: 'UNKNOWN_COMMAND', message } }));
    } else io.err(`loire: ${message}\n${usage()}`);
    return 2;
  }
  return (await command.load())(rest, io);
}
