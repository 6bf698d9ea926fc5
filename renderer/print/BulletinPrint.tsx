import { Alert } from 'antd';
import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { monthOf, yearOf } from '../../db/model/dates';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { colors } from '../ui/tokens';
import { bulletinChartSvgs } from './bulletin-charts';
import { bulletinPdfName, readBulletinOptions } from './bulletin-options';
import { BulletinSheet } from './bulletin-sheet';
import { useDocumentTitle, usePrintReadySignal } from './print-ready';
import './paper.css';
import './bulletin-print.css';

/** A4 portrait in millimetres; the left margin is wider for binding, the bottom one holds the page numbers. */
export const BULLETIN_PAPER_MM = { width: 210, height: 297 };
const m = { top: 20, right: 18, bottom: 18, left: 24 };

// @page cannot be scoped to one element, so the bulletin states its own while it is on screen.
const PAGE_RULE = `@page {
  size: A4 portrait;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: "SimSun", "FangSong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
    font-size: 9pt;
    color: ${colors.ink};
  }
}`;

/** 月度通报 on paper: /print/bulletin?year=2026&month=11&top=5 */
export function BulletinPrint() {
  const search = useSearch();
  const { status } = useAppStatus();
  const options = useMemo(
    () => readBulletinOptions(search, { year: yearOf(status.today), month: monthOf(status.today) }),
    [search, status.today],
  );
  const query = useApi('bulletin.printData', options);
  const data = query.loading ? undefined : query.data;
  const failed = query.error && !query.loading ? query.error : undefined;
  const charts = useMemo(() => (data ? bulletinChartSvgs(data) : undefined), [data]);
  usePrintReadySignal(failed ? { error: failed.message } : data && charts ? 'ready' : 'loading');
  useDocumentTitle(bulletinPdfName(status.cityName, options).replace(/\.pdf$/, ''));

  return (
    <div className="paper-screen">
      {failed ? (
        <Alert className="paper-message" type="error" showIcon title="无法生成月度通报" description={failed.message} />
      ) : (
        <>
          <style>{PAGE_RULE}</style>
          {data && charts && (
            <div
              className="paper paper-sheet"
              style={{
                width: `${BULLETIN_PAPER_MM.width}mm`,
                padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
              }}
            >
              <BulletinSheet data={data} charts={charts} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
