/** Locales: list, read, create, update, delete. */
import type { FastifyInstance } from 'fastify';
import { createLocale, deleteLocale, getLocale, listLocales, updateLocale, type LocaleInput } from '../../content/index.js';
import { refused } from '../../errors/index.js';
import * as is from '../../validate/is.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { bodyObject, requiredVersion } from '../parse.js';
import { collection, localeJson } from '../serialize.js';

type One = Req<{ id: string }>;

const invalid = (path: string, details: string): never => {
  throw refused('type', [path], details);
};

/** Only what the body holds; `partial` (updates) leaves the rest as it is. */
function localeInput(body: unknown, partial: boolean): Partial<LocaleInput> {
  const o = bodyObject(body);
  const out: Partial<LocaleInput> = {};
  for (const key of ['code', 'name'] as const) {
    if (o[key] === undefined && partial) continue;
    if (!is.nonEmptyString(o[key])) invalid(key, `${key} must be a non-empty string`);
    out[key] = o[key] as string;
  }
  if (o.fallbackCode !== undefined) {
    if (o.fallbackCode !== null && !is.nonEmptyString(o.fallbackCode)) invalid('fallbackCode', 'fallbackCode must be a locale code or null');
    out.fallbackCode = o.fallbackCode as string | null;
  } else if (!partial) out.fallbackCode = null;
  const flags = { optional: false, contentDeliveryApi: true, contentManagementApi: true };
  for (const [key, fallback] of Object.entries(flags) as Array<[keyof typeof flags, boolean]>) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') invalid(key, `${key} must be true or false`);
    if (o[key] !== undefined) out[key] = o[key] as boolean;
    else if (!partial) out[key] = fallback;
  }
  return out;
}

export function localeRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  for (const base of scoped('/locales')) {
    app.get(base, async (request: Req) => {
      const { actor, scope } = await begin(store, request);
      const locales = await listLocales(store, scope, actor);
      return collection(locales.map((l) => localeJson(scope, l)), { total: locales.length, skip: 0, limit: 1000 });
    });

    app.post(base, async (request: Req, reply) => {
      const { actor, scope } = await begin(store, request);
      const locale = await createLocale(store, scope, localeInput(request.body, false) as LocaleInput, actor);
      return reply.code(201).send(localeJson(scope, locale));
    });

    app.get(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      return localeJson(scope, await getLocale(store, scope, request.params.id, actor));
    });

    app.put(`${base}/:id`, async (request: One) => {
      const { actor, scope } = await begin(store, request);
      const version = requiredVersion(request, `locale "${request.params.id}"`);
      return localeJson(scope, await updateLocale(store, scope, { id: request.params.id, changes: localeInput(request.body, true), version }, actor));
    });

    app.delete(`${base}/:id`, async (request: One, reply) => {
      const { actor, scope } = await begin(store, request);
      await deleteLocale(store, scope, request.params.id, actor);
      return reply.code(204).send();
    });
  }
}
