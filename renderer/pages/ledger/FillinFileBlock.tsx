import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Table, type TableColumnsType, Flex } from 'antd';
import type { FillinFileResult, ImportChange } from '../../../electron/api-spec';
import type { PeriodKind } from './fillin-period';
import { EMPTY_VALUE, missingSentence, unchangedRowText } from './fillin-text';

type FillinRow = FillinFileResult['rows'][number];

const PAGE_SIZE = 50;

function ChangeLine({ change }: { change: ImportChange }) {
  return (
    <li className="fillin-change">
      <span className="zd-muted">{`${change.label}：`}</span>
      <span className="zd-faint">{change.before ?? EMPTY_VALUE}</span>
      <span className="fillin-change-arrow zd-faint" aria-label="改为">
        →
      </span>
      <span className="fillin-change-after">{change.after ?? EMPTY_VALUE}</span>
    </li>
  );
}

function rowColumns(kind: PeriodKind): TableColumnsType<FillinRow> {
  return [
    { title: '行号', dataIndex: 'row', width: 56, className: 'num' },
    {
      title: '项目',
      key: 'project',
      width: 260,
      render: (_: unknown, row: FillinRow) => (
        <Flex vertical>
          <span className="fillin-project-code zd-num zd-hint">{row.code}</span>
          <span>{row.name}</span>
        </Flex>
      ),
    },
    {
      title: '填报内容',
      key: 'changes',
      render: (_: unknown, row: FillinRow) =>
        row.changes.length === 0 ? (
          <span className="zd-muted">{unchangedRowText(kind)}</span>
        ) : (
          <ul className="fillin-changes zd-plain-list">
            {row.changes.map((change) => (
              <ChangeLine key={change.label} change={change} />
            ))}
          </ul>
        ),
    },
  ];
}

/** The line a file shows folded: its name, its unit and what reading it would do. */
export function FillinFileHeader({ file }: { file: FillinFileResult }) {
  return (
    <div className="fillin-file-head">
      <FileExcelOutlined className="fillin-file-icon" aria-hidden />
      <span className="zd-ellipsis zd-strong" title={file.fileName}>
        {file.fileName}
      </span>
      <span className="zd-none zd-secondary">{file.unitName ?? '单位不明'}</span>
      {file.accepted ? (
        <span className="fillin-file-counts zd-num zd-muted">
          <span>{`更新${file.rows.length}个项目`}</span>
          <span>{`无变化${file.unchanged}个`}</span>
          {file.problems.length > 0 && <span className="zd-text-red">{`${file.problems.length}行有问题`}</span>}
          {file.missing.length > 0 && <span className="zd-text-red">{`缺${file.missing.length}行`}</span>}
        </span>
      ) : (
        <span className="fillin-file-counts zd-num zd-muted">
          <span className="zd-text-yellow">不读取</span>
        </span>
      )}
    </div>
  );
}

/** What one returned file would change, row by row, and the rows (or the whole file) it will not read. */
export function FillinFileBody({ file, kind }: { file: FillinFileResult; kind: PeriodKind }) {
  if (!file.accepted) {
    return <Alert className="fillin-rejected" type="warning" showIcon title={file.message ?? '未读取'} />;
  }
  return (
    <Flex vertical gap={6}>
      {file.rows.length > 0 ? (
        <Table<FillinRow>
          aria-label={`${file.fileName}将更新的项目`}
          className="fillin-rows"
          styles={{ body: { cell: { verticalAlign: 'top' } } }}
          size="small"
          columns={rowColumns(kind)}
          dataSource={file.rows}
          rowKey="row"
          pagination={
            file.rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, showSizeChanger: false, size: 'small' } : false
          }
        />
      ) : (
        <p className="fillin-nothing zd-hint">没有需要更新的项目</p>
      )}
      {file.unchanged > 0 && (
        <p className="fillin-unchanged zd-hint">{`另有${file.unchanged}个项目与库中一致，不需更新`}</p>
      )}
      {file.missing.length > 0 && (
        <Alert className="fillin-missing" type="warning" showIcon title={missingSentence(file)} role="note" />
      )}
      {file.problems.length > 0 && (
        <div className="fillin-problems" role="group" aria-label={`${file.fileName}未读取的行`}>
          <div className="fillin-problems-title zd-strong zd-text-red">{`以下${file.problems.length}行有问题，未读取：`}</div>
          <ul className="zd-plain-list">
            {file.problems.map((problem) => (
              <li key={`${problem.row}\u0000${problem.message}`}>
                <span className="fillin-problem-row zd-text-red num">{`第${problem.row}行`}</span>
                <span className="zd-secondary">{problem.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Flex>
  );
}
