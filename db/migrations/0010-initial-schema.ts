import type { Migration } from './types';

export const initialSchema: Migration = {
  version: 10,
  name: '项目库、参考数据、阶段变更、设置与变更记录',
  up: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      sort_order INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE parks (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      area TEXT NOT NULL DEFAULT '',
      focus TEXT NOT NULL DEFAULT '',
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      sort_order INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE chains (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL UNIQUE,
      industry_group TEXT NOT NULL DEFAULT '',
      chain_lead TEXT NOT NULL DEFAULT '',
      lead_unit_id INTEGER REFERENCES units(id),
      target_2025_yuan INTEGER,
      base_2020_yuan INTEGER,
      anchor_companies TEXT NOT NULL DEFAULT '[]',
      retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
      sort_order INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE projects (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('industry', 'infrastructure', 'livelihood', 'other')),
      is_investment_promotion INTEGER NOT NULL DEFAULT 0 CHECK (is_investment_promotion IN (0, 1)),
      chain_id INTEGER NOT NULL REFERENCES chains(id),
      chain_lead_override TEXT,
      lead_unit_id INTEGER REFERENCES units(id),
      responsible_person TEXT NOT NULL DEFAULT '',
      contact_person TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL DEFAULT '',
      owner TEXT NOT NULL,
      location TEXT NOT NULL DEFAULT '',
      park_id INTEGER REFERENCES parks(id),
      content TEXT NOT NULL DEFAULT '',
      nature TEXT CHECK (nature IN ('new', 'expansion', 'renovation', 'upgrade')),
      start_year INTEGER,
      end_year INTEGER,
      planned_start_date TEXT,
      actual_start_date TEXT,
      planned_completion_date TEXT,
      actual_completion_date TEXT,
      signing_date TEXT,
      total_investment_yuan INTEGER NOT NULL DEFAULT 0 CHECK (total_investment_yuan >= 0),
      invested_before_year_yuan INTEGER NOT NULL DEFAULT 0 CHECK (invested_before_year_yuan >= 0),
      annual_plan_yuan INTEGER NOT NULL DEFAULT 0 CHECK (annual_plan_yuan >= 0),
      stage TEXT NOT NULL CHECK (stage IN ('reserve', 'preliminary', 'new_start', 'continuing', 'completed')),
      progress_text TEXT NOT NULL DEFAULT '',
      in_statistics INTEGER NOT NULL DEFAULT 0 CHECK (in_statistics IN (0, 1)),
      note TEXT NOT NULL DEFAULT '',
      is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX projects_chain ON projects(chain_id);
    CREATE INDEX projects_stage ON projects(stage);

    CREATE TABLE project_units (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (project_id, unit_id)
    ) STRICT;

    CREATE TABLE monthly_investments (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      year INTEGER NOT NULL,
      month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
      amount_yuan INTEGER NOT NULL CHECK (amount_yuan >= 0),
      PRIMARY KEY (project_id, year, month)
    ) STRICT;

    CREATE TABLE stage_changes (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      from_stage TEXT,
      to_stage TEXT NOT NULL,
      changed_on TEXT NOT NULL,
      operator TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX stage_changes_project ON stage_changes(project_id);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      operator TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
      field TEXT,
      old_value TEXT,
      new_value TEXT
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
  `,
};
