/**
 * Runs due scheduled actions. Each runs in one transaction that first moves the action from
 * scheduled to succeeded (a guarded UPDATE: on PostgreSQL a second server's claim waits for the
 * row and then finds it no longer scheduled) and then publishes or unpublishes; both commit
 * together or not at all, so an action fires exactly once and a crash midway leaves it scheduled.
 * A refused operation (validation, missing entity) marks the action failed with the error.
 */
import { isFolioError, type FolioError } from '../errors/index.js';
import type { Json, ScheduledActionRecord, Store } from '../store/index.js';
import { Poller } from '../webhooks/index.js';
import { executeScheduledAction } from './execute.js';

export interface SchedulerOptions {
  pollIntervalMs: number;
  /** Called after a round that ran something (the server wakes the webhook dispatcher). */
  afterRun?: () => void;
}

export const schedulerDefaults: SchedulerOptions = { pollIntervalMs: 1000 };

const errorJson = (err: FolioError): Json =>
  ({ sys: { type: 'Error', id: err.id }, message: err.message, ...(err.details ? { details: err.details } : {}) }) as Json;

export interface Scheduler {
  start(): void;
  stop(): Promise<void>;
  /** Runs what is due now; true when more may be due. */
  runOnce(): Promise<boolean>;
}

export function createScheduler(store: Store, options: SchedulerOptions, log: { error(obj: unknown, msg: string): void } = { error: () => {} }): Scheduler {
  const batch = 20;

  async function run(action: ScheduledActionRecord): Promise<void> {
    try {
      await store.transaction(async (tx) => {
        if (!(await tx.scheduledActions.finish(action.spaceId, action.id, 'succeeded'))) return;
        await executeScheduledAction(tx, action);
      });
    } catch (err) {
      // Anything else (the database gone away) leaves it scheduled for the next round.
      if (!isFolioError(err)) return log.error({ err, scheduledAction: action.id }, 'scheduled action could not run; will retry');
      await store.scheduledActions.finish(action.spaceId, action.id, 'failed', errorJson(err));
    }
  }

  const runOnce = async () => {
    const due = await store.scheduledActions.listDue(new Date().toISOString(), batch);
    for (const action of due) await run(action);
    if (due.length > 0) options.afterRun?.();
    return due.length === batch;
  };

  const poller = new Poller(runOnce, options.pollIntervalMs, (err) => log.error({ err }, 'scheduled actions round failed'));
  return { start: () => poller.start(), stop: () => poller.stop(), runOnce };
}
