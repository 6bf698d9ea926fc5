import { Alert, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserView } from '../../../db/model/roles';
import type { AppStatus } from '../../../electron/api-spec';
import { ApiError, invoke, onSignedOut } from '../../api';
import { ChangeInitialPassword } from './ChangeInitialPassword';
import { LoginScreen } from './LoginScreen';
import { SessionContext, type SessionValue } from './session';

type Phase =
  | { kind: 'checking' }
  | { kind: 'signedOut'; notice: string | null }
  | { kind: 'signedIn'; user: UserView }
  | { kind: 'failed'; message: string };

/**
 * On an office server (`status.accounts`) nothing is shown before a login: the login screen, then the
 * initial password's change, then the app as the user's role sees it. A session that ends later (the admin,
 * idle expiry) brings the login screen back; the address stays, so the login returns to the same page.
 * A single PC passes straight through, with no user.
 */
export function AccountGate({ status, children }: { status: AppStatus; children: ReactNode }) {
  if (!status.accounts) return children;
  return <SignedInOnly cityName={status.cityName}>{children}</SignedInOnly>;
}

function SignedInOnly({ cityName, children }: { cityName: string; children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });

  useEffect(() => {
    let current = true;
    invoke('auth.me', {}).then(
      (user) => current && setPhase({ kind: 'signedIn', user }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.code === 'unauthenticated')
          setPhase({ kind: 'signedOut', notice: null });
        else setPhase({ kind: 'failed', message: (error as Error).message });
      },
    );
    return () => {
      current = false;
    };
  }, []);

  // a refusal for want of a session, from any screen: the login screen says why
  useEffect(
    () =>
      onSignedOut((message) =>
        setPhase((now) => (now.kind === 'signedIn' ? { kind: 'signedOut', notice: message } : now)),
      ),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await invoke('auth.logout', {});
    } catch {
      // the server could not be reached or the session had ended already: this window forgets it either way
    }
    setPhase({ kind: 'signedOut', notice: null });
  }, []);
  const user = phase.kind === 'signedIn' ? phase.user : null;
  const session = useMemo<SessionValue>(() => ({ user, signOut }), [user, signOut]);

  switch (phase.kind) {
    case 'checking':
      return <Spin fullscreen description="正在连接…" />;
    case 'failed':
      return (
        <Alert type="error" showIcon title="无法连接办公室服务器" description={phase.message} style={{ margin: 24 }} />
      );
    case 'signedOut':
      return (
        <LoginScreen
          cityName={cityName}
          notice={phase.notice}
          onSignedIn={(signedIn) => setPhase({ kind: 'signedIn', user: signedIn })}
        />
      );
    case 'signedIn':
      if (phase.user.mustChangePassword) {
        return (
          <ChangeInitialPassword
            user={phase.user}
            onChanged={(changed) => setPhase({ kind: 'signedIn', user: changed })}
            onSignOut={() => void signOut()}
          />
        );
      }
      return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
  }
}
