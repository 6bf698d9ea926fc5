/** The boxes Enter moves through, in page order: inputs and text areas a clerk can type in or choose from. */
export function focusableFields(container: HTMLElement): HTMLElement[] {
  const candidates = container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  return Array.from(candidates).filter(
    (el) =>
      !el.disabled &&
      el.tabIndex >= 0 &&
      !(el instanceof HTMLInputElement && (el.type === 'hidden' || (el.type === 'radio' && !el.checked))),
  );
}

/** Moves the keyboard to the box after `from` within its form (or `container`), as Enter does in Excel. */
export function focusNextField(from: HTMLElement, container = from.closest<HTMLElement>('form')): void {
  if (!container) return;
  const fields = focusableFields(container);
  fields[fields.indexOf(from) + 1]?.focus();
}
