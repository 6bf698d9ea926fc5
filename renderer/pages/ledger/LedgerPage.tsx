import { useAppStatus } from '../../app/app-status';
// before the panels: their stylesheets refine what this one sets
import './ledger.css';
import { FillinPanel } from './FillinPanel';
import { LedgerExportPanel } from './LedgerExportPanel';
import { LedgerImportPanel } from './LedgerImportPanel';

/** 台账: the Excel ledger for leaders, the import of an office's own, and fill-in sheets for responsible units. */
export function LedgerPage() {
  const { status } = useAppStatus();
  return (
    <div className="ledger-page">
      <div className="ledger-header">
        <h1 className="ledger-title zd-strong zd-nowrap">台账</h1>
        <span className="zd-muted zd-small">导出项目台账 · 导入已有台账 · 责任单位填报表</span>
      </div>
      <LedgerExportPanel planYear={status.planYear} cityName={status.cityName} />
      <LedgerImportPanel />
      <FillinPanel planYear={status.planYear} />
    </div>
  );
}
