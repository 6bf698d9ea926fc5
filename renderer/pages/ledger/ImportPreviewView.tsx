import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Flex } from 'antd';
import type { LedgerImportPreview } from '../../../electron/api-spec';
import type { LedgerField } from '../../../db/model/ledger-fields';
import type { Chain } from '../../../db/model/reference';
import { ImportPreviewTables, type ImportTab } from './ImportPreviewTables';
import { columnQuestions, previewSummary } from './ledger-import-text';

/** New projects go only to chains in use; a retired one is refused by the project rules anyway. */
function chainOptions(chains: Chain[]) {
  return chains.filter((chain) => !chain.retired).map((chain) => ({ value: chain.id, label: chain.name }));
}

interface ImportPreviewViewProps {
  preview: LedgerImportPreview;
  chains: Chain[];
  chainsLoading: boolean;
  defaultChainId: number | undefined;
  onDefaultChainChange(chainId: number | undefined): void;
  onRowChainChange(key: string, chainId: number): void;
  onColumnChange(header: string, field: LedgerField | null): void;
  tab: ImportTab;
  onTabChange(tab: ImportTab): void;
  disabled: boolean;
}

/** What the file would change: the counts, questions to confirm, new units, the fallback chain and the rows. */
export function ImportPreviewView(props: ImportPreviewViewProps) {
  const { preview } = props;
  const options = chainOptions(props.chains);
  return (
    <Flex vertical gap={8}>
      <p className="ledger-import-summary zd-strong" role="status">
        {previewSummary(preview)}
      </p>
      {columnQuestions(preview).map(({ header, question }) => {
        const field = preview.columns.find((c) => c.header === header)?.field ?? null;
        return (
          <Alert
            key={header}
            className="ledger-import-alert"
            type="warning"
            showIcon
            title={question}
            action={
              <span className="ledger-import-question-actions">
                <Button
                  size="small"
                  type="primary"
                  disabled={props.disabled}
                  onClick={() => props.onColumnChange(header, field)}
                >
                  确认按此读取
                </Button>
                <Button size="small" disabled={props.disabled} onClick={() => props.onTabChange('columns')}>
                  改为其他…
                </Button>
              </span>
            }
          />
        );
      })}
      {preview.newUnits.length > 0 && (
        <p className="ledger-import-units zd-secondary">
          <InfoCircleOutlined aria-hidden />
          <span>{`将新增单位：${preview.newUnits.join('、')}`}</span>
        </p>
      )}
      <div className="ledger-import-chain">
        <span className="zd-muted" id="ledger-import-chain">
          {preview.hasChainColumn ? '未注明产业链的项目归入' : '无法推断产业链的项目归入'}
        </span>
        <Select
          aria-labelledby="ledger-import-chain"
          style={{ width: 200 }}
          size="small"
          value={props.defaultChainId}
          onChange={(id?: number) => props.onDefaultChainChange(id)}
          options={options}
          loading={props.chainsLoading}
          disabled={props.disabled}
          placeholder="不指定"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
        />
        <span className="zd-hint">
          {preview.hasChainColumn
            ? '“产业链”一格为空的新项目归入所选产业链'
            : '表中没有“产业链”一列：已按项目名称和建设单位逐行推断，可在“新建”中逐行改'}
        </span>
      </div>
      <ImportPreviewTables
        preview={preview}
        tab={props.tab}
        onTabChange={props.onTabChange}
        chainChoice={{ options, onChoose: props.onRowChainChange, disabled: props.disabled }}
        onChooseColumn={props.onColumnChange}
      />
    </Flex>
  );
}
