import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { PaperSize } from './print-options';
import { colors } from '../ui/tokens';

/** Landscape sheets in millimetres; the preview draws the same boxes the printer gets. */
export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 297, height: 210 },
  A3: { width: 420, height: 297 },
};
/** The bottom margin holds “第 X 页 共 Y 页”. */
export const PAGE_MARGIN_MM = { top: 12, right: 10, bottom: 14, left: 10 };
export const PAPER_LABELS: Record<PaperSize, string> = { A4: 'A4 横向', A3: 'A3 横向' };

export const PX_PER_MM = 96 / 25.4;

export function contentBoxMm(paper: PaperSize): { width: number; height: number } {
  const sheet = PAPER_MM[paper];
  return {
    width: sheet.width - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right,
    height: sheet.height - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom,
  };
}

const m = PAGE_MARGIN_MM;

// @page cannot be scoped to one element, so each paper layout states its own while it is on screen.
function pageRule(paper: PaperSize): string {
  return `@page {
  size: ${paper} landscape;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: "SimSun", "FangSong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
    font-size: 9pt;
    color: ${colors.ink};
  }
}`;
}

/** The page size, margins and page numbers of a printed layout. */
function PaperPageStyle({ paper }: { paper: PaperSize }) {
  return <style>{pageRule(paper)}</style>;
}

/**
 * A paper route's screen: the reason in place of the sheet when its data could not be read, else the page rule
 * and the sheet at paper width (nothing yet while the data loads).
 */
export function PaperScreen(props: {
  paper: PaperSize;
  failure?: { title: string; message: string };
  children?: ReactNode;
}) {
  const { paper, failure, children } = props;
  if (failure) {
    return (
      <div className="paper-screen">
        <Alert className="paper-message" type="error" showIcon title={failure.title} description={failure.message} />
      </div>
    );
  }
  return (
    <div className="paper-screen">
      <PaperPageStyle paper={paper} />
      {children && (
        <div
          className={`paper paper-sheet paper-${paper}`}
          style={{ width: `${PAPER_MM[paper].width}mm`, padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm` }}
        >
          {children}
        </div>
      )}
    </div>
  );
}
