import planData from '../seed/chains.json';
import type { Migration } from './types';

// 月度关账: 时序进度 follows the months the office has closed, not the latest month anyone typed. A file from
// before this step is closed through the latest month it has figures for, which is what its lights showed.
// Chains get words for proposing a chain to an imported project; the plan's chains take the seed's words.
export const monthClosing: Migration = {
  version: 50,
  name: '月度关账与产业链关键词',
  up: (db) => {
    db.exec(`
      CREATE TABLE month_closings (
        year INTEGER NOT NULL,
        month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        closed_on TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        PRIMARY KEY (year, month)
      ) STRICT;

      WITH RECURSIVE months(month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM months WHERE month < 12)
      INSERT INTO month_closings (year, month, closed_on, closed_by)
      SELECT reported.year, months.month, date('now'), '升级时按已报月份关账'
      FROM (SELECT year, MAX(month) AS last FROM monthly_investments GROUP BY year) reported
      JOIN months ON months.month <= reported.last;

      ALTER TABLE chains ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
    `);
    const setWords = db.prepare("UPDATE chains SET keywords = ? WHERE code = ? AND keywords = '[]'");
    for (const chain of planData.chains) setWords.run(JSON.stringify(chain.keywords), chain.code);
  },
};
