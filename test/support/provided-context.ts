/** What test/global-setup.ts hands every test file through vitest's `inject`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's one PostgreSQL cluster; tests make their own databases in it. */
    postgresUrl: string;
  }
}

export {};
