import {
  functionalUpdate,
  useTable,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  type SortingState,
} from '@tanstack/react-table';
import { useMayCall } from '../../app/session/session';
import { Alert, App, Button, Empty, Spin, type InputRef } from 'antd';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import type { ProjectListRow } from '../../../db/model/project-list';
import type { ReferenceData } from '../../../db/model/reference';
import type { Stage } from '../../../db/model/stages';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { useLibraryRows } from './use-library-rows';
import { ColumnPicker } from '../../ui/ColumnPicker';
import type { DataGridHandle } from '../../ui/DataGrid';
import {
  columnVisibilityFrom,
  DEFAULT_COLUMN_VISIBILITY,
  libraryColumns,
  libraryFeatures,
  librarySearch,
  visibilityToSave,
} from './library-columns';
import { FILTER_COLUMNS, hasActiveFilters, lightCounts, readFilters, stageCounts } from './library-filters';
import { linkedViewFromQuery, type LinkedView } from './library-link';
import { loadLibrarySession, saveLibrarySession, type LibrarySession } from './library-session';
import { libraryTotals } from './library-totals';
import { LibraryTable } from './LibraryTable';
import { LibraryToolbar } from './LibraryToolbar';
import { StageTabs } from './StageTabs';
import './library.css';

const DEFAULT_SORTING: SortingState = [{ id: 'code', desc: false }];

/** Where the view starts: as the clerk left it this session, unless a new link (?stage=, ?light=, ?lead=) asks for a view. */
function startingView(link: LinkedView): LibrarySession {
  const saved = loadLibrarySession() ?? {
    sorting: DEFAULT_SORTING,
    columnFilters: [],
    search: '',
    focusedId: null,
    linkedQuery: null,
  };
  if (link.key === null || link.key === saved.linkedQuery) return { ...saved, linkedQuery: link.key };
  return { ...saved, columnFilters: link.filters, search: '', linkedQuery: link.key };
}

/** The library's own order with nothing filtered: the view whose first rows the server can send ahead. */
function isPlainView(view: LibrarySession): boolean {
  const [sort, ...more] = view.sorting;
  return (
    view.search === '' && view.columnFilters.length === 0 && more.length === 0 && sort?.id === 'code' && !sort.desc
  );
}

/** 项目库: all projects are loaded once; searching, filtering and sorting then happen in the window. */
export function LibraryPage() {
  const link = linkedViewFromQuery(useSearch());
  const [firstAhead] = useState(() => isPlainView(startingView(link)));
  // asked in this order, answered in this order: the rows are drawn without waiting for the chains and parks
  const settings = useApi('settings.get', {});
  const projects = useLibraryRows(firstAhead);
  const reference = useApi('reference.list', {});
  // another clerk's change: the rows are read again in place (the view keeps its scroll, filters and selection)
  useLiveChanges(CHANGE_KINDS, (events) => {
    void projects.reload();
    if (events.some((event) => event.kind === 'reference' || event.kind === 'library')) void reference.reload();
    if (events.some((event) => event.kind === 'settings')) void settings.reload();
  });
  const error = projects.error ?? reference.error ?? settings.error;
  // a reload after another clerk's change that fails leaves the library as it was: the next change reads it again
  const unread = (projects.error && !projects.complete) || (reference.error && !reference.data) || !settings.data;
  if (error && unread) {
    const retry = () => void Promise.all([projects.reload(), reference.reload(), settings.reload()]);
    return (
      <div className="zd-page">
        <Alert
          type="error"
          showIcon
          title="项目库读取失败"
          description={error.message}
          action={
            <Button size="small" onClick={retry}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!projects.rows || !settings.data) {
    return (
      <div className="zd-stack zd-loading">
        <Spin size="large" description="正在读取项目库…">
          <div className="zd-loading-box" />
        </Spin>
      </div>
    );
  }
  return (
    <LibraryView
      projects={projects.rows}
      complete={projects.complete}
      reference={reference.data}
      savedColumns={settings.data.libraryColumns}
    />
  );
}

interface LibraryViewProps {
  projects: ProjectListRow[];
  /** false while only the first rows are here */
  complete: boolean;
  reference: ReferenceData | undefined;
  savedColumns: Record<string, boolean> | null;
}

function LibraryView({ projects, complete, reference, savedColumns }: LibraryViewProps) {
  const [, navigate] = useLocation();
  const { message } = App.useApp();
  const link = linkedViewFromQuery(useSearch());
  const [start] = useState(() => startingView(link));
  const [linkedQuery, setLinkedQuery] = useState(start.linkedQuery);
  const [sorting, setSorting] = useState<SortingState>(start.sorting);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(start.columnFilters);
  const [searchText, setSearchText] = useState(start.search);
  const [focusedId, setFocusedId] = useState(start.focusedId);
  // typing stays instant while 5,000 rows are filtered behind it
  const globalFilter = useDeferredValue(searchText);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() =>
    columnVisibilityFrom(savedColumns),
  );
  const searchRef = useRef<InputRef>(null);
  const tableRef = useRef<DataGridHandle>(null);

  // another screen linked here with ?stage=…, ?light=…, ?lead=…: follow it even when the library is already open
  if (link.key !== linkedQuery) {
    setLinkedQuery(link.key);
    if (link.key) {
      setColumnFilters(link.filters);
      setSearchText('');
    }
  }

  useEffect(() => {
    saveLibrarySession({ sorting, columnFilters, search: searchText, focusedId, linkedQuery });
  }, [sorting, columnFilters, searchText, focusedId, linkedQuery]);

  function changeVisibility(next: ColumnVisibilityState) {
    setColumnVisibility(next);
    invoke('settings.saveLibraryColumns', { columns: visibilityToSave(next) }).catch((e: Error) => {
      void message.error(`列设置未能保存：${e.message}`);
    });
  }

  const table = useTable({
    features: libraryFeatures,
    columns: libraryColumns,
    data: projects,
    getRowId: (project) => String(project.id),
    state: { sorting, columnFilters, globalFilter, columnVisibility },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: (updater) => setSearchText((old) => functionalUpdate(updater, old)),
    onColumnVisibilityChange: (updater) => changeVisibility(functionalUpdate(updater, columnVisibility)),
    globalFilterFn: librarySearch,
    // the search looks at the whole row once, through the name column
    getColumnCanGlobalFilter: (column) => column.id === 'name',
    enableSortingRemoval: false,
  });

  useEffect(() => {
    function focusSearch(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      if (!slash && !find) return;
      event.preventDefault();
      searchRef.current?.focus({ cursor: 'all' });
    }
    window.addEventListener('keydown', focusSearch);
    return () => window.removeEventListener('keydown', focusSearch);
  }, []);

  const filters = readFilters(columnFilters, globalFilter);
  const counts = useMemo(
    () => stageCounts(projects, readFilters(columnFilters, globalFilter)),
    [projects, columnFilters, globalFilter],
  );
  const lights = useMemo(
    () => lightCounts(projects, readFilters(columnFilters, globalFilter)),
    [projects, columnFilters, globalFilter],
  );
  const filteredRows = table.getFilteredRowModel().rows;
  const totals = useMemo(() => libraryTotals(filteredRows.map((r) => r.original)), [filteredRows]);
  const rows = table.getRowModel().rows;

  const setFilter = (id: string, value: unknown) => table.getColumn(id)?.setFilterValue(value);
  const clearFilters = () => {
    setSearchText('');
    table.setColumnFilters([]);
  };
  const openProject = (id: number) => navigate(`/projects/${id}`);
  const createProject = useMayCall()('projects.create') ? () => navigate('/projects/new') : undefined;

  return (
    <div className="zd-page">
      <LibraryToolbar
        projects={projects}
        complete={complete}
        reference={reference}
        filters={filters}
        searchText={searchText}
        searchRef={searchRef}
        onSearch={setSearchText}
        onLeaveSearch={() => tableRef.current?.focus()}
        onChains={(ids) => setFilter(FILTER_COLUMNS.chain, ids)}
        onLeads={(leads) => setFilter(FILTER_COLUMNS.lead, leads)}
        onParks={(ids) => setFilter(FILTER_COLUMNS.park, ids)}
        onLevels={(ids) => setFilter(FILTER_COLUMNS.level, ids)}
        onTownships={(ids) => setFilter(FILTER_COLUMNS.township, ids)}
        onContactLeaders={(ids) => setFilter(FILTER_COLUMNS.contactLeader, ids)}
        lightCounts={complete ? lights : null}
        onLights={(levels) => setFilter(FILTER_COLUMNS.light, levels)}
        onPromotionOff={() => setFilter(FILTER_COLUMNS.promotion, undefined)}
        onCreate={createProject}
        columnChooser={
          <ColumnPicker
            columns={table.getAllLeafColumns()}
            onReset={() => changeVisibility(DEFAULT_COLUMN_VISIBILITY)}
          />
        }
      />
      {projects.length === 0 ? (
        <div className="zd-grid-blank">
          {createProject ? (
            <Empty description="还没有项目，点击“新增项目”开始录入">
              <Button type="primary" onClick={createProject}>
                新增项目
              </Button>
            </Empty>
          ) : (
            <Empty description="还没有项目" />
          )}
        </div>
      ) : (
        <>
          <StageTabs
            counts={complete ? counts : null}
            stage={filters.stage}
            onChange={(stage: Stage | null) => setFilter(FILTER_COLUMNS.stage, stage ?? undefined)}
          />
          <LibraryTable
            ref={tableRef}
            table={table}
            focusedId={focusedId}
            onFocusRow={setFocusedId}
            rows={rows}
            totals={complete ? totals : null}
            onOpen={openProject}
            empty={
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的项目">
                {hasActiveFilters(filters) && <Button onClick={clearFilters}>清除筛选</Button>}
              </Empty>
            }
          />
        </>
      )}
    </div>
  );
}
