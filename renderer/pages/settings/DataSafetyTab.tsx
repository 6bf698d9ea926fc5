import { BackupKeepSection } from './BackupKeepSection';
import { BackupSection } from './BackupSection';
import { DataFolderSection } from './DataFolderSection';
import './data-safety.css';

/** 数据与备份: where the data lives, its backups and restoring one, and how long automatic backups are kept. */
export function DataSafetyTab() {
  return (
    <div className="data-safety">
      <DataFolderSection />
      <BackupSection />
      <BackupKeepSection />
    </div>
  );
}
