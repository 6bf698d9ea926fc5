// In the desktop app the folder picker answers with a one-time token, which is what the API takes as a folder
// (electron/folder-tokens.ts), and the folder's path, which only the clerk reads: remembered here by token.
// Kept apart from ./shell so a page can show a folder whichever way it was given (picked, or typed in the
// browser version).

const paths = new Map<string, string>();

export function rememberChosenFolder(token: string, path: string): void {
  paths.set(token, path);
}

/** The path to show for a folder value: the picked folder's path for a token, else the value (a typed path). */
export function chosenFolderPath(value: string): string {
  return paths.get(value) ?? value;
}
