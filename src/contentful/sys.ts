/**
 * Contentful's sys objects. The Management API's (also webhook bodies) carries the whole
 * history; tombstones (`DeletedEntry` …) are what Sync and webhooks report for a removal.
 */
import type { Scope, VersionedSys } from '../store/types.js';
import { environmentLink, link, spaceLink, userLink } from './links.js';

/** Drops undefined and null keys: Contentful leaves absent facts out. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The CMA sys: version counts every write; publishedVersion/publishedAt/publishedBy only while
 * published; archivedAt/archivedVersion/archivedBy only while archived.
 */
export function versionedSys(scope: Scope, type: string, sys: VersionedSys) {
  const published = sys.publishedVersion !== null;
  return compact({
    space: spaceLink(scope.spaceId),
    id: sys.id,
    type,
    createdAt: sys.createdAt,
    updatedAt: sys.updatedAt,
    environment: environmentLink(scope.environmentId),
    createdBy: userLink(sys.createdBy),
    updatedBy: userLink(sys.updatedBy),
    publishedVersion: published ? sys.publishedVersion : undefined,
    publishedAt: published ? sys.publishedAt : undefined,
    publishedBy: published ? userLink(sys.publishedBy) : undefined,
    firstPublishedAt: sys.firstPublishedAt,
    publishedCounter: sys.publishedCounter,
    version: sys.version,
    archivedAt: sys.archivedAt,
    archivedVersion: sys.archivedAt ? sys.archivedVersion : undefined,
    archivedBy: sys.archivedAt ? userLink(sys.archivedBy) : undefined,
  });
}

/** The sys of a removed entry, asset or content type, as readers last saw it. */
export function deletedSys(
  scope: Scope,
  type: 'Entry' | 'Asset' | 'ContentType',
  sys: Pick<VersionedSys, 'id' | 'publishedCounter' | 'createdAt'> & { contentTypeId?: string | null },
  deletedAt: string,
) {
  return {
    type: `Deleted${type}`,
    id: sys.id,
    space: spaceLink(scope.spaceId),
    environment: environmentLink(scope.environmentId),
    ...(sys.contentTypeId ? { contentType: link('ContentType', sys.contentTypeId) } : {}),
    revision: sys.publishedCounter,
    createdAt: sys.createdAt,
    updatedAt: deletedAt,
    deletedAt,
  };
}
