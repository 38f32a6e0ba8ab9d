/**
 * `folio` on commander: --help for every command and subcommand answers without doing the
 * command (`folio serve --help` used to start a server, `folio user --help` was an unknown
 * command), --version prints the package's version, and mistakes exit 2.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { cliPath } from '../support/serve-process.js';
import { makeDataDir } from './folio.js';

const folio = (args: string[]) =>
  spawnSync(process.execPath, [cliPath, ...args], { env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 20_000 });

/** Every command path, from the program itself, so a command added later is covered too. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

const paths = commandPaths(buildProgram());
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

describe('folio --help', () => {
  it('knows the documented commands', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['serve', 'user', 'user add', 'token', 'token create']));
  });

  it.each([[[]], ...paths.map((p) => [p])])('%j --help prints its usage and exits 0 without running it', (path) => {
    const result = folio([...path, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: ${['folio', ...path].join(' ')} [options]`);
    expect(result.stderr).toBe('');
    // As `… help <command>` too.
    if (path.length > 0) expect(folio([...path.slice(0, -1), 'help', path.at(-1)!]).stdout).toBe(result.stdout);
  });

  it('documents the exit codes', () => {
    expect(folio(['--help']).stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 /);
  });
});

describe('folio --version', () => {
  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = folio([flag]);
      expect([result.status, result.stdout]).toEqual([0, `${version}\n`]);
    }
  });
});

describe('folio: mistakes', () => {
  it.each([
    [['frob'], "unknown command 'frob'"],
    [['serve', '--frob'], "unknown option '--frob'"],
    [['user'], 'Usage: folio user'],
    [['user', 'add', '--email', 'a@example.com', '--name', 'A'], "required option '--role <role>' not specified"],
    [['user', 'add', '--email', 'a@example.com', '--name', 'A', '--role', 'owner', '--password-stdin'], 'Allowed choices are admin, editor, author, viewer'],
    [['token', 'create', '--email', 'a@example.com'], "required option '--name <name>' not specified"],
  ])('%j exits 2 saying %s', async (args, message) => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const result = spawnSync(process.execPath, [cliPath, ...args], { env: { ...process.env, FOLIO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
