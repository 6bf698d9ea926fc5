// The design tokens: every colour and size the screens and the paper are drawn with, in one place.
// tokens.css declares the same values as CSS variables (`colors.textMuted` → `--zd-text-muted`) for the
// stylesheets, theme.ts hands them to antd, and tests/ui/tokens.test.ts checks that the two files agree.

export const colors = {
  /** the one blue: primary buttons, links, the selected tab, the bar beside a panel's title */
  brand: '#1f5fa8',
  /** the side menu */
  sider: '#1d2b3a',
  /** body text */
  text: '#1f2329',
  /** labels and table headings */
  textSecondary: '#4a535c',
  /** notes beside a value, the second line of a cell */
  textMuted: '#5c6670',
  /** hints, empty values, units */
  textFaint: '#8a939c',
  /** the frame of a panel or a scroll box */
  border: '#e3e6ea',
  /** lines between rows and cells */
  borderLight: '#eef0f3',
  /** under a table's heading, dashed drop zones, keys */
  borderStrong: '#d9dee4',
  /** the grey the panels lie on */
  bg: '#f2f4f7',
  /** panels, rows, inputs */
  surface: '#fff',
  /** table headings and totals rows */
  fill: '#f3f5f8',
  /** every other row of a long list */
  stripe: '#fafbfc',
  /** the row under the mouse */
  hover: '#f0f5fb',
  /** the row the keyboard is on, the chosen filter */
  selected: '#e1ecf8',
  /** 红灯: late, overdue, refused, errors */
  red: '#cf1322',
  /** 黄灯: due soon, unsaved, copied from last week (dots, bars, marks) */
  yellow: '#d48806',
  /** yellow as text: the same warning, legible on white */
  yellowText: '#ad6800',
  /** 绿灯: on track, done (dots, bars) */
  green: '#389e0d',
  /** green as text: reported, saved, 续建 */
  greenText: '#2c7a4b',
  /** 储备 (the other stages take brand, greenText and textMuted) */
  stageReserve: '#6b5d3a',
  /** 前期 */
  stagePreliminary: '#6a4a8c',
  /** paper: the printed text and rules, black on white */
  ink: '#000',
  /** paper: heading cells (printed with their colour) */
  inkFill: '#eee',
} as const;

/** Sizes in px. */
export const sizes = {
  fontSize: 13,
  fontSizeSmall: 12,
  radius: 3,
  /** inputs, selects and buttons: dense, as in a ledger */
  controlHeight: 28,
  /** a row of the dense grids (项目库, 月度投资, 年度结转); the virtualised lists count on it */
  rowHeight: 30,
  /** a grid's heading row with a unit line under the label */
  headHeight: 40,
  /** a grid's heading row of one line */
  headHeightSmall: 34,
} as const;

export const FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** `textMuted` → `--zd-text-muted`: the name of a token's CSS variable in tokens.css. */
export function cssVariable(token: keyof typeof colors | keyof typeof sizes): string {
  return `--zd-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
