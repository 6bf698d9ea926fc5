import { buildXlsx, csvOf, encodeGbk } from './spreadsheets';

// A county ledger as a real office keeps it on day one: 续建 rows without 实际开工, a bare 累计完成投资 beside
// 年度计划, no 产业链 column, 在建中 and 已投产 as stage words, a 新开工 row without 计划开工. Built as .xlsx or
// as the GBK CSV Chinese Excel saves.

export const REAL_LEDGER_ROWS: (string | number)[][] = [
  ['湘乡市2026年重点项目推进台账'],
  ['单位：万元', '', '', '', '', '', '', '', '截至2026年10月31日'],
  ['序号', '项目名称', '建设单位', '阶段', '总投资', '年度计划', '累计完成投资', '计划开工', '实际开工', '形象进度'],
  [1, '智能终端扩产项目', '湘君电子有限公司', '在建中', 52000, 12000, 8300.5, '2025-03-01', '', '主体封顶'],
  [2, '绿色建材产业园二期', '湖南韶峰南方绿色建材有限公司', '续建', 30000, 8000, 5000, '2025-06-01', '', '厂房施工'],
  [
    3,
    '皮革废料资源化利用',
    '湘乡市洁源生物科技有限公司',
    '新开工',
    9000,
    4000,
    1200,
    '2026-04-01',
    '2026-04-20',
    '基础施工',
  ],
  [4, '城区智慧停车场', '湘乡市城市建设投资有限公司', '前期', 6000, '', '', '2027-03-01', '', '办理用地手续'],
  [5, '精密铸件生产线', '湖南忠心铸造有限公司', '已投产', 15000, 2000, 2000, '2024-03-01', '2024-05-01', '已投产'],
  [6, '无人机整机组装基地', '湘乡市低空飞行器有限公司', '新开工', 20000, 5000, 500, '', '', '场地平整'],
];

export const REAL_LEDGER_NAMES = REAL_LEDGER_ROWS.slice(3).map((row) => String(row[1]));

export function realLedgerXlsx(): Promise<Buffer> {
  return buildXlsx([{ name: '台账', rows: REAL_LEDGER_ROWS.map((row) => row.map((v) => (v === '' ? null : v))) }]);
}

export function realLedgerGbkCsv(): Buffer {
  return encodeGbk(csvOf(REAL_LEDGER_ROWS));
}
