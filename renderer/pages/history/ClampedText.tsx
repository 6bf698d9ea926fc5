/**
 * A recorded value: at most three lines, the whole text in the tooltip. Shown only as text — the log holds
 * whatever clerks typed or files carried (“<img onerror>”, “=HYPERLINK(…)”), so it is never parsed as markup.
 */
export function ClampedText({ text }: { text: string | null }) {
  if (text === null) return <span className="zd-faint">（空）</span>;
  if (text === '') return <span className="zd-faint">（空白）</span>;
  return (
    <div className="hist-clamp" title={text}>
      {text}
    </div>
  );
}
