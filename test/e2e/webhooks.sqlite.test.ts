import { describeWebhooks } from './webhooks.sdk.js';

describeWebhooks('SQLite', async () => ({}));
