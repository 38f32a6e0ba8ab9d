#!/usr/bin/env node
/** The `folio` command. `folio serve` is what `npm start` runs. */
import { ConfigError, loadConfig } from '../config/index.js';
import { startFolio } from '../server/start.js';
import { parseArgs } from 'node:util';
import { tokenBanner } from './token-banner.js';
import { backupCommand, exportCommand, importCommand, restoreCommand } from './transfer.js';
import { tokenCreate, userAdd, usersUsage, UsageError } from './users.js';

const usage = `Usage: folio <command>

Commands:
  serve    start Folio (configuration from environment variables; see README)
${usersUsage}`;

async function serve(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const folio = await startFolio(config, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  if (folio.generatedTokens.length > 0) process.stdout.write(tokenBanner(config, folio.generatedTokens));
  process.stdout.write(
    `Folio is serving ${config.publicUrl} (listening on ${folio.url}; data in ${config.databaseUrl ? 'PostgreSQL' : config.sqlitePath}` +
      `${folio.demoLoaded ? '; demo content loaded' : ''}) — ready in ${Math.round(performance.now() - t0)} ms\n`,
  );
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    folio.app.log.info({ signal }, 'shutting down');
    folio.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function main(argv: string[]): Promise<number | undefined> {
  const [command] = argv;
  if (command === 'serve') {
    await serve();
    return undefined;
  }
  if (command === 'user' && argv[1] === 'add') return userAdd(argv.slice(2)).then(() => 0);
  if (command === 'token' && argv[1] === 'create') return tokenCreate(argv.slice(2)).then(() => 0);
  if (command === 'import') {
    const { values, positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, options: { 'assets-dir': { type: 'string' }, environment: { type: 'string' } } });
    if (positionals.length !== 1) throw new UsageError('folio import FILE [--assets-dir DIR] [--environment E]');
    return importCommand(positionals[0]!, { ...(values['assets-dir'] ? { assetsDir: values['assets-dir'] } : {}), ...(values.environment ? { environment: values.environment } : {}) });
  }
  if (command === 'export') {
    const { values } = parseArgs({ args: argv.slice(1), options: { environment: { type: 'string' }, out: { type: 'string' }, 'download-assets': { type: 'boolean' }, 'include-drafts': { type: 'boolean' }, 'include-archived': { type: 'boolean' } } });
    return exportCommand({ ...(values.environment ? { environment: values.environment } : {}), ...(values.out ? { out: values.out } : {}), downloadAssets: values['download-assets'] === true, includeDrafts: values['include-drafts'] === true, includeArchived: values['include-archived'] === true });
  }
  if (command === 'backup') {
    const { values } = parseArgs({ args: argv.slice(1), options: { out: { type: 'string' } } });
    if (!values.out) throw new UsageError('folio backup --out DIR');
    return backupCommand({ out: values.out });
  }
  if (command === 'restore') {
    const { positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('folio restore DIR');
    return restoreCommand(positionals[0]!);
  }
  console.error(command === undefined || command === 'help' || command === '--help' ? usage : `Unknown command "${command}"\n\n${usage}`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`folio: ${(err as Error).message}`);
      process.exit(2);
    }
    if (err instanceof ConfigError) {
      console.error(`folio: invalid configuration: ${err.message}`);
      process.exit(2);
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`folio: invalid configuration: PORT: the port is already in use`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
