// A full disk or a read-only folder, recognised from SQLite's and Node's error codes, so the clerk reads what
// happened instead of “程序内部出错”. Nothing is written when either happens; what was saved before stays.

export type DiskTrouble = 'disk_full' | 'read_only';

export const DISK_TROUBLE_MESSAGES: Record<DiskTrouble, string> = {
  disk_full:
    '磁盘空间不足，本次修改未保存。已保存的数据不受影响；请清理磁盘空间（或把数据文件夹移到空间充足的位置）后重试。',
  read_only: '数据文件夹只读，本次修改未保存。已保存的数据不受影响；请检查文件夹的权限或U盘的写保护开关后重试。',
};

export function diskTroubleOf(error: unknown): DiskTrouble | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'disk_full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY')) {
    return 'read_only';
  }
  return null;
}
