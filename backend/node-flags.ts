/**
 * The Node flags the backend runs with. The benchmark imports them; `npm run backend`, the README
 * and docs/backend.md spell them out, and `test/unit/backend/node-flags.test.ts` keeps those the same.
 *
 * `--max-semi-space-size=64` (MB): every login allocates short-lived objects (request, token
 * check, Box call), and with 50 logins in flight many are still alive at each young-generation
 * collection; a larger young generation collects (and pauses the process) less often. The
 * measurements are in docs/backend.md ("Young-generation size").
 */
export const backendNodeFlags = ['--max-semi-space-size=64'] as const;
