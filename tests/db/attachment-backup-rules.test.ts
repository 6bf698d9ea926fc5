import { describe, expect, it } from 'vitest';
import {
  missingFilesRefusal,
  missingFilesText,
  purgeableAttachments,
  purgeMonthlyBackup,
  type AttachmentFileRef,
  type BackupFileList,
} from '../../db/model/attachment-backup';
import type { RotatedBackup } from '../../db/model/backup-rotation';

const at = (local: string) => new Date(local).getTime();
const ref = (id: number, deletedAt: string | null, sha = String(id).repeat(64).slice(0, 64)): AttachmentFileRef => ({
  id,
  sha256: sha,
  sizeBytes: 100,
  fileName: `现场照片${id}.jpg`,
  ownerKind: 'entry',
  ownerId: 1,
  projectId: 1,
  projectName: '湘乡经开区标准厂房',
  deletedAt,
});

describe('已删除附件在月度备份轮换时清除（规则）', () => {
  const backups: RotatedBackup[] = [
    { name: '自动备份-每日-10-31', takenAt: at('2026-10-31T09:00:00'), kind: 'automatic' },
    { name: '自动备份-每日-11-29', takenAt: at('2026-11-29T09:00:00'), kind: 'automatic' },
    { name: '自动备份-每日-11-30', takenAt: at('2026-11-30T09:00:00'), kind: 'automatic' },
    { name: '导入台账前-11-30', takenAt: at('2026-11-30T20:00:00'), kind: 'event' },
    { name: '手动备份-12-01', takenAt: at('2026-12-01T08:00:00'), kind: 'manual' },
    { name: '自动备份-每日-12-01', takenAt: at('2026-12-01T09:00:00'), kind: 'automatic' },
  ];

  it('依据的是本月之前最后一份自动备份（上月的月度备份）；本月的、手动的和操作前的备份都不算', () => {
    expect(purgeMonthlyBackup(backups, at('2026-12-01T09:00:01'))?.name).toBe('自动备份-每日-11-30');
    expect(purgeMonthlyBackup(backups, at('2026-11-30T23:00:00'))?.name).toBe('自动备份-每日-10-31');
    expect(purgeMonthlyBackup(backups.slice(4), at('2026-12-20T09:00:00'))).toBeNull();
  });

  it('只清除月度备份中同样已删除（同一删除时间）且存有文件、现在仍为已删除的附件', () => {
    const monthly: BackupFileList = {
      format: 1,
      rows: [
        ref(1, '2026-11-10T02:00:00.000Z'),
        ref(2, '2026-11-12T02:00:00.000Z'),
        ref(3, null),
        ref(4, '2026-11-20T02:00:00.000Z'),
        ref(5, '2026-11-21T02:00:00.000Z'),
      ],
      missing: [ref(5, null).sha256],
    };
    const live = [
      ref(1, '2026-11-10T02:00:00.000Z'), // deleted in November, held deleted with its file: purged
      ref(2, null), // restored since the backup: stays
      ref(3, '2026-12-01T03:00:00.000Z'), // deleted after the backup: stays until next month's rotation
      ref(4, '2026-12-01T04:00:00.000Z'), // restored and deleted again after the backup: stays
      ref(5, '2026-11-21T02:00:00.000Z'), // its file could not be stored with the backup: stays
      ref(6, '2026-11-25T02:00:00.000Z'), // not in the backup at all: stays
    ];
    expect(purgeableAttachments(monthly, live)).toEqual([1]);
  });

  it('缺少附件文件的恢复被拒绝时，说明哪些文件、哪个项目、数据未改动', () => {
    const text = missingFilesRefusal([ref(1, null), { ...ref(2, null), ownerKind: 'problem', projectName: '' }]);
    expect(text).toBe(
      '该备份缺少2个附件文件（备份文件夹和数据文件夹中都找不到，或已损坏）：' +
        '“现场照片1.jpg”（项目“湘乡经开区标准厂房”的周调度）、“现场照片2.jpg”（问题）。' +
        '恢复后这些附件只有名称、无法打开。数据尚未改动；如仍要恢复，请点“仍然恢复”。',
    );
    // two rows of one file on one owner are one file, named once
    expect(missingFilesText([ref(1, null), { ...ref(1, null), id: 9 }])).toBe(
      '缺少1个附件文件：“现场照片1.jpg”（项目“湘乡经开区标准厂房”的周调度）',
    );
  });
});
