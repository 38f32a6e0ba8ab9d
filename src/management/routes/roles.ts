/**
 * Space roles, read only: Folio's roles are fixed (src/auth/permissions.ts), so the Management
 * API shows them in Contentful's role shape for tools that read roles (contentful-export does
 * by default). Admin is not among them: in Contentful it is a flag of a membership, not a role.
 */
import type { FastifyInstance } from 'fastify';
import { assertCan, type Role } from '../../auth/index.js';
import { FolioError } from '../../errors/index.js';
import { table } from '../../validate/json-shape.js';
import { begin, type ManagementOptions, type Req } from '../context.js';
import { link, pageOfAll, pageQuery } from '../../contentful/index.js';

type RoleId = Exclude<Role, 'admin'>;

const ofType = (type: 'Entry' | 'Asset') => ({ equals: [{ doc: 'sys.type' }, type] });
const allow = (actions: string[] | 'all', constraint: object) => ({ effect: 'allow', actions, constraint });
const contentPolicies = (actions: string[] | 'all') => [allow(actions, { and: [ofType('Entry')] }), allow(actions, { and: [ofType('Asset')] })];
/** Authors change only their own drafts (permissions.ts's ownership rule). */
const ownDrafts = (type: 'Entry' | 'Asset') =>
  allow(['update', 'delete'], { and: [ofType(type), { equals: [{ doc: 'sys.createdBy.sys.id' }, 'User.current()'] }, { not: { paths: [{ doc: 'sys.publishedAt' }] } }] });

const definitions = table<{ name: string; description: string; policies: object[] }>({
  editor: { name: 'Editor', description: 'Creates, edits, publishes and archives all content', policies: contentPolicies('all') },
  author: { name: 'Author', description: 'Creates content and edits their own drafts; cannot publish', policies: [...contentPolicies(['read', 'create']), ownDrafts('Entry'), ownDrafts('Asset')] },
  viewer: { name: 'Viewer', description: 'Reads all content', policies: contentPolicies(['read']) },
});

/** The roles a member who is not an admin holds (space memberships link to them). */
export const spaceRoleIds: readonly RoleId[] = ['editor', 'author', 'viewer'];
/** Fixed since Folio began: the roles never change, so their dates do not either. */
const epoch = '2024-01-01T00:00:00.000Z';

function roleJson(spaceId: string, id: RoleId) {
  const { name, description, policies } = definitions[id]!;
  return {
    name,
    description,
    policies,
    permissions: { ContentModel: ['read'], Settings: [], ContentDelivery: [], Environments: [], EnvironmentAliases: [], Tags: [] },
    sys: { type: 'Role', id, version: 1, space: link('Space', spaceId), createdAt: epoch, updatedAt: epoch },
  };
}

export function roleRoutes(app: FastifyInstance, { store }: ManagementOptions) {
  app.get('/management/spaces/:spaceId/roles', async (request: Req) => {
    const { actor, scope } = await begin(store, request);
    assertCan(actor, 'read');
    return pageOfAll([...spaceRoleIds], pageQuery(request.query as Record<string, unknown>), (id) => roleJson(scope.spaceId, id));
  });

  app.get('/management/spaces/:spaceId/roles/:id', async (request: Req<{ id: string }>) => {
    const { actor, scope } = await begin(store, request);
    assertCan(actor, 'read');
    const id = spaceRoleIds.find((r) => r === request.params.id);
    if (!id) throw new FolioError('NOT_FOUND', `Role "${request.params.id}" not found`, { details: { type: 'Role', id: request.params.id } });
    return roleJson(scope.spaceId, id);
  });
}
