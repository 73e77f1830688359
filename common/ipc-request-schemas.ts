/**
 * Runtime validation of what the renderer sends, one zod schema per request channel.
 * Main validates every request against this before a handler sees it: the renderer is
 * treated as untrusted input.
 */
import { z } from 'zod';
import type { RequestChannel, RequestOf } from './ipc-contract.ts';

export const ipcRequestSchemas = {
  'app:getInfo': z.undefined(),
  'session:get': z.undefined(),
  'config:get': z.undefined(),
} as const satisfies { [C in RequestChannel]: z.ZodType<RequestOf<C>> };
