/** Environments and environment aliases: `/spaces/{space}/environments` and `/environment_aliases`. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  deleteEnvironment,
  deleteEnvironmentAlias,
  getEnvironment,
  getEnvironmentAlias,
  listEnvironmentAliases,
  listEnvironments,
  putEnvironment,
  putEnvironmentAlias,
} from '../../content/index.js';
import { refused } from '../../errors/index.js';
import * as is from '../../validate/is.js';
import { beginSpace, type ManagementOptions, type Req } from '../context.js';
import { assertResourceId, newResourceId } from '../ids.js';
import { bodyObject, page, requiredVersion, versionHeader } from '../parse.js';
import { pageOfAll } from '../../contentful/index.js';
import { environmentAliasJson, environmentJson } from '../serialize.js';

type One = Req<{ environmentId: string }>;
type Alias = Req<{ aliasId: string }>;

const environments = '/management/spaces/:spaceId/environments';
const aliases = '/management/spaces/:spaceId/environment_aliases';

/** A body without a name names the environment after its id. */
function nameOf(body: Record<string, unknown>, id: string): string {
  if (body.name === undefined) return id;
  if (!is.nonEmptyString(body.name) || body.name.length > 255) throw refused('size', ['name'], 'name must be a string of 1 to 255 characters');
  return body.name;
}

/** `{"environment": {"sys": {"type": "Link", "linkType": "Environment", "id": …}}}`. */
function targetOf(body: Record<string, unknown>): string {
  const sys = is.plainObject(body.environment) && is.plainObject(body.environment.sys) ? body.environment.sys : undefined;
  if (!sys || sys.type !== 'Link' || sys.linkType !== 'Environment' || !is.nonEmptyString(sys.id)) {
    throw refused('type', ['environment'], 'environment must be a Link to an Environment');
  }
  return assertResourceId(sys.id);
}

export function environmentRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  app.get(environments, async (request: Req) => {
    const { actor, spaceId } = await beginSpace(store, request);
    return pageOfAll(await listEnvironments(store, spaceId, actor), page(request.query as Record<string, unknown>), environmentJson);
  });

  app.get(`${environments}/:environmentId`, async (request: One) => {
    const { actor, spaceId } = await beginSpace(store, request);
    return environmentJson(await getEnvironment(store, spaceId, request.params.environmentId, actor));
  });

  // POST makes a new id; PUT chooses one (or renames, with X-Contentful-Version).
  const put = async (request: Req, reply: FastifyReply, id: string) => {
    const { actor, spaceId } = await beginSpace(store, request);
    const header = request.headers['x-contentful-source-environment'];
    if (header !== undefined && typeof header !== 'string') throw refused('type', ['X-Contentful-Source-Environment'], 'give one source environment');
    const source = header === undefined ? undefined : assertResourceId(header);
    const version = versionHeader(request);
    const name = nameOf(bodyObject(request.body ?? {}), id);
    const { view, created, copied } = await putEnvironment(store, spaceId, id, { name, ...(source ? { source } : {}), ...(version !== undefined ? { version } : {}) }, actor);
    // The copy runs on after the answer; its failure is logged and shows as status `failed`.
    copied?.catch((err: unknown) => request.log.error({ err, environment: id }, 'environment copy failed'));
    return reply.code(created ? 201 : 200).send(environmentJson(view));
  };
  app.post(environments, (request: Req, reply) => put(request, reply, newResourceId()));
  app.put(`${environments}/:environmentId`, (request: One, reply) => put(request, reply, assertResourceId(request.params.environmentId)));

  app.delete(`${environments}/:environmentId`, async (request: One, reply) => {
    const { actor, spaceId } = await beginSpace(store, request);
    await deleteEnvironment(store, spaceId, request.params.environmentId, actor);
    return reply.code(204).send();
  });

  app.get(aliases, async (request: Req) => {
    const { actor, spaceId } = await beginSpace(store, request);
    return pageOfAll(await listEnvironmentAliases(store, spaceId, actor), page(request.query as Record<string, unknown>), environmentAliasJson);
  });

  app.get(`${aliases}/:aliasId`, async (request: Alias) => {
    const { actor, spaceId } = await beginSpace(store, request);
    return environmentAliasJson(await getEnvironmentAlias(store, spaceId, request.params.aliasId, actor));
  });

  app.put(`${aliases}/:aliasId`, async (request: Alias, reply) => {
    const { actor, spaceId } = await beginSpace(store, request);
    const id = assertResourceId(request.params.aliasId);
    const target = targetOf(bodyObject(request.body));
    const existing = await store.environmentAliases.get(spaceId, id);
    const version = existing ? requiredVersion(request, 'an environment alias') : undefined;
    const alias = await putEnvironmentAlias(store, spaceId, id, target, version, actor);
    return reply.code(existing ? 200 : 201).send(environmentAliasJson(alias));
  });

  app.delete(`${aliases}/:aliasId`, async (request: Alias, reply) => {
    const { actor, spaceId } = await beginSpace(store, request);
    await deleteEnvironmentAlias(store, spaceId, request.params.aliasId, actor);
    return reply.code(204).send();
  });
}
