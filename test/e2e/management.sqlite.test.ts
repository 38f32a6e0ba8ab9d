import { describeManagementApi } from './management.sdk.js';

describeManagementApi('SQLite', async () => ({}));
