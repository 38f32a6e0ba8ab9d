/**
 * Turns outbox events into webhook calls and makes them. Both steps go through the database:
 * events become queued calls in one transaction, and calls are leased before they are sent, so
 * a restart loses nothing and several servers on one PostgreSQL share the work without sending
 * a call twice. A failed call is retried with exponential backoff and jitter. Calls run side
 * by side, each started as soon as a slot is free, at most `perWebhook` to one webhook: a
 * receiver that hangs holds only its own slots until its timeout, never the others' calls.
 */
import type { Store, WebhookCallRecord, WebhookCallState } from '../store/index.js';
import { attemptCall, type AttemptOutcome } from './attempt.js';
import { filtersMatch } from './filters.js';
import { webhookPayload } from './payload.js';
import { Poller } from './poller.js';
import { topicMatches } from './topics.js';

export interface DispatcherOptions {
  /** Base of asset file URLs in payloads. */
  publicUrl: string;
  /** How often to look for new events and due calls when nothing woke the dispatcher. */
  pollIntervalMs: number;
  /** Per attempt. */
  timeoutMs: number;
  /**
   * How long a claimed call stays reserved to this server (default: the timeout + 30 s, room to
   * record the outcome). A server that dies mid-call leaves it to the others after this.
   */
  leaseMs?: number | undefined;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the 2nd attempt; doubled for each further one, up to backoffMaxMs; ±jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Calls in flight at once, from this server. */
  concurrency: number;
  /** Of those, to one webhook. */
  perWebhook: number;
  /** Dispatched events, finished calls and logged attempts are deleted after this many days. */
  retentionDays: number;
  /** FOLIO_WEBHOOK_ALLOW_PRIVATE: receivers on private networks may be called (target.ts). */
  allowPrivateTargets: boolean;
}

export const dispatcherDefaults: Omit<DispatcherOptions, 'publicUrl'> = {
  pollIntervalMs: 1000,
  timeoutMs: 10_000,
  maxAttempts: 7,
  backoffBaseMs: 15_000,
  backoffMaxMs: 3_600_000,
  concurrency: 16,
  perWebhook: 4,
  retentionDays: 30,
  allowPrivateTargets: false,
};

/** Half the exponential delay fixed, half random ("equal jitter"): spread out, never immediate. */
export function backoffDelay(attempt: number, base: number, max: number, random = Math.random): number {
  const delay = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round(delay / 2 + random() * (delay / 2));
}

export interface Dispatcher {
  start(): void;
  /** Look now (after a local write) instead of at the next poll. */
  wake(): void;
  stop(): Promise<void>;
  /** One round: queue calls for new events, make the due calls, and wait for them. True when more is waiting. */
  runOnce(): Promise<boolean>;
}

export function createDispatcher(
  store: Store,
  options: DispatcherOptions,
  log: { error(obj: unknown, msg: string): void } = { error: () => {} },
): Dispatcher {
  const eventBatch = 100;

  async function queueCalls(): Promise<boolean> {
    return store.transaction(async (tx) => {
      const events = await tx.outbox.takeUndispatched(eventBatch);
      if (events.length === 0) return false;
      const hooks = await tx.webhooks.listActive();
      const calls = events.flatMap((event) => {
        const candidates = hooks.filter((h) => h.spaceId === event.spaceId && topicMatches(h.topics, event.topic));
        if (candidates.length === 0) return [];
        const payload = webhookPayload(event, options.publicUrl);
        const body = JSON.stringify(payload);
        return candidates
          .filter((h) => filtersMatch(h.filters, payload))
          .map((h) => ({ spaceId: event.spaceId, webhookId: h.id, eventSeq: event.seq, topic: event.topic, body }));
      });
      await tx.webhooks.enqueueCalls(calls);
      return events.length === eventBatch;
    });
  }

  async function makeCall(call: WebhookCallRecord): Promise<void> {
    const hook = await store.webhooks.get(call.spaceId, call.webhookId);
    // Deleting a webhook deletes its calls; one leased just before has nowhere to go.
    if (!hook) return;
    const outcome = hook.active ? await attemptCall(hook, call, options.timeoutMs, { allowPrivate: options.allowPrivateTargets }) : inactive(hook.url);
    let state: WebhookCallState = 'pending';
    let nextAttemptAt = outcome.responseAt;
    if (outcome.ok) state = 'succeeded';
    else if (!outcome.retryable || call.attempts >= options.maxAttempts) state = 'failed';
    else nextAttemptAt = new Date(Date.now() + backoffDelay(call.attempts, options.backoffBaseMs, options.backoffMaxMs)).toISOString();
    const { request, response, statusCode, errors, requestAt, responseAt } = outcome;
    await store.webhooks.finishAttempt(
      { id: call.id, leaseId: call.leaseId! },
      { state, nextAttemptAt },
      { spaceId: call.spaceId, webhookId: call.webhookId, callId: call.id, attempt: call.attempts, topic: call.topic, url: hook.url, statusCode, errors, request, response, requestAt, responseAt },
    );
  }

  /** A call left over from before the webhook was switched off is dropped, with a reason in the log. */
  function inactive(url: string): AttemptOutcome {
    const at = new Date().toISOString();
    return { statusCode: 0, errors: ['WebhookInactive'], request: { url, method: 'POST', headers: {}, body: '' }, response: null, requestAt: at, responseAt: at, ok: false, retryable: false };
  }

  /** Calls in flight, and how many of them go to each webhook. */
  const inFlight = new Set<Promise<void>>();
  const perWebhook = new Map<string, number>();
  let poller: Poller | undefined;

  function start(call: WebhookCallRecord): void {
    perWebhook.set(call.webhookId, (perWebhook.get(call.webhookId) ?? 0) + 1);
    const running: Promise<void> = makeCall(call)
      .catch((err: unknown) => log.error({ err }, 'webhook call could not be recorded'))
      .finally(() => {
        inFlight.delete(running);
        const left = (perWebhook.get(call.webhookId) ?? 1) - 1;
        if (left > 0) perWebhook.set(call.webhookId, left);
        else perWebhook.delete(call.webhookId);
        // A slot is free: take the next due call now rather than at the next poll.
        poller?.wake();
      });
    inFlight.add(running);
  }

  /** Starts due calls in the free slots without waiting for them; true when more may be due. */
  async function makeDueCalls(): Promise<boolean> {
    const free = options.concurrency - inFlight.size;
    if (free <= 0) return false;
    const busy = [...perWebhook].filter(([, n]) => n >= options.perWebhook).map(([id]) => id);
    // Any webhook's calls in one claim fit in its free slots, so none gets more than its share.
    const mostBusy = Math.max(0, ...[...perWebhook.values()].filter((n) => n < options.perWebhook));
    const limit = Math.min(free, options.perWebhook - mostBusy);
    // The lease outlives the attempt's timeout, so no other server takes the call meanwhile.
    const calls = await store.webhooks.claimDue(new Date().toISOString(), limit, options.leaseMs ?? options.timeoutMs + 30_000, busy);
    for (const call of calls) start(call);
    return calls.length === limit;
  }

  const pruneEveryMs = 3_600_000;
  let prunedAt = 0;
  async function prune(): Promise<void> {
    if (Date.now() - prunedAt < pruneEveryMs) return;
    prunedAt = Date.now();
    const before = new Date(Date.now() - options.retentionDays * 86_400_000).toISOString();
    await store.outbox.prune(before);
    await store.webhooks.prune(before);
  }

  const round = async () => {
    await prune();
    const moreEvents = await queueCalls();
    const moreCalls = await makeDueCalls();
    return moreEvents || moreCalls;
  };
  const settled = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
  };

  poller = new Poller(round, options.pollIntervalMs, (err) => log.error({ err }, 'webhook dispatcher round failed'));
  const running = poller;
  return {
    start: () => running.start(),
    wake: () => running.wake(),
    stop: async () => {
      await running.stop();
      await settled();
    },
    runOnce: async () => {
      const more = await round();
      await settled();
      return more;
    },
  };
}
