import { InfoCircleOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import type { LedgerImportPreview } from '../../../electron/api-spec';
import type { Chain } from '../../../db/model/reference';
import { ImportPreviewTables, type ImportTab } from './ImportPreviewTables';
import { previewSummary } from './ledger-import-text';

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
  tab: ImportTab;
  onTabChange(tab: ImportTab): void;
  disabled: boolean;
}

/** What the file would change: the counts in one sentence, new units, the fallback chain and the rows. */
export function ImportPreviewView(props: ImportPreviewViewProps) {
  const { preview } = props;
  return (
    <div className="ledger-import-preview">
      <p className="ledger-import-summary" role="status">
        {previewSummary(preview)}
      </p>
      {preview.newUnits.length > 0 && (
        <p className="ledger-import-units">
          <InfoCircleOutlined aria-hidden />
          <span>{`将新增单位：${preview.newUnits.join('、')}`}</span>
        </p>
      )}
      <div className="ledger-import-chain">
        <span className="ledger-import-chain-label" id="ledger-import-chain">
          未注明产业链的项目归入
        </span>
        <Select
          aria-labelledby="ledger-import-chain"
          className="ledger-import-chain-select"
          size="small"
          value={props.defaultChainId}
          onChange={(id?: number) => props.onDefaultChainChange(id)}
          options={chainOptions(props.chains)}
          loading={props.chainsLoading}
          disabled={props.disabled}
          placeholder="不指定"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
        />
        <span className="ledger-import-chain-hint">表中没有“产业链”一列或该格为空的新项目归入所选产业链</span>
      </div>
      <ImportPreviewTables preview={preview} tab={props.tab} onTabChange={props.onTabChange} />
    </div>
  );
}
