import { Alert, Result, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, Redirect, Route, Router, Switch } from 'wouter';
import { onDatabaseDamaged } from '../api';
import { useApi } from '../hooks/use-api';
import { BoardPage } from '../pages/board/BoardPage';
import { ChainLeadsPage } from '../pages/chain-leads/ChainLeadsPage';
import { ContactLeadersPage } from '../pages/contact-leaders/ContactLeadersPage';
import { AttractionPage } from '../pages/attraction/AttractionPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DispatchPage } from '../pages/dispatch/DispatchPage';
import { FactorsPage } from '../pages/factors/FactorsPage';
import { ProblemsPage } from '../pages/problems/ProblemsPage';
import { StatsPage } from '../pages/stats/StatsPage';
import { LedgerPage } from '../pages/ledger/LedgerPage';
import { BulletinPage } from '../pages/bulletin/BulletinPage';
import { HistoryPage } from '../pages/history/HistoryPage';
import { LibraryPage } from '../pages/library/LibraryPage';
import { RolloverPage } from '../pages/rollover/RolloverPage';
import { ProjectEditPage } from '../pages/project/ProjectEditPage';
import { ProjectPage } from '../pages/project/ProjectPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { UnitDeskPage } from '../pages/unit-desk/UnitDeskPage';
import { BulletinPrint } from '../print/BulletinPrint';
import { ChangesPrint } from '../print/ChangesPrint';
import { DispatchListPrint } from '../print/DispatchListPrint';
import { ProblemListPrint } from '../print/ProblemListPrint';
import { ProblemSlipsPrint } from '../print/ProblemSlipsPrint';
import { PhotoSheetPrint } from '../print/PhotoSheetPrint';
import { AppShell } from './AppShell';
import { AppStatusContext } from './app-status';
import { FirstStart } from './FirstStart';
import { RecoveryScreen } from './RecoveryScreen';
import { AccountGate } from './session/AccountGate';
import { useHomePath } from './session/role-areas';
import { useHashPath, useHashSearch } from './hash-location';

export function App() {
  const status = useApi('app.status', {});
  const reloadStatus = status.reload;
  // damage found after the start (the background check): the next answer says so, and the status then leads
  // to the recovery screen
  useEffect(() => onDatabaseDamaged(() => void reloadStatus()), [reloadStatus]);
  const contextValue = useMemo(
    () => (status.data ? { status: status.data, refreshStatus: status.reload } : null),
    [status.data, status.reload],
  );
  if (status.error && !status.data) {
    return (
      <Alert type="error" showIcon title="无法读取数据" description={status.error.message} style={{ margin: 24 }} />
    );
  }
  if (!contextValue) return <Spin fullscreen description="正在打开数据…" />;
  if (contextValue.status.damage || contextValue.status.startProblem) {
    return <RecoveryScreen status={contextValue.status} onRestored={status.reload} />;
  }
  return (
    <AccountGate status={contextValue.status} onSignedIn={() => void status.reload()}>
      {contextValue.status.needsSetup ? (
        <FirstStart status={contextValue.status} onDone={status.reload} />
      ) : (
        <AppStatusContext.Provider value={contextValue}>
          <AppRoutes />
        </AppStatusContext.Provider>
      )}
    </AccountGate>
  );
}

function AppRoutes() {
  const home = useHomePath();
  return (
    <Router hook={useHashPath} searchHook={useHashSearch}>
      <Switch>
        {/* paper layouts: no shell around them, for the printer, PDF and the in-app preview */}
        <Route path="/print/dispatch" component={DispatchListPrint} />
        <Route path="/print/changes" component={ChangesPrint} />
        <Route path="/print/problem-slips" component={ProblemSlipsPrint} />
        <Route path="/print/problems" component={ProblemListPrint} />
        <Route path="/print/bulletin" component={BulletinPrint} />
        <Route path="/print/photos" component={PhotoSheetPrint} />
        <Route>
          <AppShell>
            <Switch>
              <Route path="/">
                <Redirect to={home} />
              </Route>
              <Route path="/dashboard" component={DashboardPage} />
              <Route path="/board" component={BoardPage} />
              <Route path="/chain-leads" component={ChainLeadsPage} />
              <Route path="/contact-leaders/:tab?">{(params) => <ContactLeadersPage tab={params.tab} />}</Route>
              <Route path="/attraction" component={AttractionPage} />
              <Route path="/stats" component={StatsPage} />
              <Route path="/rollover" component={RolloverPage} />
              <Route path="/dispatch/:tab?">{(params) => <DispatchPage tab={params.tab} />}</Route>
              <Route path="/problems/:tab?">{(params) => <ProblemsPage tab={params.tab} />}</Route>
              <Route path="/factors/:tab?">{(params) => <FactorsPage tab={params.tab} />}</Route>
              <Route path="/ledger" component={LedgerPage} />
              <Route path="/bulletin" component={BulletinPage} />
              <Route path="/history" component={HistoryPage} />
              <Route path="/unit" component={UnitDeskPage} />
              <Route path="/projects" component={LibraryPage} />
              <Route path="/projects/new">{() => <ProjectEditPage />}</Route>
              <Route path="/projects/:id/edit">{(params) => <ProjectEditPage id={Number(params.id)} />}</Route>
              <Route path="/projects/:id">{(params) => <ProjectPage id={Number(params.id)} />}</Route>
              <Route path="/settings/:tab?">{(params) => <SettingsPage tab={params.tab} />}</Route>
              <Route>
                <Result status="404" title="没有这个页面" extra={<Link href="/projects">返回项目库</Link>} />
              </Route>
            </Switch>
          </AppShell>
        </Route>
      </Switch>
    </Router>
  );
}
