/**
 * What the renderer learns about Box content: only the fields the file browser shows, never a
 * token or a download URL. Main maps Box's JSON to these shapes.
 */
export type BoxItemType = 'file' | 'folder' | 'web_link';

export interface BoxItem {
  id: string;
  type: BoxItemType;
  name: string;
  /** Bytes; folders report the total size of their content. */
  size: number | null;
  /** ISO 8601; the root folder has none. */
  modifiedAt: string | null;
  /** Lower-case, without the dot; empty for folders and files without one. */
  extension: string;
}

/** One ancestor in a breadcrumb trail, root first. */
export interface BoxPathEntry {
  id: string;
  name: string;
}

export interface BoxFolderPage {
  items: BoxItem[];
  /** Pass back as `marker` for the next page; null on the last page. */
  nextMarker: string | null;
}

export interface BoxFolderInfo {
  id: string;
  name: string;
  /** From the root down to the folder's parent. */
  path: BoxPathEntry[];
}

export interface BoxSearchResult extends BoxItem {
  /** Where the item lives, root first, so results from different folders can be told apart. */
  path: BoxPathEntry[];
}

export interface BoxSearchPage {
  results: BoxSearchResult[];
  totalCount: number;
}

export interface BoxFileInfo extends BoxItem {
  path: BoxPathEntry[];
  createdAt: string | null;
  modifiedBy: string | null;
  ownedBy: string | null;
  description: string;
}

/** The sort orders Box itself applies to a folder listing. */
export type BoxSortKey = 'name' | 'date' | 'size';
export type BoxSortDirection = 'ASC' | 'DESC';
