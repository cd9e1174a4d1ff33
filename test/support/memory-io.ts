// An in-memory CliIo for running CLI commands in-process: files from a map (or the real fixtures), output captured.
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';

export interface MemoryIo extends CliIo {
  out: string;
  err: string;
  files: Map<string, string>;
}

export function memoryIo(files: Record<string, string> = {}): MemoryIo {
  const io: MemoryIo = {
    out: '',
    err: '',
    files: new Map(Object.entries(files)),
    stdout: (t) => { io.out += t; },
    stderr: (t) => { io.err += t; },
    readFile: (path) => {
      const text = io.files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => { io.files.set(path, text); },
  };
  return io;
}

/** Run the CLI on argv with in-memory files; returns the exit code and what was printed. */
export async function cli(argv: string[], files: Record<string, string> = {}) {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, io };
}
