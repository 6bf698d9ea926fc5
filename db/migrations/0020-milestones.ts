import type { Migration } from './types';

/** The templates a new library starts with; the PostgreSQL baseline inserts the same rows. */
export const DEFAULT_TEMPLATES = `
    -- DOMAIN.md's default templates (db/model/milestones.ts keeps the same list for “恢复默认”)
    INSERT INTO milestone_templates (stage, name, duration_days, sort_order) VALUES
      ('reserve', '项目签约', 30, 1),
      ('reserve', '完成项目建议书/可研', 60, 2),
      ('preliminary', '立项（审批/核准/备案）', 20, 1),
      ('preliminary', '用地预审与选址意见', 30, 2),
      ('preliminary', '环评批复', 30, 3),
      ('preliminary', '节能审查', 20, 4),
      ('preliminary', '土地摘牌（供地）', 45, 5),
      ('preliminary', '工程规划许可', 20, 6),
      ('preliminary', '施工图审查', 30, 7),
      ('preliminary', '施工许可', 15, 8),
      ('new_start', '实际开工', 0, 1),
      ('new_start', '基础施工完成', 90, 2),
      ('new_start', '主体施工', 120, 3),
      ('continuing', '主体完工（封顶）', 90, 1),
      ('continuing', '设备安装', 60, 2),
      ('continuing', '竣工验收', 30, 3),
      ('continuing', '投产', 15, 4);
`;

export const milestones: Migration = {
  version: 20,
  name: '节点（倒排工期）与节点模板',
  up: `
    CREATE TABLE milestone_templates (
      id INTEGER PRIMARY KEY,
      stage TEXT NOT NULL CHECK (stage IN ('reserve', 'preliminary', 'new_start', 'continuing', 'completed')),
      name TEXT NOT NULL,
      duration_days INTEGER NOT NULL CHECK (duration_days >= 0),
      sort_order INTEGER NOT NULL,
      UNIQUE (stage, name)
    ) STRICT;

    ${DEFAULT_TEMPLATES}

    CREATE TABLE milestones (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      stage TEXT CHECK (stage IN ('reserve', 'preliminary', 'new_start', 'continuing', 'completed')),
      planned_date TEXT,
      actual_date TEXT,
      unit_id INTEGER REFERENCES units(id),
      note TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX milestones_project ON milestones(project_id, sort_order);
    -- covers the lights' query, which reads every open node on each library load
    CREATE INDEX milestones_open ON milestones(planned_date, project_id, name) WHERE actual_date IS NULL;
  `,
};
