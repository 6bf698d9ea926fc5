import type { Migration } from './types';

// Two reads every library load and search makes, each one index seek per project instead of rows read and
// filtered: the date a project entered the library (its first stage change, from nothing), and a project's
// unfinished nodes in date order — what a search's few projects need for their lights. Both partial: only
// the rows those reads look at are indexed.
export const listReadIndexes: Migration = {
  version: 100,
  name: '项目库读取索引',
  up: `
    CREATE INDEX stage_changes_entered ON stage_changes(project_id, changed_on) WHERE from_stage IS NULL;
    CREATE INDEX milestones_open_by_project ON milestones(project_id, planned_date, name) WHERE actual_date IS NULL;
  `,
};
