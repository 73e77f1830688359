import type { RequestChannel, RequestOf, ResponseOf } from '../../../common/ipc-contract.ts';

/** One handler per request channel; the type makes a missing or mistyped handler a compile error. */
export type HandlerTable = {
  [C in RequestChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};
