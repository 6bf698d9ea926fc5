import type { Migration } from './types';

// The search box looks for substrings (“123”, “工业园”) in thousands of projects. SQLite's trigram tokenizer
// indexes every three characters of a project's own searched fields, so a word of three or more characters is an
// index lookup instead of a pass over every row. The index reads its text from `projects` (external content) and
// the triggers keep it in step with every write, whichever code path makes it (forms, imports, rollover, restore).
export const projectSearch: Migration = {
  version: 80,
  name: '项目搜索索引',
  up: `
    CREATE VIRTUAL TABLE project_search USING fts5(
      code, name, owner, location, chain_lead_override,
      content = 'projects', content_rowid = 'id', tokenize = 'trigram'
    );
    CREATE TRIGGER project_search_insert AFTER INSERT ON projects BEGIN
      INSERT INTO project_search (rowid, code, name, owner, location, chain_lead_override)
      VALUES (new.id, new.code, new.name, new.owner, new.location, new.chain_lead_override);
    END;
    CREATE TRIGGER project_search_delete AFTER DELETE ON projects BEGIN
      INSERT INTO project_search (project_search, rowid, code, name, owner, location, chain_lead_override)
      VALUES ('delete', old.id, old.code, old.name, old.owner, old.location, old.chain_lead_override);
    END;
    CREATE TRIGGER project_search_update AFTER UPDATE OF code, name, owner, location, chain_lead_override
    ON projects BEGIN
      INSERT INTO project_search (project_search, rowid, code, name, owner, location, chain_lead_override)
      VALUES ('delete', old.id, old.code, old.name, old.owner, old.location, old.chain_lead_override);
      INSERT INTO project_search (rowid, code, name, owner, location, chain_lead_override)
      VALUES (new.id, new.code, new.name, new.owner, new.location, new.chain_lead_override);
    END;
    INSERT INTO project_search (project_search) VALUES ('rebuild');
  `,
};
