/** What the editor needs from the rest of Folio, handed in by the app. */
import type { Mailer } from '../mail/index.js';
import type { FileStorage } from '../storage/types.js';
import type { Store } from '../store/store.js';
import type { Scope } from '../store/types.js';
import type { TargetPolicy } from '../webhooks/index.js';

export interface AdminContext {
  store: Store;
  storage: FileStorage;
  scope: Scope;
  /** The locale the editor edits (the space's default). */
  locale: string;
  publicUrl: string;
  /** Signs an /images path and query when FOLIO_IMAGE_SIGNING_KEY is set. */
  signImage?: (pathAndQuery: string) => string;
  /** With embargoed assets on: signs a file URL with an asset key, so the editor shows drafts' files. */
  signEmbargoed?: (pathAndQuery: string) => string;
  /** Which webhook targets definitions may name (FOLIO_WEBHOOK_ALLOW_PRIVATE); public only when absent. */
  webhookTargets?: TargetPolicy;
  /** Sends account mail (FOLIO_SMTP_URL); absent: admins hand reset links and invites over. */
  mailer?: Mailer;
}
