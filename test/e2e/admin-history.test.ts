/** The editor's version history, scheduling and preview on SQLite (the suite: admin-history.flow.ts). */
import { afterAll, beforeAll } from 'vitest';
import { describeHistoryAndSchedule, quickScheduler } from './admin-history.flow.js';
import { startTestFolio, type TestFolio } from './folio.js';

let folio: TestFolio;
beforeAll(async () => {
  folio = await startTestFolio({}, undefined, quickScheduler);
});
afterAll(() => folio?.destroy());

describeHistoryAndSchedule('SQLite', () => folio);
