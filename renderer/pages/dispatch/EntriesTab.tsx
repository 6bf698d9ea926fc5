import { Alert, App, Button, Empty, Spin } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DispatchRow, DispatchWeekView } from '../../../db/model/dispatch';
import { invoke } from '../../api';
import { RaiseProblemDialog } from '../../components/RaiseProblemDialog';
import { useMayCall } from '../../app/session/session';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { chooseSlips } from '../../components/slip-choice';
import { EntriesToolbar } from './EntriesToolbar';
import { filterRows, NO_FILTERS, type EntryFilters } from './entry-filters';
import { EntryStore } from './entry-store';
import { EntryPhotosProvider } from './entry-photos';
import { EntryGrid, type EntryGridHandle } from './EntryGrid';
import { presetFromEntry, RaiseFromEntryContext } from './raise-from-entry';
import './dispatch.css';

/** what the week's rows show: their texts, the projects' names and lights, their problems and figures */
const ROW_KINDS = ['dispatch', 'project', 'problem', 'investment', 'library'] as const;

/** More than the tallest window shows at once: 本周调度's first screen. */
const FIRST_ROWS = 40;

/**
 * 本周调度: every active project's four texts of the chosen week, typed in like a spreadsheet. The week's first rows
 * are asked for ahead of the whole week and shown at once, read-only, until the whole week replaces them.
 */
export function EntriesTab({ week }: { week: string }) {
  const first = useApi('dispatch.week', { week, first: FIRST_ROWS });
  const ahead = first.data?.week.key === week ? first.data : undefined;
  // asked once this week's first rows are in: asked together, the host may take up the whole week first
  const view = useApi('dispatch.week', { week }, { enabled: ahead !== undefined || first.error !== undefined });
  const current = view.data?.week.key === week ? view.data : undefined;
  if (view.error && !view.loading && !current) {
    return (
      <Alert
        type="error"
        showIcon
        title="本周调度读取失败"
        description={view.error.message}
        action={
          <Button size="small" onClick={() => void view.reload()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!current && ahead) {
    return (
      <fieldset disabled className="entries-arriving" aria-busy="true">
        <EntriesView key={`${ahead.week.key}:first`} view={ahead} arriving />
      </fieldset>
    );
  }
  if (!current) {
    return (
      <div className="zd-grid-blank">
        <Spin description="正在读取调度内容…">
          <div className="entries-loading-box" />
        </Spin>
      </div>
    );
  }
  return <EntriesView key={current.week.key} view={current} />;
}

/** `arriving`: the view holds the week's first rows only, shown read-only until the whole week comes. */
function EntriesView({ view, arriving = false }: { view: DispatchWeekView; arriving?: boolean }) {
  const { modal, message } = App.useApp();
  const [store] = useState(() => new EntryStore(view.week.key, view.rows));
  const [filters, setFilters] = useState<EntryFilters>(NO_FILTERS);
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const gridRef = useRef<EntryGridHandle>(null);
  const [raising, setRaising] = useState<DispatchRow | null>(null);
  const mayReport = useMayCall()('dispatch.saveEntry');
  const [raised, setRaised] = useState<ReadonlyMap<number, DispatchRow['raisedProblems']>>(new Map());
  const raiseFromEntry = useMemo(
    () => ({ raise: setRaising, raisedSince: (projectId: number) => raised.get(projectId) ?? [] }),
    [raised],
  );
  // another clerk's save: the week is read again and its rows' texts change in place, never under the clerk's cursor
  useLiveChanges(arriving ? [] : ROW_KINDS, () => {
    invoke('dispatch.week', { week: view.week.key }).then(
      (fresh) => store.refreshRows(fresh.rows),
      () => undefined,
    );
  });
  const counts = useSyncExternalStore(store.subscribe, store.counts);
  const activity = useSyncExternalStore(store.subscribe, store.activity);

  // nothing typed is lost: the pause timer, leaving the page and closing the window all save
  useEffect(() => {
    const onExit = () => store.saveOnExit();
    window.addEventListener('pagehide', onExit);
    window.addEventListener('beforeunload', onExit);
    return () => {
      window.removeEventListener('pagehide', onExit);
      window.removeEventListener('beforeunload', onExit);
      void store.flushAll();
      store.dispose();
    };
  }, [store]);

  const rows = useMemo(() => filterRows(view.rows, { ...filters, search }), [view.rows, filters, search]);
  const waitingShown = useMemo(() => rows.filter((r) => counts.waiting.has(r.projectId)), [rows, counts.waiting]);
  const chosen = waitingShown.filter((r) => selected.has(r.projectId));

  const toggle = useCallback((id: number) => {
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  function confirmCopied() {
    const targets = chosen.length ? chosen : waitingShown;
    if (!targets.length) return;
    const what = chosen.length ? `所选的 ${targets.length} 个项目` : `列表中 ${targets.length} 个沿用上周内容的项目`;
    modal.confirm({
      title: '确认沿用上周内容？',
      content: `${what}将按原文字作为${view.label}的进展报送，计为已报送。`,
      okText: '确认报送',
      cancelText: '取消',
      onOk: async () => {
        try {
          await store.flushAll();
          const fresh = await invoke('dispatch.confirm', {
            week: view.week.key,
            projectIds: targets.map((r) => r.projectId),
          });
          store.replaceRows(fresh.rows);
          setSelected(new Set());
          void message.success(`已确认 ${targets.length} 个项目的调度内容`);
        } catch (error) {
          void message.error(`确认未完成：${(error as Error).message}`);
        }
      },
    });
  }

  const clearFilters = () => {
    setSearchText('');
    setFilters(NO_FILTERS);
  };

  return (
    <div className="zd-page">
      <div className="zd-toolbar entries-summary">
        {arriving ? (
          <span className="entries-counter zd-secondary">正在载入本周全部项目…</span>
        ) : (
          <span className="entries-counter zd-secondary" aria-label="报送情况">
            已报送 <b className="num">{counts.confirmed}</b> / 共 <b className="num">{counts.active}</b>，未报送{' '}
            <b className={`num${counts.unreported ? ' is-unreported' : ''}`}>{counts.unreported}</b>
          </span>
        )}
        <span className="entries-activity zd-muted zd-small" aria-live="polite">
          {arriving ? null : activity.failed > 0 ? (
            <span className="zd-text-red">{activity.failed} 个项目保存失败，见“状态”列</span>
          ) : activity.busy > 0 ? (
            <span>正在保存…</span>
          ) : (
            <span className="zd-text-green">所有修改均已保存</span>
          )}
        </span>
        <span className="zd-gap" />
        {mayReport ? (
          <>
            <span className="zd-ellipsis zd-hint">
              直接输入替换整格 · F2或再次单击在原文上修改 · Tab/Enter 移动 · Shift+Enter 换行 · Esc 撤销本格
            </span>
            <Button size="small" disabled={!waitingShown.length} onClick={confirmCopied}>
              {chosen.length ? `确认所选（${chosen.length}）` : `全部沿用（${waitingShown.length}）`}
            </Button>
          </>
        ) : (
          <span className="zd-hint">只读：您的角色可查看和打印本周调度，不能修改</span>
        )}
      </div>
      <EntriesToolbar
        rows={view.rows}
        filters={filters}
        searchText={searchText}
        onSearch={setSearchText}
        onLeaveSearch={() => gridRef.current?.focusFirst()}
        onChange={(patch) => setFilters((old) => ({ ...old, ...patch }))}
        onUnreportedOnly={(on) => setFilters((old) => ({ ...old, unreported: on ? store.unreportedIds() : null }))}
        onClear={clearFilters}
      />
      {view.rows.length === 0 ? (
        <div className="zd-grid-blank">
          <Empty description="本周没有在建或在办的项目需要调度" />
        </div>
      ) : (
        <RaiseFromEntryContext.Provider value={raiseFromEntry}>
          <EntryPhotosProvider view={view} store={store}>
            <EntryGrid
              ref={gridRef}
              rows={rows}
              store={store}
              selected={selected}
              onToggle={toggle}
              selectAll={{
                checked: waitingShown.length > 0 && chosen.length === waitingShown.length,
                indeterminate: chosen.length > 0 && chosen.length < waitingShown.length,
                disabled: waitingShown.length === 0,
                onChange: () =>
                  setSelected(
                    chosen.length === waitingShown.length ? new Set() : new Set(waitingShown.map((r) => r.projectId)),
                  ),
              }}
              empty={
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的项目">
                  <Button onClick={clearFilters}>清除筛选</Button>
                </Empty>
              }
            />
          </EntryPhotosProvider>
        </RaiseFromEntryContext.Provider>
      )}
      <RaiseProblemDialog
        open={raising !== null}
        project={raising && { id: raising.projectId, code: raising.code, name: raising.name }}
        preset={raising ? presetFromEntry(raising, view.week) : undefined}
        onClose={() => setRaising(null)}
        onCreated={(problem) => {
          chooseSlips([problem.id]);
          setRaised((old) =>
            new Map(old).set(problem.projectId, [
              ...(old.get(problem.projectId) ?? []),
              { id: problem.id, code: problem.code },
            ]),
          );
          setRaising(null);
        }}
      />
    </div>
  );
}
