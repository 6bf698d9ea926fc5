import { createContext, useContext } from 'react';
import type { DispatchRow } from '../../../db/model/dispatch';

/** 转为问题: the entry grid's rows ask the tab to open 登记问题 for one row's 需协调事项. */
export const RaiseFromEntryContext = createContext<((row: DispatchRow) => void) | null>(null);

export const useRaiseFromEntry = () => useContext(RaiseFromEntryContext);
