/**
 * Live preview, as Contentful's content preview: a URL pattern per content type, such as
 * `/articles/{fields.slug}` or `https://site.example/events/{entry.sys.id}?locale={locale}`,
 * filled in from the entry and shown beside the form. Articles need no pattern: the hub renders
 * their draft through a signed link (src/site/preview-links.ts). Patterns are kept in the
 * store's settings, one per content type of the editor's environment.
 */
import { createPreviewUrl } from '../site/index.js';
import type { EntryRecord, Json } from '../store/types.js';
import * as is from '../validate/is.js';
import type { AdminContext } from './context.js';
import { articleType } from './operations.js';

export const maxPatternLength = 500;

const settingKey = (ctx: AdminContext, typeId: string) => `contentType.previewUrl:${ctx.scope.spaceId}:${ctx.scope.environmentId}:${typeId}`;

export async function previewPattern(ctx: AdminContext, typeId: string): Promise<string> {
  return (await ctx.store.settings.get(settingKey(ctx, typeId))) ?? '';
}

export async function setPreviewPattern(ctx: AdminContext, typeId: string, pattern: string): Promise<void> {
  await ctx.store.settings.set(settingKey(ctx, typeId), pattern);
}

const placeholder = /\{([^{}]*)\}/g;
const fieldPlaceholder = /^(?:entry\.)?fields\.([a-zA-Z][a-zA-Z0-9_]{0,63})$/;
const fixedPlaceholders = new Set(['entry.sys.id', 'entry_id', 'locale', 'env_id']);

/** Why a pattern cannot be used, in the settings form's words; undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern === '') return undefined;
  if (pattern.length > maxPatternLength) return `Keep the preview URL under ${maxPatternLength} characters.`;
  if (!/^(\/(?!\/)|https?:\/\/[^/\s]+)/.test(pattern) || /\s/.test(pattern)) return 'Start the preview URL with “/” (a page of this site) or with http:// or https://, without spaces.';
  for (const [, name] of pattern.matchAll(placeholder)) {
    if (!fixedPlaceholders.has(name!) && !fieldPlaceholder.test(name!)) return `Unknown placeholder {${name}}: use {fields.<field id>}, {entry.sys.id} or {locale}.`;
  }
  return undefined;
}

const text = (v: Json | undefined) => (is.string(v) || is.number(v) || typeof v === 'boolean' ? String(v) : '');

/** The pattern filled in for an entry in a locale; undefined while a field it names is empty. */
export function fillPattern(pattern: string, entry: EntryRecord, locale: string, defaultLocale: string, environmentId: string): string | undefined {
  let missing = false;
  const url = pattern.replace(placeholder, (_, name: string) => {
    const field = fieldPlaceholder.exec(name)?.[1];
    const value = field
      ? text(entry.fields[field]?.[locale] ?? entry.fields[field]?.[defaultLocale])
      : name === 'locale'
        ? locale
        : name === 'env_id'
          ? environmentId
          : entry.sys.id;
    if (value === '') missing = true;
    return encodeURIComponent(value);
  });
  return missing ? undefined : url;
}

/** The origin a pattern's pages come from, when it is another site (the editor's frame-src must allow it). */
export function patternOrigin(pattern: string): string | undefined {
  if (!/^https?:\/\//.test(pattern)) return undefined;
  try {
    return new URL(pattern.replace(placeholder, 'x')).origin;
  } catch {
    return undefined;
  }
}

/**
 * Where the editor's preview frame points for this entry: the signed draft link of an article
 * (as a path: the hub is this server, and the frame stays same-origin; the hub's article pages
 * show only what is published, so a pattern would not show the draft), or the type's pattern.
 */
export async function previewSource(ctx: AdminContext, entry: EntryRecord, pattern: string, locale: string): Promise<string | undefined> {
  if (entry.sys.contentTypeId === articleType) {
    const url = new URL(await createPreviewUrl(ctx.store, ctx.publicUrl, entry.sys.id));
    return url.pathname + url.search;
  }
  return pattern ? fillPattern(pattern, entry, locale, ctx.locale, ctx.scope.environmentId) : undefined;
}
