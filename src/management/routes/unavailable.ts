/**
 * Contentful features Folio does not offer, answered as Contentful answers a space or an
 * organization without them (403 AccessDenied, its plan-limit message) on every verb, so a
 * client learns "not here" instead of "no such path": UI extensions and app installations (Folio
 * has no app framework), teams, custom roles and taxonomy (premium in Contentful). The caller is authenticated and the
 * space found first, as for every other route: 401 and 404 come before 403.
 */
import type { FastifyInstance } from 'fastify';
import { managementActor } from '../../auth/index.js';
import { FolioError } from '../../errors/index.js';
import { begin, scoped, type ManagementOptions, type Req } from '../context.js';
import { organizationOf } from './people.js';

const verbs = ['GET', 'POST', 'PUT', 'DELETE'] as const;

const spacePaths = [
  ...['/extensions', '/extensions/:id', '/app_installations', '/app_installations/:id'].flatMap(scoped),
  '/management/spaces/:spaceId/teams',
  '/management/spaces/:spaceId/team_space_memberships',
  '/management/spaces/:spaceId/team_space_memberships/:id',
];
const teamPaths = ['/teams', '/teams/:id', '/teams/:teamId/team_memberships', '/teams/:teamId/team_memberships/:id', '/team_memberships', '/team_space_memberships', '/team_space_memberships/:id'];
const taxonomyPaths = ['/taxonomy/concepts', '/taxonomy/concepts/:id', '/taxonomy/concepts/:id/:relatives', '/taxonomy/concept-schemes', '/taxonomy/concept-schemes/:id'];
const organizationPaths = [...teamPaths, ...taxonomyPaths].map((path) => `/management/organizations/:organizationId${path}`);

const unavailable = (feature: string) =>
  new FolioError('FEATURE_NOT_AVAILABLE', undefined, { details: { reasons: `${feature} are not available in Folio` } });

export function unavailableRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  // Custom roles are premium in Contentful; Folio's roles are fixed (roles.ts reads them).
  app.post('/management/spaces/:spaceId/roles', async (request: Req) => {
    await begin(store, request);
    throw unavailable('Custom roles');
  });
  app.route({
    method: ['PUT', 'DELETE'],
    url: '/management/spaces/:spaceId/roles/:id',
    handler: async (request: Req) => {
      await begin(store, request);
      throw unavailable('Custom roles');
    },
  });
  for (const url of spacePaths) {
    app.route({
      method: [...verbs],
      url,
      handler: async (request: Req) => {
        await begin(store, request);
        throw unavailable(url.includes('/team') ? 'Teams' : url.includes('/extensions') ? 'UI extensions' : 'App installations');
      },
    });
  }
  for (const url of organizationPaths) {
    app.route({
      method: [...verbs],
      url,
      handler: async (request: Req<{ organizationId: string }>) => {
        await managementActor(store, request);
        await organizationOf(store, request.params.organizationId);
        throw unavailable(url.includes('/taxonomy/') ? 'Taxonomy concepts' : 'Teams');
      },
    });
  }
}
