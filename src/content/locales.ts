/**
 * Locale operations: the default locale stays (and has no fallback), fallback chains end, a
 * locale's code is fixed once made (content is keyed by it), and a locale that still holds
 * content is not deleted (nothing stored is lost by a delete).
 */
import type { Actor } from '../auth/index.js';
import { FolioError, refused } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { LocaleRecord, Scope } from '../store/types.js';
import { check } from './actor.js';

export interface LocaleInput {
  code: string;
  name: string;
  fallbackCode: string | null;
  optional: boolean;
  contentDeliveryApi: boolean;
  contentManagementApi: boolean;
}

const invalid = (path: string, details: string): never => {
  throw refused('invalid', [path], details);
};

/** Follows fallbacks from `start` with one locale's fallback replaced; a repeat is a loop. */
function assertFallbackEnds(locales: LocaleRecord[], code: string, fallbackCode: string | null) {
  if (fallbackCode === null) return;
  const byCode = new Map(locales.map((l) => [l.code, l.fallbackCode]));
  byCode.set(code, fallbackCode);
  if (!byCode.has(fallbackCode)) invalid('fallbackCode', `Fallback locale "${fallbackCode}" does not exist`);
  const seen = new Set([code]);
  for (let next: string | null | undefined = fallbackCode; next; next = byCode.get(next)) {
    if (seen.has(next)) invalid('fallbackCode', `Falling back from ${code} to ${fallbackCode} would make a loop (${[...seen, next].join(' → ')})`);
    seen.add(next);
  }
}

async function currentLocale(store: Store, scope: Scope, id: string): Promise<LocaleRecord> {
  const locale = (await store.locales.list(scope)).find((l) => l.id === id);
  if (!locale) throw new FolioError('NOT_FOUND', `Locale "${id}" not found`, { details: { type: 'Locale', id } });
  return locale;
}

export async function listLocales(store: Store, scope: Scope, actor: Actor): Promise<LocaleRecord[]> {
  check(actor, 'read');
  return store.locales.list(scope);
}

export async function getLocale(store: Store, scope: Scope, id: string, actor: Actor): Promise<LocaleRecord> {
  check(actor, 'read');
  return currentLocale(store, scope, id);
}

export async function createLocale(store: Store, scope: Scope, input: LocaleInput, actor: Actor): Promise<LocaleRecord> {
  check(actor, 'manageLocales');
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(input.code)) invalid('code', `"${input.code}" is not a locale code such as de-DE`);
  return store.transaction(async (tx) => {
    assertFallbackEnds(await tx.locales.list(scope), input.code, input.fallbackCode);
    return tx.locales.create(scope, { ...input, default: false });
  });
}

export async function updateLocale(
  store: Store,
  scope: Scope,
  { id, changes: input, version: expectedVersion }: { id: string; changes: Partial<LocaleInput>; version?: number | undefined },
  actor: Actor,
): Promise<LocaleRecord> {
  check(actor, 'manageLocales');
  return store.transaction(async (tx) => {
    const current = await currentLocale(tx, scope, id);
    if (input.code !== undefined && input.code !== current.code) {
      invalid('code', `A locale's code cannot change (content is stored under "${current.code}"); create a new locale instead`);
    }
    const fallbackCode = input.fallbackCode !== undefined ? input.fallbackCode : current.fallbackCode;
    if (current.default && fallbackCode !== null) invalid('fallbackCode', 'The default locale has no fallback');
    if (current.default && input.optional === true) invalid('optional', 'The default locale cannot be optional');
    assertFallbackEnds(await tx.locales.list(scope), current.code, fallbackCode);
    const { code: _code, ...changes } = input;
    return tx.locales.update(scope, id, changes, expectedVersion);
  });
}

/** Entries and assets that still have a value in this locale. */
async function contentIn(store: Store, scope: Scope, code: string): Promise<number> {
  let count = 0;
  const types = await store.contentTypes.list(scope, { limit: 1000 });
  for (const type of types.items) {
    for (const field of type.fields) {
      const where = [{ field: field.id, locale: code, op: 'exists' as const, value: true }];
      count += (await store.entries.list(scope, { contentTypeId: type.sys.id, where, limit: 0 })).total;
    }
  }
  for (const field of ['title', 'description', 'file']) {
    count += (await store.assets.list(scope, { where: [{ field, locale: code, op: 'exists', value: true }], limit: 0 })).total;
  }
  return count;
}

export async function deleteLocale(store: Store, scope: Scope, id: string, actor: Actor): Promise<void> {
  check(actor, 'manageLocales');
  await store.transaction(async (tx) => {
    const current = await currentLocale(tx, scope, id);
    if (current.default) invalid('default', 'The default locale cannot be deleted');
    const dependants = (await tx.locales.list(scope)).filter((l) => l.fallbackCode === current.code).map((l) => l.code);
    if (dependants.length) invalid('code', `${dependants.join(', ')} fall${dependants.length === 1 ? 's' : ''} back to ${current.code}; change that first`);
    const used = await contentIn(tx, scope, current.code);
    if (used) invalid('code', `${used} value${used === 1 ? '' : 's'} in entries or assets still use ${current.code}; remove them before deleting the locale`);
    await tx.locales.delete(scope, id);
  });
}
