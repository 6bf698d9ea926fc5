export interface Chain {
  id: number;
  code: string;
  name: string;
  industryGroup: string;
  chainLead: string;
  leadUnitId: number | null;
  leadUnitName: string | null;
  /** 2025 output target of the plan, in yuan */
  target2025Yuan: number | null;
  base2020Yuan: number | null;
  anchorCompanies: string[];
  /** words in a project's name or owner that suggest this chain (proposing a chain on import) */
  keywords: string[];
  retired: boolean;
  projectCount: number;
  /** raised by every change: its editor sends back the one it read */
  version: number;
}

export interface Unit {
  id: number;
  name: string;
  retired: boolean;
  projectCount: number;
  /** raised by every change: its editor sends back the one it read */
  version: number;
}

export interface Park {
  id: number;
  name: string;
  area: string;
  focus: string;
  retired: boolean;
  projectCount: number;
  /** raised by every change: its editor sends back the one it read */
  version: number;
}

/** A list of key projects a project may be on (省重点, 湘潭市重点, 市本级重点…), or a 乡镇/街道: a name only. */
export interface NamedEntry {
  id: number;
  name: string;
  retired: boolean;
  projectCount: number;
  /** raised by every change: its editor sends back the one it read */
  version: number;
}

/** A 包挂领导 (联系领导): the city leader the office assigns to a key project besides its 链长. */
export interface ContactLeader extends NamedEntry {
  /** 职务, e.g. 市委常委、常务副市长 */
  title: string;
}

export type ProjectLevel = NamedEntry;
export type Township = NamedEntry;

export interface ReferenceData {
  chains: Chain[];
  units: Unit[];
  parks: Park[];
  levels: ProjectLevel[];
  townships: Township[];
  contactLeaders: ContactLeader[];
}

export const REFERENCE_KIND_LABELS = {
  chain: '产业链',
  unit: '单位',
  park: '园区/片区',
  level: '项目级别',
  township: '乡镇/街道',
  contactLeader: '包挂领导',
} as const;
export type ReferenceKind = keyof typeof REFERENCE_KIND_LABELS;
