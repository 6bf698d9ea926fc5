import { useCallback, useRef, useState } from 'react';
import type { AttachmentOwnerKind } from '../../../db/model/attachments';
import { ApiError, invoke } from '../../api';
import { isPhotoFile, readAsBase64 } from './attachment-files';

export interface UploadLine {
  key: number;
  fileName: string;
  state: 'waiting' | 'uploading' | 'done' | 'refused';
  /** the server's refusal, word for word */
  message?: string;
}

export interface AttachmentOwner {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
}

/** Refused here before a byte is sent: a weekly entry takes 现场照片 only. */
export const PHOTOS_ONLY_MESSAGE = (name: string) =>
  `文件“${name}”不是照片：周调度只收现场照片（JPG、PNG、HEIC），文件请传到项目页的“附件”`;

/**
 * Files the clerk picked or dropped, uploaded one after another: each line says where it stands, and a refused
 * file keeps the server's own words until the clerk clears the lines. `onUploaded` after each file that went in.
 */
export function useAttachmentUpload(owner: AttachmentOwner, options: { photosOnly?: boolean; onUploaded(): void }) {
  const [lines, setLines] = useState<UploadLine[]>([]);
  const nextKey = useRef(1);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const { photosOnly = false, onUploaded } = options;
  const { ownerKind, ownerId } = owner;

  const update = (key: number, change: Partial<UploadLine>) =>
    setLines((all) => all.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const upload = useCallback(
    (files: readonly File[]) => {
      const fresh = files.map((file) => ({ file, key: nextKey.current++ }));
      setLines((all) => [
        ...all.filter((line) => line.state !== 'done'),
        ...fresh.map(({ file, key }) => ({ key, fileName: file.name, state: 'waiting' as const })),
      ]);
      const run = async () => {
        for (const { file, key } of fresh) {
          if (photosOnly && !isPhotoFile(file)) {
            update(key, { state: 'refused', message: PHOTOS_ONLY_MESSAGE(file.name) });
            continue;
          }
          update(key, { state: 'uploading' });
          try {
            const contentBase64 = await readAsBase64(file);
            await invoke('attachments.add', { ownerKind, ownerId, fileName: file.name, contentBase64 });
            update(key, { state: 'done' });
            onUploaded();
          } catch (error) {
            const message = error instanceof ApiError || error instanceof Error ? error.message : '上传失败，请重试';
            update(key, { state: 'refused', message });
          }
        }
      };
      queue.current = queue.current.then(run);
      return queue.current;
    },
    [ownerKind, ownerId, photosOnly, onUploaded],
  );

  const clear = useCallback(
    () => setLines((all) => all.filter((l) => l.state === 'waiting' || l.state === 'uploading')),
    [],
  );
  const busy = lines.some((l) => l.state === 'waiting' || l.state === 'uploading');
  const finished = lines.filter((l) => l.state === 'done' || l.state === 'refused').length;
  return { lines, busy, finished, upload, clear };
}
