import { initialSchema } from './0010-initial-schema';
import { milestones } from './0020-milestones';
import { dispatch } from './0030-dispatch';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initialSchema, milestones, dispatch];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
