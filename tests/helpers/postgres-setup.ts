import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from '../../scripts/postgres-cluster';

// Global setup of the projects on PostgreSQL (postgres, postgres-suites): one throwaway cluster per run, shared
// by them (their setups run in the same main process), stopped when the last of them ends; each test makes its
// own database in it (postgres-database.ts).

const shared = globalThis as { zdxmTestCluster?: { cluster: Promise<Cluster>; users: number } };

export async function setup(project: TestProject): Promise<void> {
  shared.zdxmTestCluster ??= { cluster: startCluster(), users: 0 };
  shared.zdxmTestCluster.users += 1;
  const cluster = await shared.zdxmTestCluster.cluster;
  project.provide('postgresAdminUrl', cluster.url('postgres'));
}

export async function teardown(): Promise<void> {
  const held = shared.zdxmTestCluster;
  if (!held || --held.users > 0) return;
  shared.zdxmTestCluster = undefined;
  (await held.cluster).stop();
}
