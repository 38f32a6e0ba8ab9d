/**
 * Who runs an operation. HTTP layers pass the caller's Actor: operations check the permission
 * against the record they read (inside their transaction) and record the actor's id. In-process
 * callers that act for Folio itself (setup, the demo loader) pass none and are not checked.
 */
import { assertCan, type Action, type Actor } from '../auth/index.js';
import type { VersionedSys } from '../store/types.js';

export function check(actor: Actor | undefined, action: Action, sys?: VersionedSys): void {
  if (!actor) return;
  assertCan(actor, action, sys ? { createdBy: sys.createdBy ?? undefined, published: sys.firstPublishedAt !== null } : undefined);
}

export const actorId = (actor: Actor | undefined) => actor?.id;
