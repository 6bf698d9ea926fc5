/** Reloads the whole window so every page reads the restored data afresh; a seam tests replace (jsdom cannot reload). */
export function reloadApp(): void {
  window.location.reload();
}
