import { BoxClient, BoxDeveloperTokenAuth } from 'box-node-sdk';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';

export interface LoopTiming {
  firstPageMs: number;
  allMs: number;
  items: number;
  calls: number;
}

/**
 * The baseline: a bare box-node-sdk loop over the folder's pages, what any integration would
 * write. `limit` undefined keeps the SDK's (Box's) default page size and full default fields.
 */
export async function listWithBareSdk(
  origin: string,
  token: string,
  folderId: string,
  limit?: number,
  fields?: string[],
): Promise<LoopTiming> {
  const client = new BoxClient({
    auth: new BoxDeveloperTokenAuth({ token }),
    networkSession: new NetworkSession({
      baseUrls: new BaseUrls({ baseUrl: origin, uploadUrl: `${origin}/api`, oauth2Url: `${origin}/api/oauth2` }),
    }),
  });
  const started = performance.now();
  let firstPageMs = 0;
  let items = 0;
  let calls = 0;
  let marker: string | undefined;
  do {
    const page = await client.folders.getFolderItems(folderId, {
      queryParams: {
        usemarker: true,
        ...(limit ? { limit } : {}),
        ...(fields ? { fields } : {}),
        ...(marker ? { marker } : {}),
      },
    });
    calls += 1;
    if (calls === 1) firstPageMs = performance.now() - started;
    items += page.entries?.length ?? 0;
    marker = page.nextMarker ?? undefined;
  } while (marker);
  return { firstPageMs, allMs: performance.now() - started, items, calls };
}
