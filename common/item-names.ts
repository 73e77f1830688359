/**
 * A name with a marker in parentheses, for an item placed beside one that took its name:
 * `report (1).pdf` (keep both), `budget (restored).xlsx` (restore). A file's marker goes before
 * its extension, so the file still opens with its app; a folder's, and a file's with no extension
 * or whose only dot leads (`.env`), goes at the end.
 */
export function markedName(name: string, marker: string, kind: 'file' | 'folder' = 'file'): string {
  const dot = kind === 'file' ? name.lastIndexOf('.') : -1;
  return dot > 0 ? `${name.slice(0, dot)} (${marker})${name.slice(dot)}` : `${name} (${marker})`;
}
