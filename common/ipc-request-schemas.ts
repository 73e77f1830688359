/**
 * Runtime validation of what the renderer sends, one zod schema per request channel.
 * Main validates every request against this before a handler sees it: the renderer is
 * treated as untrusted input.
 */
import { uiLanguages } from './languages.ts';
import { z } from 'zod';
import { sharedLinkAccessLevels } from './box-file-operations.ts';
import { maxBoxNameLength } from './box-name-rules.ts';
import type { RequestChannel, RequestOf } from './ipc-contract.ts';
import { userEditableSettings } from './settings-overview.ts';
import { nameClashChoices } from './transfers.ts';
import { bulkClashChoices } from './bulk.ts';

const transferId = z.string().min(1).max(64);

/** Box ids are decimal strings; anything else is refused before it reaches a URL path. */
const boxId = z.string().regex(/^\d{1,32}$/);
const boxItemType = z.enum(['file', 'folder']);
/** Length only here: main checks Box's name rules itself so it can say what is wrong. */
const boxName = z.string().max(maxBoxNameLength * 4);
const boxItemRef = z.strictObject({ itemId: boxId, itemType: boxItemType });
/** Box's rules for link passwords (at least 8 characters) are checked by Box, which says why. */
const sharedLinkSettings = z.strictObject({
  access: z.enum(sharedLinkAccessLevels),
  password: z.string().min(1).max(256).nullable().optional(),
  unsharedAt: z.iso.datetime({ offset: true }).nullable(),
  canDownload: z.boolean(),
});

/** A selection of up to 10,000 items: a whole large folder, selected with Ctrl+A. */
const bulkItems = z
  .array(z.strictObject({ id: boxId, type: boxItemType, name: boxName.min(1) }))
  .min(1)
  .max(10_000);

export const ipcRequestSchemas = {
  'app:getInfo': z.undefined(),
  'app:setLanguage': z.strictObject({ language: z.enum(uiLanguages) }),
  'session:get': z.undefined(),
  'session:signIn': z.undefined(),
  'session:cancelSignIn': z.undefined(),
  'session:getSignInLink': z.undefined(),
  'session:signOut': z.strictObject({ endSession: z.boolean().optional() }),
  'config:get': z.undefined(),
  'box:listFolder': z.strictObject({
    folderId: boxId,
    marker: z.string().max(2048).optional(),
    limit: z.int().min(1).max(1000).optional(),
    sort: z.enum(['name', 'date', 'size']).optional(),
    direction: z.enum(['ASC', 'DESC']).optional(),
  }),
  'box:getFolder': z.strictObject({ folderId: boxId }),
  'box:search': z.strictObject({
    query: z.string().min(1).max(1024),
    ancestorFolderId: boxId.optional(),
    limit: z.int().min(1).max(200).optional(),
    offset: z.int().min(0).max(10_000).optional(),
  }),
  'box:createFolder': z.strictObject({ parentId: boxId, name: boxName }),
  'box:rename': z.strictObject({ itemId: boxId, itemType: boxItemType, name: boxName }),
  'box:move': z.strictObject({ itemId: boxId, itemType: boxItemType, parentId: boxId }),
  'box:delete': z.strictObject({ itemId: boxId, itemType: boxItemType }),
  'box:getFileInfo': z.strictObject({ fileId: boxId }),
  'box:getThumbnail': z.strictObject({ fileId: boxId, of: z.enum(['image', 'document']).optional() }),
  'box:listTrash': z.strictObject({ offset: z.int().min(0).max(1_000_000).optional() }),
  'box:restore': z.strictObject({
    itemId: boxId,
    itemType: boxItemType,
    parentId: boxId.optional(),
    newName: boxName.optional(),
  }),
  'box:purge': boxItemRef,
  'box:listVersions': z.strictObject({ fileId: boxId }),
  'box:promoteVersion': z.strictObject({ fileId: boxId, versionId: boxId }),
  'box:getSharing': boxItemRef,
  'box:setSharedLink': z.strictObject({ itemId: boxId, itemType: boxItemType, settings: sharedLinkSettings }),
  'box:removeSharedLink': boxItemRef,
  'box:copySharedLink': boxItemRef,
  'preview:open': z.strictObject({ fileId: boxId, versionId: boxId.optional() }),
  'preview:openInApp': z.strictObject({ fileId: boxId }),
  'editing:open': z.strictObject({ fileId: boxId }),
  'editing:list': z.undefined(),
  'editing:close': z.strictObject({ fileId: boxId }),
  'transfer:list': z.undefined(),
  'transfer:download': z.strictObject({
    files: z
      .array(z.strictObject({ id: boxId, name: boxName.min(1) }))
      .min(1)
      .max(1000),
    openWhenDone: z.boolean().optional(),
  }),
  'transfer:upload': z.strictObject({ folderId: boxId }),
  'transfer:uploadDropped': z.strictObject({
    folderId: boxId,
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
  }),
  'transfer:downloadVersion': z.strictObject({ fileId: boxId, versionId: boxId, name: boxName.min(1) }),
  'transfer:dragOut': z.strictObject({ fileId: boxId, name: boxName.min(1) }),
  'transfer:cancel': z.strictObject({ id: transferId }),
  'transfer:retry': z.strictObject({ id: transferId }),
  'transfer:clearFinished': z.undefined(),
  'transfer:answerNameClash': z.strictObject({
    questionId: transferId,
    choice: z.enum(nameClashChoices),
    applyToAll: z.boolean(),
  }),
  'bulk:start': z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('delete'), items: bulkItems }),
    z.strictObject({ action: z.enum(['move', 'copy']), items: bulkItems, targetFolderId: boxId }),
    z.strictObject({ action: z.literal('download'), items: bulkItems }),
  ]),
  'bulk:retryFailed': z.strictObject({ jobId: transferId }),
  'bulk:undoDelete': z.strictObject({ jobId: transferId }),
  'bulk:stop': z.strictObject({ jobId: transferId }),
  'bulk:answerNameClash': z.strictObject({
    questionId: transferId,
    choice: z.enum(bulkClashChoices),
    applyToAll: z.boolean(),
  }),
  'updates:getStatus': z.undefined(),
  'updates:checkNow': z.undefined(),
  'diagnostics:copy': z.undefined(),
  'diagnostics:save': z.undefined(),
  'settings:getOverview': z.undefined(),
  'settings:setUserSetting': z.strictObject({
    key: z.enum(userEditableSettings),
    value: z.string().max(1024).nullable(),
  }),
  'settings:clearStorage': z.strictObject({ id: z.enum(['error-log']) }),
} as const satisfies { [C in RequestChannel]: z.ZodType<RequestOf<C>> };
