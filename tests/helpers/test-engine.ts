import { inject } from 'vitest';

export type TestEngine = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the storage engine a project runs its suites on (vitest.config.ts); SQLite where a project gives none */
    engine: TestEngine;
  }
}

/** The engine this run's project asks for: `postgres-suites` runs the data suites on PostgreSQL. */
export function testEngine(): TestEngine {
  try {
    return inject('engine') ?? 'sqlite';
  } catch {
    // outside a vitest worker (a child script that imports a helper)
    return 'sqlite';
  }
}
