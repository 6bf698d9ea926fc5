import type { ProblemListRow } from '../../../db/model/problems';
import { PX_PER_MM } from '../../print/print-paper';
import { ProblemSlip, SLIP_MARGIN_MM, SLIP_PAPER_MM } from '../../print/slip-sheet';
import '../../print/paper.css';
import '../../print/slip-print.css';

const m = SLIP_MARGIN_MM;
const GAP_PX = 16;
const MIN_SCALE = 0.45;

/** The chosen 交办单, one A4 portrait page each, scaled to the width available. */
export function SlipPreview({
  problems,
  cityName,
  width,
  height,
}: {
  problems: readonly ProblemListRow[];
  cityName: string;
  /** the box the pages are shown in, in px: each portrait page is scaled to show whole */
  width: number;
  height: number;
}) {
  const byWidth = (width - 2 * GAP_PX) / (SLIP_PAPER_MM.width * PX_PER_MM);
  const byHeight = (height - 2 * GAP_PX) / (SLIP_PAPER_MM.height * PX_PER_MM);
  const scale = Math.max(MIN_SCALE, Math.min(1, byWidth, byHeight));
  return (
    <div className="print-preview-pages" style={{ zoom: scale }}>
      {problems.map((problem, index) => (
        <article
          key={problem.id}
          className="print-preview-page slip-preview-page"
          aria-label={`第${index + 1}页`}
          style={{
            width: `${SLIP_PAPER_MM.width}mm`,
            height: `${SLIP_PAPER_MM.height}mm`,
            padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
          }}
        >
          <ProblemSlip problem={problem} cityName={cityName} />
        </article>
      ))}
    </div>
  );
}
