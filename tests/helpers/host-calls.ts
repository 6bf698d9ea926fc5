import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';

// One API call over HTTP as the browser version makes it, told apart by what the caller can know: answered
// (ok, or refused with the host's error), or no answer at all (the host was down or went away mid-request: the
// write may or may not have been made).

export type CallOutcome<M extends MethodName> =
  | { kind: 'ok'; status: number; data: MethodOutput<M> }
  | { kind: 'refused'; status: number; error: { code: string; message: string } }
  | { kind: 'no_answer'; reason: string };

export async function callHost<M extends MethodName>(
  port: number,
  method: M,
  input: MethodInput<M>,
): Promise<CallOutcome<M>> {
  let response: Response;
  let result: ApiResult;
  try {
    response = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    result = (await response.json()) as ApiResult;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { kind: 'no_answer', reason: cause?.code ?? String(error) };
  }
  if (result.ok) return { kind: 'ok', status: response.status, data: result.data as MethodOutput<M> };
  return { kind: 'refused', status: response.status, error: result.error };
}

/** The call's data; anything else fails the caller with what came back. */
export async function okFrom<M extends MethodName>(
  port: number,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const outcome = await callHost(port, method, input);
  if (outcome.kind !== 'ok') throw new Error(`${method}: ${JSON.stringify(outcome)}`);
  return outcome.data;
}
