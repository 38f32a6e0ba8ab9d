import { describeDeliveryApi } from './delivery.sdk.js';

describeDeliveryApi('SQLite', async () => ({}));
