import { createContext, useContext } from 'react';
import type { AppStatus } from '../../electron/api-spec';

export interface AppStatusValue {
  status: AppStatus;
  refreshStatus(): Promise<void>;
}

export const AppStatusContext = createContext<AppStatusValue | null>(null);

export function useAppStatus(): AppStatusValue {
  const value = useContext(AppStatusContext);
  if (!value) throw new Error('useAppStatus outside AppStatusContext');
  return value;
}
