import { Select } from 'antd';
import type { LightLevel } from '../../../db/model/lights';
import { LightDot } from './LightCell';
import type { LightCounts } from './library-filters';

type Choice = 'all' | 'red' | 'yellow' | 'warn' | 'green';

const CHOICES: { value: Choice; label: string; levels: LightLevel[] }[] = [
  { value: 'all', label: '全部', levels: [] },
  { value: 'red', label: '红灯', levels: ['red'] },
  { value: 'yellow', label: '黄灯', levels: ['yellow'] },
  { value: 'warn', label: '红黄灯', levels: ['red', 'yellow'] },
  { value: 'green', label: '绿灯', levels: ['green'] },
];

function choiceOf(levels: readonly LightLevel[]): Choice {
  const same = (a: readonly LightLevel[]) => a.length === levels.length && a.every((l) => levels.includes(l));
  return CHOICES.find((c) => same(c.levels))?.value ?? 'all';
}

interface LightFilterProps {
  lights: LightLevel[];
  counts: LightCounts;
  onChange(lights: LightLevel[]): void;
}

/** 预警 filter, with the red and yellow counts beside it as one-click shortcuts (a second click clears). */
export function LightFilter({ lights, counts, onChange }: LightFilterProps) {
  const current = choiceOf(lights);
  const shortcut = (level: 'red' | 'yellow', label: string) => {
    const active = current === level;
    return (
      <button
        type="button"
        className={`library-light-count library-light-count-${level}${active ? ' is-active' : ''}`}
        aria-pressed={active}
        title={active ? '再点一次显示全部项目' : `只看${label}项目`}
        onClick={() => onChange(active ? [] : [level])}
      >
        <LightDot level={level} />
        {label} <span className="num">{counts[level]}</span>
      </button>
    );
  };
  return (
    <span className="library-light-filter">
      <Select<Choice>
        className="library-light-select"
        aria-label="按预警筛选"
        prefix="预警"
        value={current}
        popupMatchSelectWidth={false}
        virtual={false}
        options={CHOICES.map((c) => ({ value: c.value, label: c.label }))}
        onChange={(value) => onChange(CHOICES.find((c) => c.value === value)?.levels ?? [])}
      />
      <span className="library-light-counts">
        {shortcut('red', '红灯')}
        <span className="library-light-counts-sep">·</span>
        {shortcut('yellow', '黄灯')}
      </span>
    </span>
  );
}
