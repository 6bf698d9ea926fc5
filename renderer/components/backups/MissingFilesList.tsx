// The attachment files a restore went on without (issue #17): one line each, as the server named them.
export function MissingFilesList({ lines }: { lines: string[] }) {
  return (
    <div>
      <p>这些附件在恢复后的数据中只有名称，无法打开：</p>
      <ul className="backup-missing-files">
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
