/** Finds Contentful Link objects anywhere in a JSON value (fields, arrays, rich text). */
import type { Json, LocalizedFields } from './types.js';

export interface FoundLink {
  linkType: 'Entry' | 'Asset';
  id: string;
}

export function linksIn(value: Json, out: FoundLink[] = []): FoundLink[] {
  if (Array.isArray(value)) {
    for (const v of value) linksIn(v, out);
  } else if (value !== null && typeof value === 'object') {
    const sys = value.sys;
    if (sys && typeof sys === 'object' && !Array.isArray(sys) && sys.type === 'Link' && typeof sys.id === 'string' && (sys.linkType === 'Entry' || sys.linkType === 'Asset')) {
      out.push({ linkType: sys.linkType, id: sys.id });
    } else {
      for (const v of Object.values(value)) linksIn(v, out);
    }
  }
  return out;
}

/** One row per distinct (field, target) an item's fields link to. */
export function fieldLinks(fields: LocalizedFields): Array<FoundLink & { field: string }> {
  const seen = new Set<string>();
  const out: Array<FoundLink & { field: string }> = [];
  for (const [field, byLocale] of Object.entries(fields)) {
    for (const link of linksIn(byLocale as Json)) {
      const key = `${field}\u0000${link.linkType}\u0000${link.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ field, ...link });
      }
    }
  }
  return out;
}
