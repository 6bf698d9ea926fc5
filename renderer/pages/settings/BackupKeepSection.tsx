import { Alert, App, Button, InputNumber, Spin, Tag, Flex } from 'antd';
import { useState } from 'react';
import type { Settings } from '../../../electron/api-spec';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { DataSafetySection } from './DataSafetySection';
import { RIGHT_ALIGNED_INPUT } from './number-input';

type BackupKeep = Settings['backupKeep'];
type KeepKey = keyof BackupKeep;
type KeepDraft = Record<KeepKey, number | null>;

// labels as the server's messages begin (“按日保留不能少于1份”), so its message marks the right box
const FIELDS: { key: KeepKey; label: string }[] = [
  { key: 'daily', label: '按日保留' },
  { key: 'weekly', label: '按周保留' },
  { key: 'monthly', label: '按月保留' },
];

const KEEP_EXPLAIN =
  '程序启动时和每天自动备份一次；每天保留最新一份，超出份数的旧备份自动删除。导入、结转、恢复等操作前的备份保留60天。手动备份不会自动删除。';

/** 自动备份保留: how many automatic backups the rotation keeps. */
export function BackupKeepSection() {
  const settings = useApi('settings.get', {});
  let body;
  if (settings.data) body = <BackupKeepForm saved={settings.data.backupKeep} />;
  else if (settings.error)
    body = <Alert type="error" showIcon title="无法读取设置" description={settings.error.message} />;
  else body = <Spin size="small" description="正在读取…" />;
  return (
    <DataSafetySection title="自动备份保留" hint={KEEP_EXPLAIN}>
      {body}
    </DataSafetySection>
  );
}

function BackupKeepForm({ saved: initial }: { saved: BackupKeep }) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<KeepDraft>(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = FIELDS.some(({ key }) => draft[key] !== saved[key]);
  const badField = error ? FIELDS.find(({ label }) => error.startsWith(label))?.key : undefined;

  async function save() {
    const empty = FIELDS.find(({ key }) => draft[key] === null);
    if (empty) {
      setError(`请填写${empty.label}的份数`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const fresh = await invoke('settings.update', { backupKeep: draft as BackupKeep });
      setSaved(fresh.backupKeep);
      setDraft(fresh.backupKeep);
      message.success('自动备份保留份数已保存');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Flex align="center" wrap gap="8px 20px">
        {FIELDS.map(({ key, label }) => (
          <label key={key} className="backup-keep-field">
            {label}
            <InputNumber<number>
              style={{ width: 56 }}
              styles={RIGHT_ALIGNED_INPUT}
              size="small"
              controls={false}
              precision={0}
              aria-label={label}
              value={draft[key]}
              status={badField === key || (error && draft[key] === null) ? 'error' : undefined}
              onChange={(value) => {
                setDraft((current) => ({ ...current, [key]: value }));
                setError(null);
              }}
              onPressEnter={() => void save()}
            />
            份
          </label>
        ))}
        <Button type="primary" loading={saving} disabled={!dirty} onClick={() => void save()}>
          保存
        </Button>
        {dirty && <Tag color="orange">未保存</Tag>}
      </Flex>
      {error && (
        <div className="data-safety-error zd-small zd-text-red" role="alert">
          {error}
        </div>
      )}
    </>
  );
}
