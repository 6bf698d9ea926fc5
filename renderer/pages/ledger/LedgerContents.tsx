import { TOTAL_UNIT_LABELS, type LedgerOptions } from './ledger-options';

const COLUMNS_BEFORE_TOTAL = '序号、项目名称、建设单位、建设地点、建设性质、建设内容及规模、建设起止年限';
const COLUMNS_AFTER_TOTAL =
  '本年计划投资、1—N月完成投资（N为最近报送的月份）、完成率、自开工累计完成、形象进度、存在问题、链长、牵头单位、' +
  '责任单位、计划开工、实际开工、计划竣工、是否纳统、预警、备注、项目编号、项目级别、所在乡镇';
const PRINT_COLUMNS =
  '序号、项目名称、建设单位、建设内容及规模、总投资、本年计划、1—N月完成、完成率、形象进度、存在问题、链长/责任单位、预警';

/** What the workbook will hold, said the way the office would describe its own ledger. */
export function LedgerContents({
  cityName,
  options,
  levelName,
}: {
  cityName: string;
  options: LedgerOptions;
  /** the chosen level's name: the file is titled for it */
  levelName: string | null;
}) {
  const title = levelName
    ? `${cityName}${options.year}年${levelName}项目台账`
    : `${cityName}${options.year}年重点项目建设台账`;
  const totalColumn = `总投资（${TOTAL_UNIT_LABELS[options.totalUnit]}）`;
  const withPrint = options.sheets === 'printAndFull';
  return (
    <div className="ledger-contents">
      <h3 className="ledger-contents-title zd-strong zd-secondary">文件内容</h3>
      <ul className="ledger-contents-list zd-secondary">
        <li>{`表头为“${title}”，其下注明金额单位、导出范围和截至日期。`}</li>
        <li>
          按新开工、续建、竣工、前期、储备分节（一、新开工项目（N个）……），每节有小计，末尾为合计；小计、合计由程序算好后填入数值，不用公式。
        </li>
        <li>{`${withPrint ? '“项目台账”工作表为完整台账，' : ''}列依次为${COLUMNS_BEFORE_TOTAL}、${totalColumn}、${COLUMNS_AFTER_TOTAL}。`}</li>
        {withPrint && (
          <li>{`“打印版”工作表（打开文件即在此表）只列${PRINT_COLUMNS}，长文字换行显示，分节、小计、合计与完整台账相同，打印出来字迹清楚。`}</li>
        )}
        <li>金额保留两位小数，日期按日期格式；表头和项目名称列冻结，长文字自动换行。</li>
        <li>
          {withPrint
            ? '两张表都已设好A3横向、按页宽缩放、每页重复表头，在Excel或WPS中打开即可直接打印；完整台账列多，打印出来字很小，宜打印“打印版”。'
            : '已设好A3横向、按页宽缩放、每页重复表头，在Excel或WPS中打开即可直接打印；完整台账列多，打印出来字很小。'}
        </li>
      </ul>
    </div>
  );
}
