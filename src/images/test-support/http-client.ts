/**
 * Plain HTTP GETs for the queue tests: from a chosen loopback address (another client, as the
 * server sees it), and with the socket closable mid-request (a client that gives up).
 */
import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface PendingGet {
  answer: Promise<Answer>;
  /** Closes the connection, as a browser does when the user leaves the page. */
  close(): void;
}

/** A GET on a fresh connection from `localAddress` (any 127.x.y.z works on Linux loopback). */
export function get(url: string, localAddress = '127.0.0.1'): PendingGet {
  const request = http.get(url, { localAddress, agent: false });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
  });
  return {
    answer,
    close: () => {
      answer.catch(() => {});
      request.destroy();
    },
  };
}
