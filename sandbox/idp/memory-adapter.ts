import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * A per-instance in-memory store for oidc-provider. The library's own memory adapter keeps
 * one module-wide LRU of 1,000 entries, which benchmarks overflow and which several
 * providers in one test process would share; this one is private to each sandbox IdP and
 * survives key rotation (a new Provider instance reuses the same stores).
 */
interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

export type AdapterStores = Map<string, Map<string, Entry>>;

export function createAdapterFactory(stores: AdapterStores, now: () => number = Date.now): (model: string) => Adapter {
  const storeFor = (model: string): Map<string, Entry> => {
    let store = stores.get(model);
    if (!store) {
      store = new Map();
      stores.set(model, store);
    }
    return store;
  };
  const live = (entry: Entry | undefined): AdapterPayload | undefined =>
    entry && entry.expiresAt > now() ? entry.payload : undefined;
  const findWhere = (model: string, match: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
    for (const entry of storeFor(model).values()) {
      const payload = live(entry);
      if (payload && match(payload)) return payload;
    }
    return undefined;
  };

  return (model: string): Adapter => {
    const store = storeFor(model);
    return {
      upsert(id, payload, expiresIn) {
        store.set(id, { payload, expiresAt: expiresIn === undefined ? Infinity : now() + expiresIn * 1000 });
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(live(store.get(id))),
      findByUid: (uid) => Promise.resolve(findWhere(model, (payload) => payload.uid === uid)),
      findByUserCode: (userCode) => Promise.resolve(findWhere(model, (payload) => payload.userCode === userCode)),
      consume(id) {
        const entry = store.get(id);
        if (entry) entry.payload.consumed = Math.floor(now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        store.delete(id);
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const modelStore of stores.values()) {
          for (const [id, entry] of modelStore) {
            if (entry.payload.grantId === grantId) modelStore.delete(id);
          }
        }
        return Promise.resolve();
      },
    };
  };
}
