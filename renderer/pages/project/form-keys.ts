import { useEffect, useRef, type KeyboardEvent } from 'react';
import { focusableFields } from '../../components/focus-next';

/**
 * Enter in a one-line box moves on to the next box, as clerks expect from Excel; it never submits. Selects
 * handle their own Enter (see KeyboardSelect).
 */
export function moveToNextField(event: KeyboardEvent<HTMLElement>): void {
  // Enter also confirms a pinyin candidate; that keystroke belongs to the input method.
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.shiftKey || event.ctrlKey || event.altKey) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.closest('.ant-select')) return;
  const fields = focusableFields(event.currentTarget);
  const next = fields[fields.indexOf(target) + 1];
  if (target.closest('.ant-picker')) {
    // The date picker takes Enter to accept the typed date; move on once it has.
    setTimeout(() => next?.focus(), 0);
    return;
  }
  event.preventDefault();
  next?.focus();
}

/** Ctrl+S (⌘S) saves while the page is open. */
export function useSaveShortcut(save: () => void): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
