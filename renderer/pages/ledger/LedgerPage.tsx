import { useAppStatus } from '../../app/app-status';
import { LedgerExportPanel } from './LedgerExportPanel';
import { LedgerImportPanel } from './LedgerImportPanel';
import './ledger.css';

function NotYetCard({ title, children }: { title: string; children: string }) {
  return (
    <section className="ledger-later-card" aria-label={title}>
      <h2 className="ledger-later-title">{title}</h2>
      <p className="ledger-later-text">{children}</p>
      <p className="ledger-later-status">尚未开发，将在后续版本提供</p>
    </section>
  );
}

/** 台账: the Excel ledger for leaders and the statistics office, the import of an office's own; fill-in sheets come later. */
export function LedgerPage() {
  const { status } = useAppStatus();
  return (
    <div className="ledger-page">
      <LedgerExportPanel planYear={status.planYear} cityName={status.cityName} />
      <LedgerImportPanel />
      <div className="ledger-later">
        <NotYetCard title="责任单位填报表">
          按责任单位生成本周或本月的填报表分发各单位，收回后自动读取，核对后更新项目进展和投资。
        </NotYetCard>
      </div>
    </div>
  );
}
