import { Alert, App, Button, InputNumber, Radio, Select, Spin, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { DEFAULT_LIGHT_THRESHOLDS, WEEKDAY_LABELS } from '../../../db/model/lights';
import { DEFAULT_STATISTICS_THRESHOLD_YUAN } from '../../../db/model/stat-measures';
import { TIME_PROGRESS_MODE_LABELS, TIME_PROGRESS_MODES, type TimeProgressMode } from '../../../db/model/time-progress';
import type { Settings } from '../../../electron/api-spec';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { THRESHOLD_FIELDS, type ThresholdKey } from '../../components/threshold-fields';
import { sameThresholds, thresholdErrors, toThresholds, type ThresholdDraft } from './light-draft';
import './lights.css';
import { RIGHT_ALIGNED_INPUT } from './number-input';

const WEEKDAYS = WEEKDAY_LABELS.flatMap((label, day) => (day === 0 ? [] : [{ value: day, label }]));

const TIME_PROGRESS_EXPLAIN =
  '时序进度即序时进度，指按时间推算本年应完成投资的比例，用于投资预警。按已关账月份：在“周调度 → 月度投资”关账至几月即按几个月计，如关账至6月为50%，' +
  '某个单位提前填了以后月份的数也不影响；' +
  '按已过天数：按今天在全年中已过的天数计。';

/** 预警设置: the thresholds behind every project's red/yellow light, and how 序时进度 is counted. */
export function LightsTab() {
  const settings = useApi('settings.get', {});
  if (settings.error && !settings.data) {
    return <Alert type="error" showIcon title="无法读取设置" description={settings.error.message} />;
  }
  if (!settings.data) return <Spin description="正在读取设置…" />;
  return <LightsForm settings={settings.data} />;
}

function LightsForm({ settings }: { settings: Settings }) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(settings);
  const [draft, setDraft] = useState<ThresholdDraft>(settings.lightThresholds);
  const [mode, setMode] = useState<TimeProgressMode>(settings.timeProgressMode);
  const [thresholdWan, setThresholdWan] = useState<number | null>(settings.statisticsThresholdYuan / 10_000);
  const thresholdError =
    thresholdWan === null || thresholdWan < 0 || !Number.isInteger(thresholdWan * 10_000)
      ? '请填写纳统门槛（万元，不小于0）'
      : null;
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const errors = thresholdErrors(draft);
  const invalid = Object.keys(errors).length > 0 || thresholdError !== null;
  const dirty =
    !sameThresholds(draft, saved.lightThresholds) ||
    mode !== saved.timeProgressMode ||
    thresholdWan !== saved.statisticsThresholdYuan / 10_000;

  function input(key: ThresholdKey): ReactNode {
    return (
      <InputNumber<number>
        className="lights-input"
        styles={RIGHT_ALIGNED_INPUT}
        size="small"
        controls={false}
        value={draft[key]}
        aria-label={THRESHOLD_FIELDS[key].label}
        status={errors[key] ? 'error' : undefined}
        onChange={(value) => {
          setDraft((current) => ({ ...current, [key]: value }));
          setServerError(null);
        }}
      />
    );
  }

  /** The draft's number for the grey explanations, or “N” while the box holds no usable number. */
  function n(key: ThresholdKey): string {
    const value = draft[key];
    return value !== null && value >= 0 && Number.isInteger(value) ? String(value) : 'N';
  }

  function rowErrors(...keys: ThresholdKey[]): ReactNode {
    const shown = keys.filter((key) => errors[key]);
    if (shown.length === 0) return null;
    return (
      <span className="lights-error zd-text-red zd-small" role="alert">
        {shown.map((key) => errors[key]).join('；')}
      </span>
    );
  }

  async function save() {
    if (invalid) {
      setServerError('有填写不正确的地方，请按提示改正后再保存');
      return;
    }
    setSaving(true);
    try {
      const fresh = await invoke('settings.update', {
        lightThresholds: toThresholds(draft),
        timeProgressMode: mode,
        statisticsThresholdYuan: Math.round(thresholdWan! * 10_000),
      });
      setSaved(fresh);
      setDraft(fresh.lightThresholds);
      setMode(fresh.timeProgressMode);
      setThresholdWan(fresh.statisticsThresholdYuan / 10_000);
      message.success('预警设置已保存，项目灯色即按新标准计算');
    } catch (error) {
      setServerError((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="lights-tab">
      <p className="zd-muted zd-small lights-intro">
        项目灯色按当天日期实时计算，取各项预警中最严重的一项：有一项红灯即为红灯，无红灯而有黄灯即为黄灯，均无预警为绿灯。
      </p>
      <dl className="zd-facts lights-rules">
        <dt>开工</dt>
        <dd>
          <div className="lights-sentence">
            计划开工日期过后{input('startRedDays')}天未开工转红灯{rowErrors('startRedDays')}
          </div>
          <div className="lights-explain zd-muted zd-small">
            新开工项目已过计划开工日期、尚未填报实际开工日期的，亮黄灯；超过{n('startRedDays')}天仍未开工的，亮红灯。
          </div>
        </dd>

        <dt>节点</dt>
        <dd>
          <div className="lights-sentence">
            到期前{input('milestoneDueDays')}天为临期黄灯{rowErrors('milestoneDueDays')}
          </div>
          <div className="lights-explain zd-muted zd-small">
            尚未办结的节点，距计划日期{n('milestoneDueDays')}
            天以内（含当天）的，亮黄灯（临期）；已过计划日期仍未办结的，亮红灯（逾期）。
          </div>
        </dd>

        <dt>投资</dt>
        <dd>
          <div className="lights-sentence">
            完成率落后序时进度{input('investmentYellowPoints')}个百分点起为黄灯、超过{input('investmentRedPoints')}
            个百分点为红灯{rowErrors('investmentYellowPoints', 'investmentRedPoints')}
          </div>
          <div className="lights-explain zd-muted zd-small">
            续建项目和已开工的新开工项目，本年投资完成率（本年累计完成投资 ÷ 本年计划投资）落后序时进度
            {n('investmentYellowPoints')}个百分点及以上的，亮黄灯；落后超过{n('investmentRedPoints')}
            个百分点的，亮红灯。
          </div>
        </dd>

        <dt>纳统</dt>
        <dd>
          <div className="lights-sentence">
            开工满{input('statisticsYellowMonths')}个月未纳统为黄灯、超过{input('statisticsRedMonths')}
            个月为红灯{rowErrors('statisticsYellowMonths', 'statisticsRedMonths')}
          </div>
          <div className="lights-explain zd-muted zd-small">
            已开工但尚未纳入统计的项目，自实际开工日期起满{n('statisticsYellowMonths')}个月的，亮黄灯；超过
            {n('statisticsRedMonths')}个月的，亮红灯。已竣工项目不再预警。
          </div>
        </dd>

        <dt>问题</dt>
        <dd>
          <div className="lights-sentence">
            办结时限前{input('problemDueDays')}天为临期黄灯{rowErrors('problemDueDays')}
          </div>
          <div className="lights-explain zd-muted zd-small">
            尚未销号的协调问题，距办结时限{n('problemDueDays')}
            天以内（含当天）的，亮黄灯；已过办结时限仍未销号的，亮红灯（超期未办结）。
          </div>
        </dd>

        <dt>批示</dt>
        <dd>
          <div className="lights-sentence">
            过了办理时限为黄灯、超期超过{input('instructionRedDays')}天为红灯{rowErrors('instructionRedDays')}
          </div>
          <div className="lights-explain zd-muted zd-small">
            尚未办结的领导批示，过了办理时限的，亮黄灯；超期超过{n('instructionRedDays')}天仍未办结的，亮红灯。
          </div>
        </dd>

        <dt>报送</dt>
        <dd>
          <div className="lights-sentence">
            每周进展于
            <Select<number>
              className="lights-weekday"
              size="small"
              aria-label="报送截止星期"
              value={draft.reportDeadlineWeekday}
              options={WEEKDAYS}
              onChange={(value) => setDraft((current) => ({ ...current, reportDeadlineWeekday: value }))}
            />
            截止报送，过期未报为黄灯
          </div>
          <div className="lights-explain zd-muted zd-small">
            未竣工项目本周进展过了{WEEKDAY_LABELS[draft.reportDeadlineWeekday]}
            仍未报送的，亮黄灯；截止当天报送的不算逾期。
          </div>
        </dd>

        <dt>时序进度算法</dt>
        <dd>
          <Radio.Group
            className="lights-modes"
            value={mode}
            onChange={(e) => setMode(e.target.value as TimeProgressMode)}
            options={TIME_PROGRESS_MODES.map((value) => ({ value, label: TIME_PROGRESS_MODE_LABELS[value] }))}
          />
          <div className="lights-explain zd-muted zd-small">{TIME_PROGRESS_EXPLAIN}</div>
        </dd>

        <dt>纳统门槛</dt>
        <dd>
          <div className="lights-sentence">
            总投资
            <InputNumber<number>
              className="lights-input"
              styles={RIGHT_ALIGNED_INPUT}
              size="small"
              controls={false}
              min={0}
              value={thresholdWan}
              aria-label="纳统门槛（万元）"
              status={thresholdError ? 'error' : undefined}
              onChange={(value) => {
                setThresholdWan(value);
                setServerError(null);
              }}
            />
            万元及以上的已开工项目应纳统
            {thresholdError && (
              <span className="lights-error zd-text-red zd-small" role="alert">
                {thresholdError}
              </span>
            )}
          </div>
          <div className="lights-explain zd-muted zd-small">
            统计排名的纳统率 = 应纳统项目（截至所选月底已开工、总投资达到此门槛）中已纳统的个数 ÷ 应纳统项目个数。
          </div>
        </dd>
      </dl>
      {serverError && <div className="lights-error zd-text-red zd-small lights-save-error">{serverError}</div>}
      <div className="lights-actions">
        <Button type="primary" loading={saving} disabled={!dirty} onClick={save}>
          保存
        </Button>
        <Button
          onClick={() => {
            setDraft(DEFAULT_LIGHT_THRESHOLDS);
            setThresholdWan(DEFAULT_STATISTICS_THRESHOLD_YUAN / 10_000);
            setServerError(null);
          }}
        >
          恢复默认
        </Button>
        {dirty && <Tag color="orange">未保存</Tag>}
      </div>
    </div>
  );
}
