/** Scheduled action records → Contentful's ScheduledAction shape. */
import type { ScheduledActionRecord } from '../store/index.js';

import { link } from '../contentful/index.js';

export function scheduledActionJson(a: ScheduledActionRecord) {
  return {
    sys: {
      id: a.id,
      type: 'ScheduledAction',
      version: a.version,
      space: link('Space', a.spaceId),
      status: a.status,
      createdAt: a.createdAt,
      createdBy: link('User', a.createdBy),
      updatedAt: a.updatedAt,
      updatedBy: link('User', a.updatedBy),
      ...(a.canceledAt ? { canceledAt: a.canceledAt, canceledBy: link('User', a.canceledBy ?? a.updatedBy) } : {}),
    },
    action: a.action,
    entity: link(a.entityType, a.entityId),
    environment: link('Environment', a.environmentId),
    scheduledFor: { datetime: a.scheduledFor, ...(a.timezone ? { timezone: a.timezone } : {}) },
    ...(a.payload ? { payload: a.payload } : {}),
    ...(a.error ? { error: a.error } : {}),
  };
}
