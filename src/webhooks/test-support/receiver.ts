/** A real HTTP server on loopback that records webhook calls and answers as a test tells it. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: unknown;
}

/** The status to answer; a promise holds the request open until it settles (a slow receiver). */
export type Answer = (call: ReceivedCall, index: number) => number | Promise<number>;

export interface Receiver {
  url: string;
  calls: ReceivedCall[];
  answer: Answer;
  /** Resolves once some recorded calls satisfy `done` (the test's timeout bounds the wait). */
  until(done: (calls: ReceivedCall[]) => boolean): Promise<ReceivedCall[]>;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer = () => 200): Promise<Receiver> {
  const calls: ReceivedCall[] = [];
  const waiters: Array<() => void> = [];
  const receiver = { calls, answer } as Receiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const call = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      const status = receiver.answer(call, calls.length);
      calls.push(call);
      for (const wake of waiters.splice(0)) wake();
      void Promise.resolve(status).then((code) => {
        if (!res.destroyed) res.writeHead(code, { 'content-type': 'text/plain' }).end(`answered ${code}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.until = async (done) => {
    while (!done(calls)) await new Promise<void>((resolve) => waiters.push(resolve));
    return calls;
  };
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
