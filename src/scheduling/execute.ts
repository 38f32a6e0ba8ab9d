/**
 * What a due scheduled action does, through the content operations (never the store's writes
 * directly), so publishing on schedule applies the same validation as publishing by hand.
 * The only place scheduling calls src/content. The runner acts for Folio: the permission was
 * checked when the action was scheduled, so it passes the system actor by name.
 */
import { systemActor } from '../auth/index.js';
import { publishAssetAs, publishEntry, unpublishAsset, unpublishEntry } from '../content/index.js';
import type { ScheduledActionRecord, Store } from '../store/index.js';

export async function executeScheduledAction(tx: Store, action: ScheduledActionRecord): Promise<void> {
  const scope = { spaceId: action.spaceId, environmentId: action.environmentId };
  if (action.entityType === 'Entry') {
    if (action.action === 'publish') await publishEntry(tx, scope, action.entityId, undefined, systemActor);
    else await unpublishEntry(tx, scope, action.entityId, undefined, systemActor);
  } else if (action.action === 'publish') {
    await publishAssetAs(tx, scope, action.entityId, undefined, systemActor);
  } else {
    await unpublishAsset(tx, scope, action.entityId, undefined, systemActor);
  }
}
