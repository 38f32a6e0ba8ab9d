/** An entry's editorial status, from its sys, as the list and the editor show it. */
import type { VersionedSys } from '../store/types.js';

/**
 * 'scheduled' comes with the scheduling branch: its list of pending actions feeds `scheduled`
 * here, and everything else already shows it.
 */
export const statuses = ['draft', 'changed', 'published', 'archived', 'scheduled'] as const;
export type Status = (typeof statuses)[number];
/** What the list filters on today; 'scheduled' joins when the scheduling branch feeds statusOf. */
export const filterStatuses: readonly Status[] = ['draft', 'changed', 'published', 'archived'];

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
