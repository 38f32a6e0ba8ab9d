import { describeDeliveryFragments } from './delivery-fragments.sdk.js';

describeDeliveryFragments('SQLite', async () => ({}));
