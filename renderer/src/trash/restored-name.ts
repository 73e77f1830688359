/**
 * The name offered for an item restored beside one that took its name: `budget (restored).xlsx`,
 * the marker before a file's extension so it still opens with its app. Folders, and files whose
 * only dot leads (`.env`), get it at the end.
 */
export function restoredName(name: string, marker: string, kind: 'file' | 'folder'): string {
  const dot = kind === 'file' ? name.lastIndexOf('.') : -1;
  return dot > 0 ? `${name.slice(0, dot)} (${marker})${name.slice(dot)}` : `${name} (${marker})`;
}
