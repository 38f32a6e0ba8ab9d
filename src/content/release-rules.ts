/** What releases.ts and release-entries.ts both read of a release. */
import { FolioError } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { DocumentRecord, Json, Scope } from '../store/types.js';
import type { BulkEntity } from './bulk-actions.js';

export const linkJson = (e: BulkEntity): Json => ({ sys: { type: 'Link', linkType: e.linkType, id: e.id } });

export const entitiesOf = (doc: DocumentRecord): BulkEntity[] =>
  ((doc.body.entities ?? []) as Array<{ sys: { linkType: 'Entry' | 'Asset'; id: string } }>).map((l) => ({ linkType: l.sys.linkType, id: l.sys.id }));

export async function existingRelease(store: Store, scope: Scope, id: string): Promise<DocumentRecord> {
  const doc = await store.documents.get(scope, 'Release', id);
  if (!doc) throw new FolioError('NOT_FOUND', `Release "${id}" not found`, { details: { type: 'Release', id } });
  return doc;
}

export function assertActive(doc: DocumentRecord) {
  if (doc.body.status === 'archived') throw new FolioError('BAD_REQUEST', `Release "${doc.id}" is archived: unarchive it first`);
}
