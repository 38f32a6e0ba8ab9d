/**
 * Who runs an operation. Every caller passes an Actor: the HTTP layers the caller's, code acting
 * for Folio itself (setup, the demo loader, the scheduler) `systemActor` by name. Operations check
 * the permission against the record they read (inside their transaction), before any other work,
 * and record the actor's id. No actor is refused: the check fails closed.
 */
import { assertCan, type Action, type Actor, type Ownership } from '../auth/index.js';
import { FolioError } from '../errors/index.js';
import type { VersionedSys } from '../store/types.js';

export function check(actor: Actor | undefined, action: Action, sys?: VersionedSys): asserts actor is Actor {
  if (!actor) throw new FolioError('ACCESS_DENIED', `Nobody may ${action} this: the request has no actor.`);
  assertCan(actor, action, sys ? ownershipOf(sys) : undefined);
}

/**
 * Who owns a record, for the author rule: the creator, until it was first published (once
 * public, an author's entry is the editors' too, even after an unpublish). The one rule every
 * door uses, the editor's buttons included.
 */
export const ownershipOf = (sys: VersionedSys): Ownership => ({ createdBy: sys.createdBy ?? undefined, published: sys.firstPublishedAt !== null });

/** What sys.createdBy/updatedBy record: the user or key; nothing for Folio itself. */
export const actorId = (actor: Actor | undefined) => (actor && actor.kind !== 'system' ? actor.id : undefined);
