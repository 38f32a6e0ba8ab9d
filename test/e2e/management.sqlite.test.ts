import { describeManagementApi } from './management.sdk.js';

describeManagementApi('SQLite', async () => ({}));
import { describeManagementFamilies } from './management-families.sdk.js';

describeManagementFamilies('SQLite', async () => ({}));
