import { describeAssetKeys } from './asset-keys.sdk.js';
import { describeEnvironments } from './environments.sdk.js';
import { describeManagementFamilies } from './management-families.sdk.js';
import { describeManagementApi } from './management.sdk.js';
import { describeManagementPeople } from './management-people.sdk.js';

describeManagementApi('SQLite', async () => ({}));
describeManagementFamilies('SQLite', async () => ({}));
describeEnvironments('SQLite', async () => ({}));
describeManagementPeople('SQLite', async () => ({}));
describeAssetKeys('SQLite', async () => ({}));
