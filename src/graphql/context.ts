/**
 * What one GraphQL request's resolvers share: the scope, the locales, batched reads through
 * Delivery's reader (published or drafts), and what the answer showed, for the response cache.
 */
import { byIds } from '../content/index.js';
import { chooseLocale, type LocaleChoice } from '../contentful/index.js';
import type { Reader } from '../delivery/index.js';
import { isFolioError } from '../errors/index.js';
import type { AssetRecord, ContentTypeRecord, EntryRecord, ListQuery, LocaleRecord, Page, Scope, TagRecord } from '../store/index.js';
import type { Store } from '../store/index.js';
import { batchLoader } from './batch.js';
import { graphqlError } from './errors.js';

export type SingleChoice = LocaleChoice & { all: false };
export type Kind = 'Entry' | 'Asset';

/** An entry or asset as the tree carries it: the record, and the locale and side its children inherit. */
export interface Node<R = EntryRecord | AssetRecord> {
  kind: Kind;
  record: R;
  choice: SingleChoice;
  preview: boolean;
}
export type EntryNode = Node<EntryRecord>;
export type AssetNode = Node<AssetRecord>;

export interface ContextOptions {
  store: Store;
  readers: { delivery: Reader; preview: Reader };
  scope: Scope;
  publicUrl: string;
  signImage: ((pathAndQuery: string) => string) | undefined;
  types: Map<string, ContentTypeRecord>;
  locales: LocaleRecord[];
  /** Preview tokens may pass preview: true; delivery tokens only see published content. */
  canPreview: boolean;
}

export function createContext(options: ContextOptions) {
  const { store, readers, scope } = options;
  const defaultChoice = chooseLocale(undefined, options.locales) as SingleChoice;
  const sides = { delivery: readers.delivery.records(store), preview: readers.preview.records(store) };
  const side = (preview: boolean) => (preview ? sides.preview : sides.delivery);
  const loaders = {
    Entry: [false, true].map((preview) => batchLoader(async (ids: string[]) => byIds(side(preview).entries.list)(scope, ids))),
    Asset: [false, true].map((preview) => batchLoader(async (ids: string[]) => byIds(side(preview).assets.list)(scope, ids))),
  };
  let tags: Promise<Map<string, TagRecord>> | undefined;
  /** The same list asked for again in one request (linkedFrom of one author under each article) is read once. */
  const lists = new Map<string, Promise<Page<EntryRecord | AssetRecord>>>();

  const context = {
    ...options,
    defaultChoice,
    /** `Entry:<id>`/`Asset:<id>` of what the answer showed; undefined once a list was read (any publish may change it). */
    deps: new Set<string>() as Set<string> | undefined,
    /** Drafts change without a publish: an answer that read them is never kept. */
    usedPreview: false,

    /** The locale argument, or the inherited one; Contentful's UNKNOWN_LOCALE for the path. */
    choose(locale: unknown, inherited: SingleChoice): SingleChoice {
      if (locale === undefined || locale === null) return inherited;
      const unknown = () => graphqlError('UNKNOWN_LOCALE', `Query execution error. Requested locale '${String(locale)}' does not exist in the space`, { details: { locale } });
      // Unlike the Delivery API, GraphQL has no wildcard locale.
      if (locale === '*') throw unknown();
      try {
        return chooseLocale(locale, options.locales) as SingleChoice;
      } catch (err) {
        if (isFolioError(err)) throw unknown();
        throw err;
      }
    },

    /** The preview argument, or the inherited side. */
    previewOf(arg: unknown, inherited: boolean): boolean {
      const preview = arg === undefined || arg === null ? inherited : arg === true;
      if (preview && !options.canPreview) throw graphqlError('ACCESS_TOKEN_INVALID', 'Query execution error. preview: true needs a Content Preview API token.');
      if (preview) context.usedPreview = true;
      return preview;
    },

    load(kind: Kind, id: string, preview: boolean): Promise<EntryRecord | AssetRecord | undefined> {
      context.deps?.add(`${kind}:${id}`);
      return loaders[kind][preview ? 1 : 0]!(id);
    },

    list(kind: Kind, preview: boolean, query: ListQuery): Promise<Page<EntryRecord | AssetRecord>> {
      context.deps = undefined;
      const key = JSON.stringify([kind, preview, query]);
      let page = lists.get(key);
      if (!page) {
        const from = side(preview);
        page = kind === 'Entry' ? from.entries.list(scope, query) : from.assets.list(scope, query);
        lists.set(key, page);
      }
      return page;
    },

    /** The environment's public tags by id, read once per request when a query asks for tags. */
    tags(): Promise<Map<string, TagRecord>> {
      tags ??= store.tags.list(scope, { visibility: 'public', limit: 1000 }).then((page) => new Map(page.items.map((t) => [t.id, t])));
      return tags;
    },
  };
  return context;
}

export type GraphqlContext = ReturnType<typeof createContext>;
