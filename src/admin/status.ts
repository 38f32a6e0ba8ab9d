/** An entry's editorial status, from its sys, as the list and the editor show it. */
import type { VersionedSys } from '../store/types.js';

/** 'scheduled': a publish is scheduled for it (the caller reads that from src/scheduling). */
export const statuses = ['draft', 'changed', 'published', 'archived', 'scheduled'] as const;
export type Status = (typeof statuses)[number];
/** What the articles list filters on. */
export const filterStatuses: readonly Status[] = ['draft', 'changed', 'published', 'scheduled', 'archived'];

/** The store filters by the same rule in SQL (the `status` condition, src/store/query.ts): change both together. */
export function statusOf(sys: VersionedSys, extra: { scheduled?: boolean } = {}): Status {
  if (sys.archivedAt) return 'archived';
  if (extra.scheduled) return 'scheduled';
  if (sys.publishedVersion === null) return 'draft';
  // Publishing bumps the version once, so an untouched published entry is publishedVersion + 1.
  return sys.version > sys.publishedVersion + 1 ? 'changed' : 'published';
}

export const statusLabels: Record<Status, string> = {
  draft: 'Draft',
  changed: 'Changed',
  published: 'Published',
  archived: 'Archived',
  scheduled: 'Scheduled',
};
