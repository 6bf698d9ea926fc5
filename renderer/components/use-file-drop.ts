import { useState, type DragEvent } from 'react';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * A zone that takes files dropped from the desktop: `over` while a file hovers it (for the highlight), and the
 * handlers to spread on the zone. Dropped text or links are ignored, and nothing is taken while disabled.
 */
export function useFileDrop(disabled: boolean, take: (files: FileList) => void) {
  const [over, setOver] = useState(false);
  const dropProps = {
    onDragOver(event: DragEvent) {
      if (disabled || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave() {
      setOver(false);
    },
    onDrop(event: DragEvent) {
      event.preventDefault();
      setOver(false);
      if (!disabled) take(event.dataTransfer.files);
    },
  };
  return { over, dropProps };
}
