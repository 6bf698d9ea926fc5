import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { dispatch } from '../../electron/contract';
import type { AppContext } from '../../electron/services/app-context';
import type { RequestCaller } from '../../electron/services/auth/caller';

/**
 * Contract calls as a transport makes them for `caller` (none: the single PC), on the context the test has open
 * now: the answer, the data of one that must succeed, the refusal of one that must be refused.
 */
export function callerCalls(currentCtx: () => AppContext) {
  const call = async (method: string, input: unknown, caller?: RequestCaller): Promise<ApiResult> =>
    structuredClone(await dispatch(currentCtx(), method, structuredClone(input), caller));
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>, caller?: RequestCaller) => {
    const result = await call(method, input, caller);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
    return result.data as MethodOutput<M>;
  };
  const refusal = async (method: string, input: unknown, caller?: RequestCaller) => {
    const result = await call(method, input, caller);
    if (result.ok) throw new Error(`${method} was expected to be refused`);
    return result.error;
  };
  return { call, ok, refusal };
}
