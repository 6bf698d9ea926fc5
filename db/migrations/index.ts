import { initialSchema } from './0010-initial-schema';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initialSchema];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
