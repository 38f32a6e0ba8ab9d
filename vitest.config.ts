import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Lighthouse measures speed: it runs after every other test file, alone (sequence.groupOrder). */
const lighthouseTests = 'test/**/*.lighthouse.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, which
    // then idles while tests wait on Chromium, PostgreSQL, child processes and timers. Two files
    // at a time there; the default (cores - 1) on bigger machines.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', './test/reporters/plain-summary.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'folio', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...configDefaults.exclude, lighthouseTests], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'lighthouse', include: [lighthouseTests], sequence: { groupOrder: 1 }, maxWorkers: 1 },
      },
    ],
  },
});
