/** The one migration set, shared by SQLite and PostgreSQL, applied in name order. */
import type { Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect.js';
import * as initial from './0001_initial.js';
import * as users from './0002_users.js';
import * as changes from './0003_changes.js';
import * as links from './0004_links.js';
import { searchMigration } from './0005_search.js';
import * as authorsArchive from './0006_authors_archive.js';
import * as snapshots from './0007_snapshots.js';
import * as uploads from './0008_uploads.js';
import * as apiKeyPairs from './0009_api_key_pairs.js';
import { outboxMigration } from './0010_outbox.js';
import * as webhooks from './0011_webhooks.js';
import * as scheduledActions from './0012_scheduled_actions.js';
import * as sessionsTokens from './0013_sessions_tokens.js';
import * as tags from './0018_tags.js';
import * as spaceVersion from './0019_space_version.js';
import * as documents from './0020_documents.js';
import * as scheduledActionPayload from './0021_scheduled_action_payload.js';
import { changeNoticesMigration } from './0022_change_notices.js';
import * as environments from './0023_environments.js';
import * as deliveryFragments from './0024_delivery_fragments.js';
import * as loginFailures from './0025_login_failures.js';
import { hubFieldIndexesMigration } from './0026_hub_field_indexes.js';
import * as updatedOrderIndexes from './0027_updated_order_indexes.js';
import { hubOrderCoveringIndexMigration } from './0028_hub_order_covering_index.js';
import { fieldsJsonbMigration } from './0029_fields_jsonb.js';

/** Most migrations are plain DDL; those that differ by engine get the dialect adapter. */
export function migrationProvider(adapter: DialectAdapter): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001_initial': initial,
    '0002_users': users,
    '0003_changes': changes,
    '0004_links': links,
    '0005_search': searchMigration(adapter),
    '0006_authors_archive': authorsArchive,
    '0007_snapshots': snapshots,
    '0008_uploads': uploads,
    '0009_api_key_pairs': apiKeyPairs,
    '0010_outbox': outboxMigration(adapter),
    '0011_webhooks': webhooks,
    '0012_scheduled_actions': scheduledActions,
    '0013_sessions_tokens': sessionsTokens,
    '0018_tags': tags,
    '0019_space_version': spaceVersion,
    '0020_documents': documents,
    '0021_scheduled_action_payload': scheduledActionPayload,
    '0022_change_notices': changeNoticesMigration(adapter),
    '0023_environments': environments,
    '0024_delivery_fragments': deliveryFragments,
    '0025_login_failures': loginFailures,
    '0026_hub_field_indexes': hubFieldIndexesMigration(adapter),
    '0027_updated_order_indexes': updatedOrderIndexes,
    '0028_hub_order_covering_index': hubOrderCoveringIndexMigration(adapter),
    '0029_fields_jsonb': fieldsJsonbMigration(adapter),
  };
  return { getMigrations: async () => migrations };
}
