/**
 * What a due scheduled action does, through the content operations (never the store's writes
 * directly), so publishing on schedule applies the same validation as publishing by hand.
 * The only place scheduling calls src/content. The runner acts for Folio: the permission was
 * checked when the action was scheduled, so it passes the system actor by name.
 */
import { systemActor } from '../auth/index.js';
import { publishAsset, publishEntry, unpublishAsset, unpublishEntry } from '../content/index.js';
import type { ScheduledActionRecord, Store } from '../store/index.js';

export async function executeScheduledAction(tx: Store, action: ScheduledActionRecord): Promise<void> {
  const scope = { spaceId: action.spaceId, environmentId: action.environmentId };
  if (action.entityType === 'Entry') {
    if (action.action === 'publish') await publishEntry(tx, scope, { id: action.entityId }, systemActor);
    else await unpublishEntry(tx, scope, { id: action.entityId }, systemActor);
  } else if (action.action === 'publish') {
    await publishAsset(tx, scope, { id: action.entityId }, systemActor);
  } else {
    await unpublishAsset(tx, scope, { id: action.entityId }, systemActor);
  }
}
