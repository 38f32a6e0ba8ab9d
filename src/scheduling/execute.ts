/**
 * What a due scheduled action does, through the content operations (never the store's writes
 * directly), so publishing on schedule applies the same validation as publishing by hand.
 * The only place scheduling calls src/content and src/assets.
 */
import { publishAsset } from '../assets/index.js';
import { publishEntry, unpublishAsset, unpublishEntry } from '../content/index.js';
import type { ScheduledActionRecord, Store } from '../store/index.js';

export async function executeScheduledAction(tx: Store, action: ScheduledActionRecord): Promise<void> {
  const scope = { spaceId: action.spaceId, environmentId: action.environmentId };
  if (action.entityType === 'Entry') {
    if (action.action === 'publish') await publishEntry(tx, scope, action.entityId);
    else await unpublishEntry(tx, scope, action.entityId);
  } else if (action.action === 'publish') {
    await publishAsset(tx, scope, action.entityId);
  } else {
    await unpublishAsset(tx, scope, action.entityId);
  }
}
