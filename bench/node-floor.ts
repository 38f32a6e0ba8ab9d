/**
 * Node's own floor for a warm answer: bare `node:http` sending the bytes and the very header
 * block Folio sent (read from a manifest the bench writes), with a fresh request id per answer
 * as Folio's fast path makes. Folio's warm answers are replayed in front of all routing, so the
 * distance between this and nginx is what Node's HTTP stack costs, and the distance between
 * Folio and this is what Folio adds. Run by bench/run.ts as its own process:
 *   tsx bench/node-floor.ts <manifest.json> <port>
 * The manifest maps a path (with its query) and the request's Accept-Encoding to a body file and
 * a flat header list.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

export interface FloorAnswer {
  path: string;
  /** The Accept-Encoding header the answer is for ('' for none). */
  acceptEncoding: string;
  bodyFile: string;
  /** Names and values, flat, as Folio sent them; the request id is replaced per answer. */
  headers: string[];
}

const [manifestFile, port] = process.argv.slice(2);
if (!manifestFile || !port) throw new Error('usage: node-floor.ts <manifest.json> <port>');
const answers = new Map<string, { headers: string[]; body: Buffer; idAt: number }>();
for (const a of JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as FloorAnswer[]) {
  answers.set(`${a.path}\n${a.acceptEncoding}`, { headers: a.headers, body: fs.readFileSync(a.bodyFile), idAt: a.headers.indexOf('x-contentful-request-id') + 1 });
}

http
  .createServer((req, res) => {
    const kept = answers.get(`${req.url}\n${req.headers['accept-encoding'] ?? ''}`);
    if (!kept) {
      res.writeHead(404).end();
      return;
    }
    const headers = kept.headers.slice();
    if (kept.idAt > 0) headers[kept.idAt] = randomUUID();
    res.writeHead(200, headers);
    res.end(kept.body);
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => process.exit(0));
