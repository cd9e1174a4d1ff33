// The CLI dispatcher: picks the command, handles help, and turns usage errors into exit code 2 with the
// command's usage. User mistakes never print a stack trace.
import { closestMatches } from '../format/hints.js';
import { UsageError } from './args.js';
import { EXIT, type CliCommand } from './command.js';
import * as registry from './commands/index.js';
import type { CliIo } from './io.js';
import { table } from './text.js';

export type { CliIo } from './io.js';

export const COMMANDS: readonly CliCommand[] = Object.values(registry as Record<string, CliCommand>)
  .sort((a, b) => (a.name < b.name ? -1 : 1));

function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export function generalHelp(): string {
  return `lightfabric: optical interconnect topology designer for AI data-centre fabrics

Usage: npm run --silent cli -- <command> [arguments] [options]

Commands:
${table(COMMANDS.map((c) => [c.name, c.summary]))}
Run \`<command> --help\` (or \`help <command>\`) for a command's arguments, options and exit codes.
Exit codes: 0 success, 1 the input is invalid, 2 bad usage or unreadable file.
`;
}

const wantsHelp = (args: readonly string[]) => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(generalHelp());
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(generalHelp());
      return EXIT.ok;
    }
    const c = findCommand(topic);
    if (!c) return unknownCommand(topic, io);
    io.stdout(c.usage + '\n');
    return EXIT.ok;
  }
  const cmd = findCommand(name);
  if (!cmd) return unknownCommand(name, io);
  if (wantsHelp(rest)) {
    io.stdout(cmd.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await cmd.run([...rest], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`lightfabric ${cmd.name}: ${e.message}\n\n${cmd.usage}\n`);
      return EXIT.usage;
    }
    // A bug, not a user mistake: one line, with what is needed to report it.
    io.stderr(`lightfabric ${cmd.name}: internal error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n` +
      'This is a bug in lightfabric; please report it with the command line and the input file.\n');
    return EXIT.internal;
  }
}

function unknownCommand(name: string, io: CliIo): number {
  const hint = closestMatches(name, COMMANDS.map((c) => c.name));
  io.stderr(`lightfabric: unknown command "${name}"${hint.length ? ` (did you mean ${hint.join(', ')}?)` : ''}\n\n${generalHelp()}`);
  return EXIT.usage;
}
