import { Button, Checkbox } from 'antd';
import type { FillinUnitSummary } from '../../../electron/api-spec';

interface FillinUnitPickerProps {
  units: FillinUnitSummary[];
  /** units the clerk unticked; every other unit gets a sheet */
  unticked: ReadonlySet<number>;
  disabled: boolean;
  onChange(unticked: Set<number>): void;
}

/** The responsible units with projects in the period, each with its project count, all ticked at first. */
export function FillinUnitPicker({ units, unticked, disabled, onChange }: FillinUnitPickerProps) {
  const ticked = units.filter((unit) => !unticked.has(unit.unitId)).length;
  const allTicked = ticked === units.length;
  const toggle = (unitId: number, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(unitId);
    else next.add(unitId);
    onChange(next);
  };
  return (
    <div className="fillin-units" role="group" aria-labelledby="fillin-units-label">
      <div className="fillin-units-head">
        <span className="zd-secondary zd-strong" id="fillin-units-label">
          责任单位
        </span>
        <span className="fillin-units-count zd-num zd-muted">{`已选 ${ticked} / ${units.length} 个单位`}</span>
        <Button
          type="link"
          size="small"
          className="fillin-units-toggle"
          disabled={disabled || units.length === 0}
          onClick={() => onChange(allTicked ? new Set(units.map((unit) => unit.unitId)) : new Set())}
        >
          {allTicked ? '全不选' : '全选'}
        </Button>
      </div>
      <ul className="fillin-unit-grid">
        {units.map((unit) => (
          <li key={unit.unitId}>
            <Checkbox
              className="fillin-unit"
              checked={!unticked.has(unit.unitId)}
              disabled={disabled}
              onChange={(event) => toggle(unit.unitId, event.target.checked)}
            >
              <span className="zd-ellipsis zd-gap">{unit.unitName}</span>
              <span className="zd-none zd-muted num">{`${unit.projectCount}个项目`}</span>
            </Checkbox>
          </li>
        ))}
      </ul>
    </div>
  );
}
