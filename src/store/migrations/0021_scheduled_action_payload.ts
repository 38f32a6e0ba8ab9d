import type { Kysely } from 'kysely';

/** Contentful's scheduled action `payload` (e.g. {"withReferences": {"Entry": ["publish"]}}), kept as JSON. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scheduled_actions').addColumn('payload', 'text').execute();
}
