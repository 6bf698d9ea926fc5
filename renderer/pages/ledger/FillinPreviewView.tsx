import { Button, Collapse, Flex } from 'antd';
import type { FillinFileResult } from '../../../electron/api-spec';
import { FillinFileBody, FillinFileHeader } from './FillinFileBlock';
import type { PeriodKind } from './fillin-period';
import { previewSummary } from './fillin-text';

interface FillinPreviewViewProps {
  results: FillinFileResult[];
  kind: PeriodKind;
  open: string[];
  onOpen(keys: string[]): void;
  /** the files are applied: what was read is now a record, not a choice */
  applied: boolean;
  onRemove(fileName: string): void;
  disabled: boolean;
}

/** The sentence that counts everything, then one block per file, folded or open. */
export function FillinPreviewView(props: FillinPreviewViewProps) {
  const { results, kind, open, onOpen, onRemove, applied, disabled } = props;
  return (
    <Flex vertical gap={8}>
      <p className="fillin-summary zd-strong" role="status">
        {previewSummary(results, applied)}
      </p>
      <Collapse
        className="fillin-files"
        styles={{ header: { alignItems: 'center' } }}
        size="small"
        activeKey={open}
        onChange={(keys) => onOpen(keys)}
        items={results.map((file) => ({
          key: file.fileName,
          label: <FillinFileHeader file={file} />,
          classNames: file.accepted ? undefined : { header: 'fillin-rejected-head' },
          extra: !applied && (
            <Button
              size="small"
              type="link"
              className="fillin-file-remove"
              disabled={disabled}
              aria-label={`移除${file.fileName}`}
              onClick={(event) => {
                // the header toggles the block; the button only removes the file
                event.stopPropagation();
                onRemove(file.fileName);
              }}
            >
              移除
            </Button>
          ),
          children: <FillinFileBody file={file} kind={kind} />,
        }))}
      />
    </Flex>
  );
}
