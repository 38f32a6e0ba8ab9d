/** Inserts whose constraint failures reach callers as errors that say what was wrong, never raw DB errors. */
import { FolioError, refused } from '../errors/index.js';
import type { Kysely } from 'kysely';
import type { DialectAdapter } from './dialect.js';
import type { Database } from './schema.js';
import type { Scope } from './types.js';

export interface InsertProblems {
  /** The key (or another unique value) is taken: `message`, reported against `path`. */
  duplicate: { message: string; path: string[] };
  /** The space or environment the row belongs to does not exist. */
  missingParent?: string;
}

export const environmentMissing = (spaceId: string, environmentId: string) =>
  `Environment "${environmentId}" not found in space "${spaceId}"`;

/** NOT_FOUND unless the scope's environment exists: checked before an insert that would otherwise fail on its foreign key. */
export async function assertEnvironment(db: Kysely<Database>, scope: Scope): Promise<void> {
  const environment = await db.selectFrom('environments').select('id').where('space_id', '=', scope.spaceId).where('id', '=', scope.environmentId).executeTakeFirst();
  if (!environment) throw new FolioError('NOT_FOUND', environmentMissing(scope.spaceId, scope.environmentId));
}

/** The error for a taken key, whether found by a look-up or by the constraint. */
export function takenError({ message, path }: InsertProblems['duplicate'], cause?: unknown): FolioError {
  return refused('taken', path, message);
}

export async function insertChecked(adapter: DialectAdapter, insert: () => Promise<unknown>, problems: InsertProblems): Promise<void> {
  try {
    await insert();
  } catch (err) {
    const violation = adapter.violation(err);
    if (violation === 'unique') throw takenError(problems.duplicate, err);
    if (violation === 'foreignKey' && problems.missingParent) throw new FolioError('NOT_FOUND', problems.missingParent, { cause: err });
    throw err;
  }
}
