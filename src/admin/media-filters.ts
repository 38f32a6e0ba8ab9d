/**
 * The media library's search and filters: read from the query string (anything unknown is
 * ignored, never an error), turned into store conditions so the database filters and pages.
 */
import { mimetypeGroups } from '../assets/index.js';
import type { Condition, EditorialStatus } from '../store/types.js';
import { table } from '../validate/json-shape.js';

/** The kinds the library filters by: Contentful's mimetype groups, the rest as "other". */
export const kindLabels = table<string>({ image: 'Images', video: 'Videos', audio: 'Audio', pdf: 'PDF documents', other: 'Other files' });
const kindGroups = table<string>({ image: 'image', video: 'video', audio: 'audio', pdf: 'pdfdocument' });

/** Size ranges in bytes, [from, below). */
export const sizeRanges = table<{ label: string; from?: number; below?: number }>({
  small: { label: 'Under 100 KB', below: 100 * 1024 },
  medium: { label: '100 KB to 1 MB', from: 100 * 1024, below: 1024 * 1024 },
  large: { label: '1 MB to 10 MB', from: 1024 * 1024, below: 10 * 1024 * 1024 },
  huge: { label: '10 MB or more', from: 10 * 1024 * 1024 },
});

export const mediaStatuses: readonly EditorialStatus[] = ['draft', 'published', 'changed', 'archived'];

export interface MediaFilters {
  q: string;
  kind: string;
  size: string;
  status: string;
  /** 'alt': images without alt text. */
  missing: string;
}

const pick = (v: unknown, allowed: (x: string) => boolean) => (typeof v === 'string' && allowed(v) ? v : '');

export function mediaFiltersOf(query: Record<string, unknown>): MediaFilters {
  return {
    q: typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '',
    kind: pick(query.kind, (v) => Object.hasOwn(kindLabels, v)),
    size: pick(query.size, (v) => Object.hasOwn(sizeRanges, v)),
    status: pick(query.status, (v) => (mediaStatuses as readonly string[]).includes(v)),
    missing: pick(query.missing, (v) => v === 'alt'),
  };
}

const typesOf = (group: string) => mimetypeGroups[group] ?? [];

/**
 * Files of these mimetype groups (a media field's linkMimetypeGroup), by the stored content type,
 * as mimetypeGroupOf tells them apart: an attachment is any file of no other group.
 */
export function mimeGroupsCondition(groups: readonly string[], locale: string): Condition {
  const fileType = { field: 'file', locale, path: ['contentType'] };
  const named = groups.filter((g) => g !== 'attachment').flatMap(typesOf);
  if (!groups.includes('attachment')) return { ...fileType, op: 'in', values: named };
  const others = Object.keys(mimetypeGroups).filter((g) => g !== 'attachment' && !groups.includes(g)).flatMap(typesOf);
  return { ...fileType, op: 'nin', values: others };
}

/** Store conditions for the filters; the file, title and alt text looked at are the editor's locale's. */
export function mediaConditions(f: MediaFilters, locale: string): Condition[] {
  const where: Condition[] = [];
  const fileType = { field: 'file', locale, path: ['contentType'] };
  const isImage: Condition = { ...fileType, op: 'in', values: typesOf('image') };
  if (f.q) {
    // Words in the title or alt text, or a part of the file name (which full text does not index).
    where.push({ op: 'any', of: [[{ op: 'match', text: f.q }], [{ field: 'file', locale, path: ['fileName'], op: 'contains', text: f.q }]] });
  }
  if (f.kind === 'other') {
    where.push({ ...fileType, op: 'nin', values: Object.values(kindGroups).flatMap(typesOf) });
  } else if (f.kind) {
    where.push({ ...fileType, op: 'in', values: typesOf(kindGroups[f.kind]!) });
  }
  const range = f.size ? sizeRanges[f.size] : undefined;
  const size = { field: 'file', locale, path: ['details', 'size'] };
  if (range?.from !== undefined) where.push({ ...size, op: 'gte', value: range.from });
  if (range?.below !== undefined) where.push({ ...size, op: 'lt', value: range.below });
  if (f.status) where.push({ op: 'status', status: f.status as EditorialStatus });
  if (f.missing === 'alt') {
    // Folio's alt-text rule (content/assets.ts hasAltText): an image's description in the default locale.
    const alt = { field: 'description', locale };
    where.push(isImage, { op: 'any', of: [[{ ...alt, op: 'exists', value: false }], [{ ...alt, op: 'eq', value: '' }]] });
  }
  return where;
}
