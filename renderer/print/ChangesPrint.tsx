import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useLocation, useSearch } from 'wouter';
import { parseWeek, weekOf } from '../../db/model/weeks';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { ChangesSheet } from './changes-sheet';
import './paper.css';
import './changes-print.css';

/** /print/changes?week=2026-W48 — the paper itself, with a toolbar that stays off the printout. */
export function ChangesPrint() {
  const { status } = useAppStatus();
  const [, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('week');
  const week = asked && parseWeek(asked) ? asked : weekOf(status.today).key;
  const changes = useApi('dispatch.changes', { week });
  const settings = useApi('settings.get', {});
  const error = changes.error ?? settings.error;

  return (
    <div className="chp-screen">
      <div className="chp-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/dispatch/changes?week=${week}`)}>
          返回周调度
        </Button>
        <span className="chp-toolbar-title">较上周变化 · 打印预览（A4 横向）</span>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!changes.data} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      {error ? (
        <Alert type="error" showIcon title="无法生成打印页" description={error.message} className="chp-error" />
      ) : changes.data && settings.data ? (
        <ChangesSheet
          changes={changes.data}
          cityName={settings.data.cityName}
          operatorName={settings.data.operatorName}
          printedOn={status.today}
        />
      ) : (
        <Spin description="正在生成打印页…" className="chp-loading" />
      )}
    </div>
  );
}
