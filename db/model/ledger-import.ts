import type { LedgerField } from './ledger-fields';
import type { Stage } from './stages';

// What a ledger import's preview and result tell the clerk, row by row.

export interface ImportChange {
  label: string;
  before: string | null;
  after: string | null;
}

export interface ImportRow {
  sheet: string;
  /** the row number Excel shows */
  row: number;
  code: string;
  name: string;
  owner: string;
  stage: Stage;
  totalInvestmentYuan: number;
  /** the money the project holds after the import, so a column read into the wrong field shows before applying */
  money: { totalYuan: number; annualPlanYuan: number; yearCompletedYuan: number; sinceStartYuan: number };
  /** its 产业链 and where that came from; a proposed or default one may be changed per row (rowChains) */
  chain: { id: number; name: string; source: ImportChainSource; reason: string | null };
  /** for updates: each field that changes, as the change history will show it */
  changes: ImportChange[];
}

/** sheet: the sheet's 产业链 column; library: the project's own; lead: its 链长's only chain */
export type ImportChainSource = 'sheet' | 'library' | 'lead' | 'chosen' | 'proposed' | 'default';

export interface ImportColumn {
  sheet: string;
  /** 0-based column of the sheet */
  index: number;
  /** as the sheet shows it (two-level headers as 投资情况/累计完成): the key of a columnMap */
  header: string;
  /** the field it is read into, null when it is left out */
  field: LedgerField | null;
  /** what its header's words could mean, likeliest first */
  candidates: LedgerField[];
  /** a reading the clerk must confirm (by choosing it in the columnMap) before applying */
  question: string | null;
  /** set by the clerk's columnMap */
  chosen: boolean;
}

export interface ImportRowError {
  sheet: string;
  row: number;
  name: string;
  message: string;
  /** refused only for want of a 产业链: choosing one for the row (rowChains) lets it in */
  needsChain?: boolean;
}

export interface LedgerImportPreview {
  fileName: string;
  /** the sheets a ledger table was found in */
  sheets: string[];
  year: number;
  /** 截至日期 of the file, else today: the week its 存在问题 belong to */
  asOf: string;
  /** every headed column of each sheet and what it is read into */
  columns: ImportColumn[];
  /** whether any sheet has a 产业链 column (without one, new projects' chains are proposed per row) */
  hasChainColumn: boolean;
  creates: ImportRow[];
  updates: ImportRow[];
  unchanged: number;
  /** section, subtotal, total and note rows */
  skipped: number;
  errors: ImportRowError[];
  /** rows that import, with something to check: 资料待补, an unknown word, an amount rounded to 0.01万元 */
  warnings: ImportRowError[];
  /** units named in the file that are not in the list yet; created with the import */
  newUnits: string[];
  /** identifies exactly this preview: applying checks nothing changed in between */
  fingerprint: string;
}

export interface LedgerImportResult extends LedgerImportPreview {
  backupFile: string;
}
