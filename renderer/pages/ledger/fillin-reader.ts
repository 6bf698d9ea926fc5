import { useRef, useState } from 'react';
import type { FillinFileResult, FillinPeriod, FillinPreview, FillinResult } from '../../../electron/api-spec';
import { ApiError, invoke } from '../../api';
import { baseName, fileSizeRefusal, readFileBase64 } from './ledger-import-file';
import { failureMessage } from './fillin-text';

/** A returned sheet as chosen: read to base64, or refused before reading (too big, unreadable). */
export interface ChosenSheet {
  fileName: string;
  contentBase64: string | null;
  refusal: string | null;
}

export type ReaderBusy = 'reading' | 'checking' | 'applying' | null;

export interface ReaderFailure {
  message: string;
  during: 'preview' | 'apply';
  /** the files or the database changed since the preview: offer to preview again */
  stale: boolean;
}

export interface Applied {
  result: FillinResult;
  backup: string;
}

const UNREADABLE = '无法读取这个文件，请确认它没有被其他程序占用后重试';

async function choose(file: File): Promise<ChosenSheet> {
  const tooBig = fileSizeRefusal(file);
  if (tooBig) return { fileName: file.name, contentBase64: null, refusal: tooBig };
  try {
    return { fileName: file.name, contentBase64: await readFileBase64(file), refusal: null };
  } catch {
    return { fileName: file.name, contentBase64: null, refusal: UNREADABLE };
  }
}

function sendable(chosen: ChosenSheet[]) {
  return chosen.flatMap((file) =>
    file.contentBase64 === null ? [] : [{ fileName: file.fileName, contentBase64: file.contentBase64 }],
  );
}

/**
 * One result per chosen file in the clerk's order: the app's answer for the files it read, the refusal for
 * those never sent. The app answers one result per file sent, in the order sent.
 */
export function resultsOf(chosen: ChosenSheet[], read: FillinFileResult[] | undefined): FillinFileResult[] {
  let next = 0;
  return chosen.flatMap((file): FillinFileResult[] => {
    if (file.refusal !== null) {
      return [
        {
          fileName: file.fileName,
          unitName: null,
          accepted: false,
          message: file.refusal,
          rows: [],
          unchanged: 0,
          problems: [],
          missing: [],
        },
      ];
    }
    const answer = read?.[next++];
    return answer ? [answer] : [];
  });
}

/** Files with something to look at open by default; with only a few files all of them are open. */
function openKeys(results: FillinFileResult[]): string[] {
  const wanted = results.length <= 3 ? results : results.filter((r) => !r.accepted || r.problems.length > 0);
  return wanted.map((r) => r.fileName);
}

/** Chooses the returned sheets, previews them for the period, and applies the preview once confirmed. */
export function useFillinReader() {
  const [chosen, setChosen] = useState<ChosenSheet[]>([]);
  const [busy, setBusy] = useState<ReaderBusy>(null);
  const [preview, setPreview] = useState<FillinPreview | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [failure, setFailure] = useState<ReaderFailure | null>(null);
  const [open, setOpen] = useState<string[]>([]);
  // a newer choice, period or preview makes any answer still on its way irrelevant
  const ticket = useRef(0);

  async function runPreview(files: ChosenSheet[], period: FillinPeriod) {
    const mine = ++ticket.current;
    setApplied(null);
    setFailure(null);
    const toSend = sendable(files);
    if (toSend.length === 0) {
      setPreview(null);
      setBusy(null);
      setOpen(openKeys(resultsOf(files, [])));
      return;
    }
    setBusy('checking');
    try {
      const shown = await invoke('fillin.preview', { period, files: toSend });
      if (mine !== ticket.current) return;
      setPreview(shown);
      setOpen(openKeys(resultsOf(files, shown.files)));
    } catch (error) {
      if (mine !== ticket.current) return;
      setPreview(null);
      setFailure({ message: failureMessage(error, '填报表未能读取，请重试'), during: 'preview', stale: false });
    } finally {
      if (mine === ticket.current) setBusy(null);
    }
  }

  async function add(files: File[], period: FillinPeriod) {
    const mine = ++ticket.current;
    setBusy('reading');
    setFailure(null);
    setApplied(null);
    // the list is about to change: the old answers no longer line up with it
    setPreview(null);
    // the same name again is the unit's corrected copy: it replaces the first
    const read = new Map<string, ChosenSheet>();
    for (const file of files) read.set(file.name, await choose(file));
    if (mine !== ticket.current) return;
    const next = [...chosen.filter((file) => !read.has(file.fileName)), ...read.values()];
    setChosen(next);
    await runPreview(next, period);
  }

  function remove(fileName: string, period: FillinPeriod) {
    const next = chosen.filter((file) => file.fileName !== fileName);
    setChosen(next);
    setPreview(null);
    if (next.length === 0) clear();
    else void runPreview(next, period);
  }

  function clear() {
    ticket.current++;
    setChosen([]);
    setPreview(null);
    setApplied(null);
    setFailure(null);
    setBusy(null);
    setOpen([]);
  }

  /** The same files read again for another week or month. */
  function periodChanged(period: FillinPeriod) {
    if (chosen.length > 0) void runPreview(chosen, period);
  }

  async function apply(period: FillinPeriod, shown: FillinPreview) {
    const mine = ++ticket.current;
    setBusy('applying');
    setFailure(null);
    try {
      const result = await invoke('fillin.apply', { period, files: sendable(chosen), fingerprint: shown.fingerprint });
      if (mine !== ticket.current) return;
      setApplied({ result, backup: baseName(result.backupFile) });
      setPreview(null);
    } catch (error) {
      if (mine !== ticket.current) return;
      setFailure({
        message: failureMessage(error, '更新未完成，数据未改动，请重试'),
        during: 'apply',
        stale: error instanceof ApiError && error.code === 'preview_stale',
      });
    } finally {
      if (mine === ticket.current) setBusy(null);
    }
  }

  return {
    chosen,
    busy,
    preview,
    applied,
    failure,
    open,
    setOpen,
    add: (files: File[], period: FillinPeriod) => void add(files, period),
    remove,
    clear,
    periodChanged,
    repreview: (period: FillinPeriod) => void runPreview(chosen, period),
    apply: (period: FillinPeriod, shown: FillinPreview) => void apply(period, shown),
  };
}

export type FillinReader = ReturnType<typeof useFillinReader>;
