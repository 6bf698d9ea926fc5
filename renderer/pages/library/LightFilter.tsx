import { Select } from 'antd';
import { LightBadge } from '../../ui/LightBadge';
import type { LightChoice, LightCounts } from './library-filters';

type Choice = 'all' | 'red' | 'yellow' | 'warn' | 'green' | 'missing' | 'suspended';

const CHOICES: { value: Choice; label: string; levels: LightChoice[] }[] = [
  { value: 'all', label: '全部', levels: [] },
  { value: 'red', label: '红灯', levels: ['red'] },
  { value: 'yellow', label: '黄灯', levels: ['yellow'] },
  { value: 'warn', label: '红黄灯', levels: ['red', 'yellow'] },
  { value: 'green', label: '绿灯', levels: ['green'] },
  { value: 'missing', label: '资料待补', levels: ['missing'] },
  { value: 'suspended', label: '停缓建', levels: ['suspended'] },
];

function choiceOf(levels: readonly LightChoice[]): Choice {
  const same = (a: readonly LightChoice[]) => a.length === levels.length && a.every((l) => levels.includes(l));
  return CHOICES.find((c) => same(c.levels))?.value ?? 'all';
}

interface LightFilterProps {
  lights: LightChoice[];
  /** null while the library is still arriving */
  counts: LightCounts | null;
  onChange(lights: LightChoice[]): void;
}

/** 预警 filter, with the red, yellow and 资料待补 counts beside it as one-click shortcuts (a second click clears). */
export function LightFilter({ lights, counts, onChange }: LightFilterProps) {
  const current = choiceOf(lights);
  const shortcut = (level: 'red' | 'yellow' | 'missing' | 'suspended', label: string) => {
    const active = current === level;
    return (
      <button
        type="button"
        className={`library-light-count light-${level}${active ? ' is-active' : ''}`}
        aria-pressed={active}
        title={active ? '再点一次显示全部项目' : `只看${label}的项目`}
        onClick={() => onChange(active ? [] : [level])}
      >
        {(level === 'red' || level === 'yellow') && <LightBadge light={level} />}
        {label} <span className="num">{counts ? counts[level] : '…'}</span>
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
        {counts && counts.missing > 0 && (
          <>
            <span className="library-light-counts-sep">·</span>
            {shortcut('missing', '资料待补')}
          </>
        )}
        {counts && counts.suspended > 0 && (
          <>
            <span className="library-light-counts-sep">·</span>
            {shortcut('suspended', '停缓建')}
          </>
        )}
      </span>
    </span>
  );
}
