/** Scheduling publish and unpublish of an article, through src/scheduling's operations. */
import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { isFolioError } from '../../errors/index.js';
import { isPastTimeError, isScheduleDateTime, validTimezone } from '../../scheduling/index.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { actorOf, formString } from '../http.js';
import * as ops from '../operations.js';
import { utcTime } from '../views/history.js';
import type { EditPage } from './articles.js';

/** What the datetime-local input sends: no zone; read as UTC when the script did not add one. */
const localInput = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/;

/** The chosen moment as UTC ISO, or a message saying what is wrong. */
export function scheduledTime(datetime: string, at: string): { iso: string; utcAssumed: boolean } | { problem: string } {
  if (datetime) {
    if (!isScheduleDateTime(datetime)) return { problem: 'The time could not be read. Choose a date and a time.' };
    return { iso: new Date(datetime).toISOString(), utcAssumed: false };
  }
  if (!at) return { problem: 'Choose a date and a time.' };
  if (!localInput.test(at) || Number.isNaN(Date.parse(`${at}Z`))) return { problem: 'Enter the date and time like 2026-03-31T09:00.' };
  return { iso: new Date(`${at}Z`).toISOString(), utcAssumed: true };
}

/** Registered by articleRoutes, which hands over its edit page for answering refusals. */
export async function scheduleRoutes(app: FastifyInstance, opts: { context: AdminContext; editPage: EditPage }) {
  const { context: ctx, editPage } = opts;

  app.post<{ Params: { id: string } }>('/admin/articles/:id/schedule', async (request, reply) => {
    const actor = actorOf(request);
    const { id } = request.params;
    const entry = await ops.getArticle(ctx, actor, id);
    // Refuse before reading the form: whoever may not schedule hears that, not a form problem.
    assertCan(actor, 'schedule');
    const action = formString(request.body, 'action');
    const at = formString(request.body, 'at').trim();
    const time = scheduledTime(formString(request.body, 'datetime').trim(), at);
    const refuse = (message: string) => editPage(request, reply, entry, { problems: [{ field: 'scheduleAt', message }], scheduleAt: at, status: 422 });
    if (!is.oneOf(action, ['publish', 'unpublish'] as const)) return refuse('Choose “Schedule publish” or “Schedule unpublish”.');
    if ('problem' in time) return refuse(time.problem);
    const zone = formString(request.body, 'timezone');
    try {
      await ops.scheduleChange(ctx, actor, id, { action, scheduledFor: time.iso, timezone: zone && validTimezone(zone) ? zone : null });
    } catch (err) {
      if (isPastTimeError(err)) {
        return refuse(`That time has already passed (${utcTime(time.iso)}${time.utcAssumed ? ', read as UTC' : ''}). Choose a time in the future.`);
      }
      throw err;
    }
    return reply.redirect(`/admin/articles/${id}?done=scheduled#schedule`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/schedule/cancel', async (request, reply) => {
    const actor = actorOf(request);
    const { id } = request.params;
    const entry = await ops.getArticle(ctx, actor, id);
    try {
      await ops.cancelChange(ctx, actor, id, formString(request.body, 'actionId'));
    } catch (err) {
      // It ran or was cancelled between loading the page and pressing Cancel.
      if (isFolioError(err) && err.code === 'BAD_REQUEST') return editPage(request, reply, entry, { notice: 'That change can no longer be cancelled: it has already run or was cancelled.', status: 409 });
      throw err;
    }
    return reply.redirect(`/admin/articles/${id}?done=canceled#schedule`, 303);
  });

  /** Opens the draft on the hub through a fresh signed link. */
  app.get<{ Params: { id: string } }>('/admin/articles/:id/preview', async (request, reply) => {
    const url = await ops.previewLink(ctx, actorOf(request), request.params.id);
    return reply.header('cache-control', 'no-store').redirect(url, 303);
  });
}
