/**
 * What a due scheduled action does, through the content operations (never the store's writes
 * directly), so publishing on schedule applies the same validation as publishing by hand.
 * The only place scheduling calls src/content. The runner acts for Folio: the permission was
 * checked when the action was scheduled, so it passes the system actor by name.
 */
import { systemActor } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import { applyBulkEntity, applyHeldEntry, publishAsset, publishEntry, releaseEntities, resolveLinks, unpublishAsset, unpublishEntry } from '../content/index.js';
import type { ScheduledActionRecord, Store } from '../store/index.js';
import type { Scope, VersionedSys } from '../store/types.js';

/** How far `withReferences` follows links, as Contentful's publish with references does. */
const referenceDepth = 10;

/** A draft that differs from what is published (or was never published). */
const changed = (sys: VersionedSys) => sys.publishedVersion === null || sys.version > sys.publishedVersion + 1;

/** `payload.withReferences`: publish what the entry links to, of the kinds named, before the entry itself. */
async function publishReferences(tx: Store, scope: Scope, action: ScheduledActionRecord) {
  const kinds = (action.payload as { withReferences?: Record<string, string[]> } | null)?.withReferences;
  if (!kinds || action.entityType !== 'Entry') return;
  const root = await tx.entries.get(scope, action.entityId);
  if (!root) return;
  const linked = await resolveLinks(tx, scope, [root], { depth: referenceDepth, published: false });
  linked.entries.delete(root.sys.id);
  if (kinds.Asset?.includes('publish')) {
    for (const asset of linked.assets.values()) if (changed(asset.sys) && !asset.sys.archivedAt) await publishAsset(tx, scope, { id: asset.sys.id }, systemActor);
  }
  if (kinds.Entry?.includes('publish')) {
    for (const entry of linked.entries.values()) if (changed(entry.sys) && !entry.sys.archivedAt) await publishEntry(tx, scope, { id: entry.sys.id }, systemActor);
  }
}

/**
 * A release on schedule: every entity in the runner's transaction, so the first failure rolls
 * all of it back and the scheduled action records that error (readers never see half of it).
 */
async function runRelease(tx: Store, scope: Scope, action: ScheduledActionRecord) {
  const release = await tx.documents.get(scope, 'Release', action.entityId);
  if (!release) throw new FolioError('BAD_REQUEST', 'The resource could not be found.', { details: { type: 'Release', id: action.entityId } });
  if (release.body.status === 'archived') throw new FolioError('BAD_REQUEST', `Release "${action.entityId}" is archived`);
  for (const entity of releaseEntities(release)) {
    // A scheduled publish writes the fields the release holds first, as a publish by hand does.
    if (action.action === 'publish' && entity.linkType === 'Entry') await applyHeldEntry(tx, scope, release.id, entity.id, systemActor);
    await applyBulkEntity(tx, scope, action.action, entity, systemActor);
  }
}

export async function executeScheduledAction(tx: Store, action: ScheduledActionRecord): Promise<void> {
  const scope = { spaceId: action.spaceId, environmentId: action.environmentId };
  if (action.entityType === 'Release') return runRelease(tx, scope, action);
  if (action.action === 'publish') await publishReferences(tx, scope, action);
  if (action.entityType === 'Entry') {
    if (action.action === 'publish') await publishEntry(tx, scope, { id: action.entityId }, systemActor);
    else await unpublishEntry(tx, scope, { id: action.entityId }, systemActor);
  } else if (action.action === 'publish') {
    await publishAsset(tx, scope, { id: action.entityId }, systemActor);
  } else {
    await unpublishAsset(tx, scope, { id: action.entityId }, systemActor);
  }
}
