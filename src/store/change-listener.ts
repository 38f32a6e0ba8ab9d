/**
 * One PostgreSQL connection per process and database that LISTENs for the change counter's
 * NOTIFY (migration 0022) and announces other servers' commits to this process's readers, as
 * its own commits are. While it is down, readers fall back to polling (ContentVersion); when it
 * is back, one announcement makes them read again whatever was missed in between.
 */
import type Pg from 'pg';
import { loadPg } from './dialect.js';
import { changeChannel } from './migrations/0022_change_notices.js';
import { announceWrite, setHearingOthers } from './write-notices.js';

/** Wait before connecting again after the connection was lost or refused. */
const reconnectMs = 1000;

interface Listener {
  users: number;
  client: Pg.Client | undefined;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
}

const listeners = new Map<string, Listener>();

function connect(pg: typeof Pg, url: string, database: string, listener: Listener): void {
  const client = new pg.Client({ connectionString: url, application_name: 'folio-listen' });
  listener.client = client;
  const lost = () => {
    if (listener.client !== client) return;
    listener.client = undefined;
    setHearingOthers(database, false);
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (listener.closed) return;
    listener.timer = setTimeout(() => connect(pg, url, database, listener), reconnectMs);
    listener.timer.unref();
  };
  client.on('error', lost);
  client.on('end', lost);
  client.on('notification', (message) => {
    if (message.channel === changeChannel) announceWrite(database);
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${changeChannel}`))
    .then(() => {
      if (listener.client !== client) return;
      setHearingOthers(database, true);
      // Commits made while nobody listened were not heard: read the counter again now.
      announceWrite(database);
    }, lost);
}

/** Starts (or shares) the listener for `database`; the returned function stops this use of it. */
export async function listenForChanges(url: string, database: string): Promise<() => Promise<void>> {
  const pg = await loadPg();
  let listener = listeners.get(database);
  if (!listener) {
    listener = { users: 0, client: undefined, timer: undefined, closed: false };
    listeners.set(database, listener);
    connect(pg, url, database, listener);
  }
  listener.users += 1;
  const shared = listener;
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    shared.users -= 1;
    if (shared.users > 0) return;
    shared.closed = true;
    listeners.delete(database);
    if (shared.timer) clearTimeout(shared.timer);
    setHearingOthers(database, false);
    const client = shared.client;
    shared.client = undefined;
    await client?.end().catch(() => undefined);
  };
}
