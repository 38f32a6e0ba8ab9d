/**
 * The `folio` command line, on commander: every command and subcommand has --help, the program
 * has --version, and every way out has a documented exit code (exit-codes.ts, README). Commands
 * load their code when they run, so help and mistakes answer without loading the server.
 */
import { Command, CommanderError, Option } from 'commander';
import { exitCodes } from './exit-codes.js';
import type { ExportCommandOptions, ImportCommandOptions } from './transfer.js';
import type { TokenCreateOptions, UserAddOptions } from './users.js';
import { version } from './version.js';

const roles = ['admin', 'editor', 'author', 'viewer'];

const exitCodesHelp = `
Exit codes:
  0  done (also after --help, --version, and a clean shutdown on SIGTERM or SIGINT)
  1  unexpected failure (database or file store failed; shutdown outlasted FOLIO_SHUTDOWN_TIMEOUT)
  2  usage or configuration error (unknown command or option, missing option, bad environment
     variable, port in use)`;

/** Commander's own exits (help, version, usage errors), as Folio's codes. */
export function exitCodeOf(err: CommanderError): number {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return exitCodes.ok;
  // Help shown because a command was incomplete (`folio user`): a usage error, like the rest.
  return err.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
}

export function buildProgram(): Command {
  const program = new Command('folio')
    .description("Folio: a self-hosted publishing platform that speaks Contentful's APIs.\nConfiguration comes from environment variables (see the README).")
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', exitCodesHelp)
    .showSuggestionAfterError()
    // Commander exits by throwing, so main() maps every way out to one of our codes.
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`folio: ${message.replace(/^error: /, '')}`) });

  program
    .command('serve')
    .description('start Folio: the hub, the APIs and the editor on one port (npm start)')
    .addHelpText('after', '\nSettings: PORT, HOST, FOLIO_DATA_DIR, DATABASE_URL, FOLIO_PUBLIC_URL, FOLIO_STORAGE … (README, "Configuration").\nSIGTERM: stop accepting, finish requests and jobs in flight, exit 0 within FOLIO_SHUTDOWN_TIMEOUT.')
    .action(async () => (await import('./serve.js')).serve());

  const user = program.command('user').description('manage the people who sign in to the editor');
  user
    .command('add')
    .description('add a user; the password is read from stdin (--password-stdin) or asked for without echo, never taken from arguments')
    .requiredOption('--email <e-mail>', 'their e-mail address, used to sign in')
    .requiredOption('--name <name>', 'their name as shown in the editor')
    .addOption(new Option('--role <role>', 'what they may do').choices(roles).makeOptionMandatory())
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: UserAddOptions) => (await import('./users.js')).userAdd(options));

  const token = program.command('token').description('manage personal access tokens for the Management API');
  token
    .command('create')
    .description("create a personal access token acting as a user; printed once on stdout")
    .requiredOption('--email <e-mail>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--expires-days <n>', 'days until it expires (default: never)')
    .action(async (options: TokenCreateOptions) => (await import('./users.js')).tokenCreate(options));

  program
    .command('import')
    .description("import a contentful-export file (and the asset files --download-assets wrote) into an environment; a second run changes nothing, a stopped one completes")
    .argument('<file>', 'the export file (JSON)')
    .option('--assets-dir <dir>', 'the folder holding the asset files, at their URL paths')
    .option('--environment <id>', 'the environment to import into', 'master')
    .addHelpText('after', '\nExit code 1 when some items could not be imported (each is listed on stderr; the rest is imported).')
    .action(async (file: string, options: ImportCommandOptions) => {
      process.exitCode = await (await import('./transfer.js')).importCommand(file, options);
    });

  program
    .command('export')
    .description("write an environment in contentful-export's format, optionally with its asset files")
    .option('--out <dir>', 'the folder to write into', '.')
    .option('--environment <id>', 'the environment to export', 'master')
    .option('--download-assets', 'also write every asset file, at its URL path below --out')
    .option('--include-drafts', 'also export entries and assets never published')
    .option('--include-archived', 'also export archived entries and assets')
    .action(async (options: ExportCommandOptions) => {
      process.exitCode = await (await import('./transfer.js')).exportCommand(options);
    });

  program
    .command('backup')
    .description('write a consistent backup of the whole database and its files into a new folder, while Folio keeps serving')
    .requiredOption('--out <dir>', 'the folder to create')
    .addHelpText('after', '\nExit code 1 when files the database names were missing from storage (the backup is still written).')
    .action(async (options: { out: string }) => {
      process.exitCode = await (await import('./transfer.js')).backupCommand(options);
    });

  program
    .command('restore')
    .description('restore a backup into an empty database (SQLite or PostgreSQL, whichever DATABASE_URL names)')
    .argument('<dir>', 'the backup folder')
    .action(async (dir: string) => {
      process.exitCode = await (await import('./transfer.js')).restoreCommand(dir);
    });

  return program;
}
