/**
 * Who may do what: one policy for the Management API, the editor and the CLI, enforced on the
 * server. Roles follow the issue: admin (everything), editor (all content work), author (drafts
 * of their own, no publishing), viewer (read only).
 */
import { FolioError } from '../errors/index.js';
import type { UserRole } from '../store/types.js';

export type Role = UserRole;
export const roles: readonly Role[] = ['admin', 'editor', 'author', 'viewer'];

/**
 * Whoever makes a request: a user (session or personal access token) or a space API key; or
 * Folio itself (`systemActor`), which code acting for the system must pass by name.
 */
export interface Actor {
  kind: 'user' | 'apiKey' | 'system';
  /** User id or API key id; recorded as createdBy/updatedBy. */
  id: string;
  role: Role;
}

export const contentActions = ['read', 'create', 'update', 'delete', 'publish', 'unpublish', 'archive', 'schedule'] as const;
export const adminActions = ['manageModel', 'manageLocales', 'manageUsers', 'manageApiKeys', 'manageWebhooks', 'manageSpace'] as const;
export type Action = (typeof contentActions)[number] | (typeof adminActions)[number];

/** Authors may change only what they created, and only while it is a draft nobody published. */
export interface Ownership {
  createdBy?: string | undefined;
  published?: boolean;
}

const ownDraftActions: ReadonlySet<Action> = new Set(['update', 'delete']);

/** Folio acting for itself: start-up, the demo loader, the scheduler. Never derived from a request. */
export const systemActor: Actor = Object.freeze({ kind: 'system', id: 'system', role: 'admin' });

export function can(actor: Actor, action: Action, target?: Ownership): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'editor':
      return (contentActions as readonly string[]).includes(action);
    case 'author':
      if (action === 'read' || action === 'create') return true;
      return ownDraftActions.has(action) && !!target && target.createdBy === actor.id && !target.published;
    case 'viewer':
      return action === 'read';
  }
}

export function assertCan(actor: Actor, action: Action, target?: Ownership): void {
  if (!can(actor, action, target)) {
    throw new FolioError('ACCESS_DENIED', `A ${actor.role} may not ${action} this.`);
  }
}
