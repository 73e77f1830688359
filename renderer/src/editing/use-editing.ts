import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoxItem } from '../../../common/box-items.ts';
import type { EditSnapshot } from '../../../common/editing.ts';
import { i18n } from '../i18n/i18n.ts';
import { invoke, subscribe } from '../ipc/bridge.ts';

export interface EditingNotices {
  info: (message: string) => void;
  error: (error: unknown) => void;
}

/** Whether `name` ends in one of the policy's editable extensions (`.docx`, …). */
export function isEditableName(name: string, types: readonly string[]): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && types.includes(name.slice(dot).toLowerCase());
}

/**
 * The signed-in user's edits as main publishes them (`editing:changed`), the policy's editable
 * types (what double-click opens for editing), and the actions: open for editing, close. A
 * conflict and a read-only open are told to the user as they happen.
 */
export function useEditing(notices: EditingNotices) {
  const [edits, setEdits] = useState<EditSnapshot[]>([]);
  const [editableTypes, setEditableTypes] = useState<readonly string[]>([]);
  const known = useRef(new Map<string, EditSnapshot>());
  const noticesRef = useRef(notices);
  useEffect(() => {
    noticesRef.current = notices;
  });

  useEffect(() => {
    const take = (next: EditSnapshot[]) => {
      for (const edit of next) {
        const before = known.current.get(edit.conflict?.originalFileId ?? edit.fileId);
        if (edit.conflict && before && !before.conflict) {
          noticesRef.current.info(
            i18n.t('editing.conflict', { original: edit.conflict.originalName, copy: edit.conflict.copyName }),
          );
        }
      }
      known.current = new Map(next.map((edit) => [edit.conflict?.originalFileId ?? edit.fileId, edit]));
      setEdits(next);
    };
    const stop = subscribe('editing:changed', take);
    void invoke('editing:list').then(take, noticesRef.current.error);
    void invoke('config:get').then(
      (config) => {
        if (config.status === 'ok') setEditableTypes(config.effective.config.editableFileTypes);
      },
      // Without the policy's list, double-click previews; "Open for editing" in the menu still works.
      () => setEditableTypes([]),
    );
    return stop;
  }, []);

  const open = useCallback((item: BoxItem) => {
    void invoke('editing:open', { fileId: item.id }).then((edit) => {
      if (edit.state === 'read-only' && edit.lockedBy !== undefined) {
        noticesRef.current.info(i18n.t('editing.openedReadOnly', { name: edit.name, person: edit.lockedBy }));
      }
    }, noticesRef.current.error);
  }, []);
  const close = useCallback((fileId: string) => {
    void invoke('editing:close', { fileId }).catch(noticesRef.current.error);
  }, []);

  return {
    edits,
    open,
    close,
    isEditable: (item: BoxItem) => item.type === 'file' && isEditableName(item.name, editableTypes),
    /** The edit of a Box file, by the file's id or the original's (after a conflict). */
    editOf: (fileId: string) => edits.find((e) => e.fileId === fileId || e.conflict?.originalFileId === fileId),
  };
}
