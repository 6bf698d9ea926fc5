import type { Migration } from './types';

export const dispatch: Migration = {
  version: 30,
  name: '周调度填报与每周快照',
  up: `
    CREATE TABLE dispatch_entries (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      week TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
      progress TEXT NOT NULL DEFAULT '',
      problems TEXT NOT NULL DEFAULT '',
      coordination TEXT NOT NULL DEFAULT '',
      next_plan TEXT NOT NULL DEFAULT '',
      -- 0 while the text is only last week's, copied forward and not yet looked at
      confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
      -- what the project was when the entry was last saved: the weekly history of stages, lights and money
      snapshot_stage TEXT NOT NULL,
      snapshot_light TEXT NOT NULL CHECK (snapshot_light IN ('green', 'yellow', 'red')),
      snapshot_reasons TEXT NOT NULL DEFAULT '[]',
      snapshot_year_completed_yuan INTEGER NOT NULL DEFAULT 0,
      snapshot_total_investment_yuan INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (project_id, week)
    ) STRICT;
    CREATE INDEX dispatch_entries_week ON dispatch_entries(week);
  `,
};
