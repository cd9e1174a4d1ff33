// What a CLI command is. Commands live one per file in ./commands and are listed in ./commands/index.ts.
import type { CliIo } from './io.js';

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full help: usage line, what it does, options, exit codes. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. Throw UsageError for bad usage. */
  run(args: string[], io: CliIo): Promise<number> | number;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;
