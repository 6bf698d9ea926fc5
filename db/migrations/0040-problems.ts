import type { Migration } from './types';

export const problems: Migration = {
  version: 40,
  name: '问题协调与督办',
  up: `
    CREATE TABLE problems (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      project_id INTEGER NOT NULL REFERENCES projects(id),
      source_week TEXT,
      source TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL,
      category TEXT NOT NULL
        CHECK (category IN ('land', 'funds', 'approval', 'utilities', 'demolition', 'labour', 'other')),
      lead_unit_id INTEGER REFERENCES units(id),
      responsible_person TEXT NOT NULL DEFAULT '',
      raised_on TEXT NOT NULL,
      assigned_on TEXT,
      deadline TEXT,
      status TEXT NOT NULL
        CHECK (status IN ('pending', 'in_progress', 'closing_requested', 'closed', 'returned')),
      resolution TEXT NOT NULL DEFAULT '',
      resolved_on TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (deadline IS NULL OR deadline >= raised_on)
    ) STRICT;
    CREATE INDEX problems_project ON problems(project_id);
    CREATE INDEX problems_open ON problems(deadline) WHERE status <> 'closed';

    CREATE TABLE problem_units (
      problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (problem_id, unit_id)
    ) STRICT;

    CREATE TABLE problem_notes (
      id INTEGER PRIMARY KEY,
      problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
      noted_on TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('progress', 'chase', 'feedback', 'transition')),
      text TEXT NOT NULL,
      operator TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX problem_notes_problem ON problem_notes(problem_id);
  `,
};
