import type { CustomFetch } from 'openid-client';

interface Latch {
  promise: Promise<void>;
  open(): void;
}

function latch(): Latch {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * openid-client's fetch to the real IdP, with discovery held at two points the test chooses:
 * before the request goes out, and after the IdP answered but before openid-client reads it.
 * That makes "a second start while discovery is under way" a fact, not a timing guess.
 */
export function heldDiscovery() {
  const reached = latch();
  const answered = latch();
  const send = latch();
  const deliver = latch();
  const idpFetch: CustomFetch = async (url, options) => {
    // The IdP's own fetch options are what fetch takes; openid-client types them more narrowly.
    const pass = () => fetch(url, options as RequestInit);
    if (!new URL(url).pathname.endsWith('/.well-known/openid-configuration')) return pass();
    reached.open();
    await send.promise;
    const response = await pass();
    answered.open();
    await deliver.promise;
    return response;
  };
  return {
    idpFetch,
    /** Resolves once discovery's request is held, not yet sent. */
    reached: reached.promise,
    /** Resolves once the IdP answered discovery. */
    answered: answered.promise,
    /** Lets the request go; resolves once the IdP answered (the answer is still held). */
    sendRequest: async () => {
      send.open();
      await answered.promise;
    },
    release: () => {
      send.open();
      deliver.open();
    },
  };
}
