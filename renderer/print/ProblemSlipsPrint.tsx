import { Alert } from 'antd';
import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { useApi } from '../hooks/use-api';
import { useDocumentTitle, usePrintReadySignal } from './print-ready';
import { slipProblems } from './slip-data';
import { slipPdfName, readSlipIds } from './slip-route';
import { ProblemSlip, SLIP_MARGIN_MM, SLIP_PAPER_MM, SlipPageStyle } from './slip-sheet';
import './paper.css';
import './slip-print.css';

const m = SLIP_MARGIN_MM;

/** 问题交办单 on paper, one problem per A4 portrait page: /print/problem-slips?ids=3,7,12 */
export function ProblemSlipsPrint() {
  const search = useSearch();
  const ids = useMemo(() => readSlipIds(search), [search]);
  const query = useApi('problems.printData', { groupBy: 'chainLead', scope: 'all', ids });
  const data = query.loading ? undefined : query.data;
  const result = useMemo(() => (data ? slipProblems(data, ids) : undefined), [data, ids]);
  const failed = query.error && !query.loading ? query.error.message : result && 'error' in result ? result.error : '';
  const problems = result && !('error' in result) ? result : undefined;
  usePrintReadySignal(failed ? { error: failed } : problems ? 'ready' : 'loading');
  useDocumentTitle(slipPdfName(problems?.map((p) => p.code) ?? []).replace(/\.pdf$/, ''));

  if (failed) {
    return (
      <div className="paper-screen">
        <Alert className="paper-message" type="error" showIcon title="无法生成交办单" description={failed} />
      </div>
    );
  }
  return (
    <div className="paper-screen">
      <SlipPageStyle />
      {data &&
        problems?.map((problem) => (
          <div
            key={problem.id}
            className="paper-sheet slip-sheet"
            style={{
              width: `${SLIP_PAPER_MM.width}mm`,
              height: `${SLIP_PAPER_MM.height}mm`,
              padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
            }}
          >
            <ProblemSlip problem={problem} cityName={data.cityName} />
          </div>
        ))}
    </div>
  );
}
