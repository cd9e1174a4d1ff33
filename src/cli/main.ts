// Entry point of `npm run cli -- <command>`: the process arguments in, the exit code out.
import { nodeIo } from './io.js';
import { runCli } from './run.js';

// `lightfabric catalog | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
