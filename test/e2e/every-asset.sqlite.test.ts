import { describeEveryAsset } from './every-asset.sdk.js';

describeEveryAsset('SQLite', async () => ({}));
