/** A chart's numbers as a table (the 表 of the 图/表 toggle): the same figures the chart draws, as text. */
export interface ChartTable {
  /** the first column names the row (a month, a week, a chain); the rest are the series */
  columns: string[];
  rows: ChartTableRow[];
}

export interface ChartTableRow {
  key: string;
  cells: string[];
  /** where the row's label leads: the same list a click on its bar opens */
  href?: string;
}

/** A clicked bar, point or segment: which series and which category. */
export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
}

/** What every chart builder makes from its figures: the ECharts option, its table, and where a click leads. */
export interface ChartSpec<Option> {
  option: Option;
  table: ChartTable;
  /** the filtered list a bar or segment opens; null where a click leads nowhere */
  hrefOf?: (point: ChartPoint) => string | null;
}
