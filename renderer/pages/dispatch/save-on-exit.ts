import type { MethodInput } from '../../../electron/api-spec';
import { sendWithoutWaiting } from '../../api';

/** Saves the entry being edited while the window closes; nothing waits for the answer. */
export function saveOnExit(input: MethodInput<'dispatch.saveEntry'>): void {
  sendWithoutWaiting('dispatch.saveEntry', input);
}
