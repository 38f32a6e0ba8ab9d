/**
 * `folio user add` and `folio token create`: manage people from the command line, against the
 * database the environment names (the same variables as `folio serve`). Passwords never come
 * from argv: stdin with --password-stdin, or a prompt that does not echo.
 */
import { createInterface } from 'node:readline';
import { addUser, createAccessToken, systemActor } from '../auth/index.js';
import { loadConfig } from '../config/index.js';
import { isFolioError } from '../errors/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { UsageError } from './exit-codes.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    // Echo the question, not what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
      if (s.startsWith(question)) write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function password(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask for the password: pipe it in with --password-stdin');
  const first = await prompt('Password: ');
  const again = await prompt('Repeat password: ');
  if (first !== again) throw new UsageError('the passwords differ');
  return first;
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Commander makes these options required; an empty value is refused here. */
const nonEmpty = (value: string, name: string): string => {
  if (value.trim() === '') throw new UsageError(`--${name} must not be empty`);
  return value;
};

export interface UserAddOptions {
  email: string;
  name: string;
  role: string;
  passwordStdin?: boolean;
}

export async function userAdd(options: UserAddOptions): Promise<void> {
  const input = { email: nonEmpty(options.email, 'email'), name: nonEmpty(options.name, 'name'), role: nonEmpty(options.role, 'role') };
  const pw = await password(options.passwordStdin === true);
  await withStore(async (store) => {
    try {
      const user = await addUser(store, systemActor, { ...input, password: pw });
      process.stdout.write(`Added ${user.role} ${user.email} (${user.name}).\n`);
    } catch (err) {
      if (isFolioError(err) && err.code === 'VALIDATION_FAILED') throw new UsageError(err.message);
      throw err;
    }
  });
}

export interface TokenCreateOptions {
  email: string;
  name: string;
  expiresDays?: string;
}

export async function tokenCreate(options: TokenCreateOptions): Promise<void> {
  const email = nonEmpty(options.email, 'email');
  const name = nonEmpty(options.name, 'name').trim();
  const days = options.expiresDays;
  if (days !== undefined && !/^[1-9]\d{0,4}$/.test(days)) throw new UsageError(`--expires-days: expected a whole number of days but got "${days}"`);
  await withStore(async (store) => {
    const user = await store.users.findByEmail(email);
    if (!user) throw new UsageError(`there is no user with the e-mail ${email}`);
    const expiresAt = days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : null;
    const { token } = await createAccessToken(store, user.id, { name, expiresAt });
    process.stderr.write(`Token "${name}" for ${user.email} (${user.role})${expiresAt ? `, expires ${expiresAt.slice(0, 10)}` : ''}. It is shown only now:\n`);
    process.stdout.write(`${token}\n`);
  });
}
