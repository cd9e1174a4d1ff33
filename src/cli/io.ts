// The CLI's only contact with the outside world: output streams and files. Commands get a CliIo so that tests
// run them in-process on an in-memory file system (test/support/memory-io.ts).
import { readFileSync, writeFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The text of a file ("-" is standard input). Throws when it cannot be read: commands turn that into a message. */
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

/** A one-line reason for a failed read or write, without a stack trace. */
export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'it is a directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'a folder in the path is a file';
    default: return e instanceof Error ? e.message : String(e);
  }
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => { process.stdout.write(text); },
    stderr: (text) => { process.stderr.write(text); },
    readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
    writeFile: (path, text) => {
      if (path === '-') process.stdout.write(text);
      else writeFileSync(path, text);
    },
  };
}
