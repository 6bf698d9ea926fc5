import { KeyboardSelect } from '../../components/KeyboardSelect';
import { useApi } from '../../hooks/use-api';

/** 按单位填报: the office opens a unit's page as the unit sees it. */
export function UnitChooser({ unitId, onChoose }: { unitId: number | null; onChoose(unitId: number): void }) {
  const reference = useApi('reference.list', {});
  const options = (reference.data?.units ?? []).filter((u) => !u.retired).map((u) => ({ value: u.id, label: u.name }));
  return (
    <label className="unit-desk-chooser">
      <span className="zd-muted">责任单位</span>
      <KeyboardSelect<number>
        value={unitId}
        options={options}
        placeholder="选择单位，查看并代其填报"
        notFoundContent={reference.loading ? '正在读取单位…' : '没有相符的单位'}
        onChange={(value) => typeof value === 'number' && onChoose(value)}
      />
    </label>
  );
}
