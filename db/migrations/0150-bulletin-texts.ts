import type { Migration } from './types';

// 月度通报 (issue #16): the texts the clerk keeps with a month's bulletin — its 文号, and the summary paragraph when
// it was edited (NULL: the paragraph is composed from the figures each time). `version` as every record a clerk
// edits (migration 0120): a save that read another version is refused.

const SQLITE = `
  CREATE TABLE bulletin_texts (
    year INTEGER NOT NULL,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    doc_number TEXT NOT NULL,
    summary TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (year, month)
  ) STRICT;
`;

const POSTGRES = `
  CREATE TABLE bulletin_texts (
    year integer NOT NULL,
    month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
    doc_number text COLLATE "C" NOT NULL,
    summary text COLLATE "C",
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (year, month)
  );
`;

export const bulletinTexts: Migration = {
  version: 150,
  name: '月度通报文字',
  up: { sqlite: SQLITE, postgres: POSTGRES },
};
