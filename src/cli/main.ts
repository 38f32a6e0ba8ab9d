#!/usr/bin/env node
/** The `folio` command. `folio serve` is what `npm start` runs. Exit codes: exit-codes.ts. */
import { CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { buildProgram, exitCodeOf } from './program.js';

/** The exit code for a failure, after saying what it was in one line where a person can act on it. */
async function failureCode(err: unknown): Promise<number> {
  if (err instanceof CommanderError) return exitCodeOf(err);
  if (err instanceof UsageError) {
    console.error(`folio: ${err.message}`);
    return exitCodes.usage;
  }
  if (err instanceof ConfigError) {
    console.error(`folio: invalid configuration: ${err.message}`);
    return exitCodes.usage;
  }
  // The store (Kysely and the drivers) is imported here rather than at the top, so that help and
  // usage mistakes answer without loading it; a command that threw this one has loaded it already.
  const { SchemaTooNewError } = await import('../store/index.js');
  if (err instanceof SchemaTooNewError) {
    console.error(`folio: ${err.message}`);
    return exitCodes.usage;
  }
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`folio: invalid configuration: PORT: the port is already in use`);
    return exitCodes.usage;
  }
  console.error(err);
  return exitCodes.failure;
}

const program = buildProgram();
const args = process.argv.slice(2);
// Bare `folio` shows what there is to do; it is not a mistake.
if (args.length === 0) {
  program.outputHelp();
  process.exit(exitCodes.ok);
}
program.parseAsync(process.argv).then(
  () => {
    // `serve` keeps running; every other command is done.
    if (args[0] !== 'serve') process.exit(typeof process.exitCode === 'number' ? process.exitCode : exitCodes.ok);
  },
  async (err: unknown) => process.exit(await failureCode(err)),
);
