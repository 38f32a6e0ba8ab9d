/** /readyz answers 200 only while the database and the file storage answer, and names what failed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../support/s3.js';
import { startTestFolio, type TestFolio } from './folio.js';

let s3: TestS3;
let folio: TestFolio;
beforeAll(async () => {
  s3 = await startS3();
  folio = await startTestFolio({ FOLIO_DEMO: '0', ...s3.env });
});
afterAll(async () => {
  await folio?.destroy();
  await s3?.stop();
});

const readyz = async () => {
  const res = await fetch(`${folio.url}/readyz`);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('/readyz with S3 storage', () => {
  it('is ready while both answer, and 503 naming the storage when the bucket does not', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', storage: 'ok' } } });
    await s3.stop();
    expect(await readyz()).toEqual({ status: 503, body: { status: 'unavailable', checks: { database: 'ok', storage: 'unavailable' } } });
  });
});
