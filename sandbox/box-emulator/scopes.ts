/**
 * The scopes a downscoped token may carry (Box's "downscope" token exchange), and which of them
 * each kind of operation accepts. A full (not downscoped) token may do everything its user may.
 */
export const DOWNSCOPE_SCOPES = [
  'root_readonly',
  'root_readwrite',
  'base_explorer',
  'base_picker',
  'base_preview',
  'base_upload',
  'base_sidebar',
  'item_download',
  'item_preview',
  'item_upload',
  'item_rename',
  'item_delete',
  'item_share',
  'item_comment',
  'annotation_edit',
  'annotation_view_all',
  'annotation_view_self',
] as const;

export type Operation = 'read' | 'download' | 'preview' | 'upload' | 'rename' | 'delete' | 'share';

export const SCOPES_FOR: Record<Operation, readonly string[]> = {
  read: [
    'root_readonly',
    'root_readwrite',
    'base_explorer',
    'base_picker',
    'base_preview',
    'item_preview',
    'item_download',
  ],
  download: ['root_readonly', 'root_readwrite', 'item_download'],
  preview: ['root_readonly', 'root_readwrite', 'base_explorer', 'base_preview', 'item_preview'],
  upload: ['root_readwrite', 'base_upload', 'item_upload'],
  rename: ['root_readwrite', 'item_rename'],
  delete: ['root_readwrite', 'item_delete'],
  share: ['root_readwrite', 'item_share'],
};

export function isKnownScope(scope: string): boolean {
  return (DOWNSCOPE_SCOPES as readonly string[]).includes(scope);
}
