/** `folio serve` from the build, in a child process, as an operator runs it. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves when `text` has been printed; rejects if the process exits first. */
  waitFor(text: string | RegExp): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** `cli`: another build's main.js (scripts compare builds); this one's by default. */
export function startServe(env: Record<string, string>, cli = cliPath): ServeProcess {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers of bench:cluster (as bench/support.ts does bench's).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve'], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const seen = (text: string | RegExp) => (typeof text === 'string' ? out.includes(text) : text.test(out));
  return {
    child,
    output: () => out,
    exited,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (seen(text)) return resolve();
        const check = () => {
          if (!seen(text)) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void exited.then((code) => {
          if (listeners.delete(check)) reject(new Error(`folio serve exited (${code}) before printing ${text}: ${out}`));
        });
      }),
  };
}

/** `folio serve`, once it is ready to answer. */
export async function startReady(env: Record<string, string>): Promise<ServeProcess> {
  const serve = startServe(env);
  await serve.waitFor('ready in');
  return serve;
}

/** kill -9, as a crash: no shutdown runs. Resolves when the process is gone. */
export async function killServe(serve: ServeProcess): Promise<void> {
  if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
  await serve.exited;
}
