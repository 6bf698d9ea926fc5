import type { Migration } from './types';

// 招商 (issue #16): a 招商引资 project's way from 签约 (signing_date) through 注册 and 开工 (actual_start_date,
// not repeated here) to 投产, with the money the contract promises and the money that has arrived, in yuan.
// start_within_months is the agreed time to start after 签约; null follows the office's setting.

const attractionColumns = (integer: string, money: string, text: string) => `
  ALTER TABLE projects ADD COLUMN registration_date ${text};
  ALTER TABLE projects ADD COLUMN production_date ${text};
  ALTER TABLE projects ADD COLUMN contract_investment_yuan ${money} NOT NULL DEFAULT 0
    CHECK (contract_investment_yuan >= 0);
  ALTER TABLE projects ADD COLUMN funds_in_place_yuan ${money} NOT NULL DEFAULT 0 CHECK (funds_in_place_yuan >= 0);
  ALTER TABLE projects ADD COLUMN start_within_months ${integer}
    CHECK (start_within_months BETWEEN 1 AND 120);
`;

export const attraction: Migration = {
  version: 140,
  name: '招商进度',
  up: {
    sqlite: attractionColumns('INTEGER', 'INTEGER', 'TEXT'),
    postgres: attractionColumns('integer', 'bigint', 'text COLLATE "C"'),
  },
};
