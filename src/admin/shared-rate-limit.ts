/**
 * The store of @fastify/rate-limit's per-address request limits (the account forms, sign-in
 * posts), counting in the database like the sign-in limiter, so with several servers an address
 * gets the configured limit in all, not the limit on each server. The routes limited are forms
 * people send by hand: one upsert per request costs nothing there.
 */
import type { Store } from '../store/index.js';
import { windowCounter, type WindowCounter } from './login-limiter.js';

type Answer = (err: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteLimit {
  routeInfo?: { method?: string | string[]; url?: string };
}

/** The class the plugin's `store` option takes: it makes one and asks it for a child per route. */
export function sharedRateLimitStore(store: Store) {
  const count = windowCounter(store);
  return class SharedRateLimitStore {
    readonly #route: string;
    readonly #count: WindowCounter = count;

    constructor(route: unknown = 'global') {
      this.#route = typeof route === 'string' ? route : 'global';
    }

    /** The plugin passes the route's merged limit options, with the route as `routeInfo` (its typings say otherwise). */
    child(limit: object): SharedRateLimitStore {
      const info = (limit as RouteLimit).routeInfo ?? {};
      return new SharedRateLimitStore(`${[info.method ?? ''].flat().join(',')} ${info.url ?? ''}`);
    }

    incr(key: string, done: Answer, timeWindow: number): void {
      const now = Date.now();
      // Apart from the sign-in limiter's keys: "rate <route> <address>".
      this.#count(`rate ${this.#route} ${key}`, timeWindow, now).then(
        ({ attempts, windowEnds }) => done(null, { current: attempts, ttl: windowEnds - now }),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
    }
  };
}
