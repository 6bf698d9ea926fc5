import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from '../../scripts/postgres-cluster';

// Global setup of the postgres project: one throwaway cluster per run; each test file makes its own database
// in it (postgres-database.ts).

let cluster: Cluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  cluster = await startCluster();
  project.provide('postgresAdminUrl', cluster.url('postgres'));
}

export function teardown(): void {
  cluster?.stop();
}
