import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Spin } from 'antd';
import { ConnectServerSection } from '../../app/ConnectServer';
import { isDesktop } from '../../api';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { formatChineseDate } from '../../../db/model/dates';
import type { Settings } from '../../../electron/api-spec';
import { ApiError, invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';

interface BasicValues {
  operatorName?: string;
  cityName?: string;
  planYear?: number | null;
  attractionStartMonths?: number | null;
}

const FIELDS = ['operatorName', 'cityName', 'planYear', 'attractionStartMonths'] as const;

export function BasicSettings() {
  const settings = useApi('settings.get', {});
  if (settings.error && !settings.data) {
    return <Alert type="error" showIcon title="无法读取设置" description={settings.error.message} />;
  }
  if (!settings.data) return <Spin description="正在读取设置…" />;
  return <BasicSettingsForm settings={settings.data} />;
}

function BasicSettingsForm({ settings }: { settings: Settings }) {
  const { status, refreshStatus } = useAppStatus();
  const { message } = App.useApp();
  const [, navigate] = useLocation();
  const [form] = Form.useForm<BasicValues>();
  const [saving, setSaving] = useState(false);
  const cityName = Form.useWatch('cityName', form) as string | undefined;

  async function submit(values: BasicValues) {
    if (values.planYear === null || values.planYear === undefined) {
      form.setFields([{ name: 'planYear', errors: ['请填写计划年度'] }]);
      return;
    }
    if (values.attractionStartMonths === null || values.attractionStartMonths === undefined) {
      form.setFields([{ name: 'attractionStartMonths', errors: ['请填写招商约定开工期限'] }]);
      return;
    }
    setSaving(true);
    try {
      const saved = await invoke('settings.update', {
        operatorName: values.operatorName ?? '',
        cityName: values.cityName ?? '',
        planYear: values.planYear,
        attractionStartMonths: values.attractionStartMonths,
      });
      form.setFieldsValue({
        operatorName: saved.operatorName,
        cityName: saved.cityName,
        planYear: saved.planYear,
        attractionStartMonths: saved.attractionStartMonths,
      });
      message.success('已保存');
      await refreshStatus();
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
      const onForm = FIELDS.filter((field) => fieldErrors[field]);
      if (onForm.length > 0) form.setFields(onForm.map((field) => ({ name: field, errors: [fieldErrors[field]] })));
      else message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="settings-basic">
      <Form<BasicValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        initialValues={{
          operatorName: settings.operatorName,
          cityName: settings.cityName,
          planYear: settings.planYear,
          attractionStartMonths: settings.attractionStartMonths,
        }}
        autoComplete="off"
        onFinish={submit}
      >
        <Form.Item
          label="填报人姓名"
          name="operatorName"
          required
          extra="本机的每一次修改都以此姓名记录；换人填报时请先改这里"
        >
          <Input maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="城市名称"
          name="cityName"
          required
          extra={`用于表格和报表标题，如“${cityName?.trim() || '某某市'}重点项目建设周调度表”`}
        >
          <Input maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="计划年度"
          htmlFor="planYear"
          required
          extra="项目库中的“本年计划投资”“本年累计完成投资”按此年度显示"
        >
          <span className="settings-plan-year">
            <Form.Item name="planYear" noStyle>
              <InputNumber min={2000} max={2100} precision={0} controls={false} suffix="年" style={{ width: 104 }} />
            </Form.Item>
            <Button onClick={() => navigate('/rollover')}>年度结转…</Button>
            <span className="zd-muted zd-small">新年度开始时，项目阶段和投资数据经此转入新年度</span>
          </span>
        </Form.Item>
        <Form.Item
          label="招商开工期限"
          name="attractionStartMonths"
          required
          extra="招商引资项目签约后几个月内开工算履约；项目表单中可为单个项目另行约定"
        >
          <InputNumber min={1} max={120} precision={0} controls={false} suffix="个月" style={{ width: 104 }} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form.Item>
      </Form>
      <Descriptions
        className="settings-about"
        title="关于"
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 112 }, title: { fontSize: 13 } }}
        items={[
          { key: 'schema', label: '数据结构版本', children: status.schemaVersion },
          { key: 'version', label: '程序版本', children: status.version },
          { key: 'today', label: '今天', children: formatChineseDate(status.today) },
        ]}
      />
      {isDesktop() && <ConnectServerSection />}
    </div>
  );
}
