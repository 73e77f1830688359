/**
 * The Node flags the backend runs with. The benchmark imports them; `npm run backend`, the README
 * and docs/backend.md spell them out, and `test/unit/backend/node-flags.test.ts` keeps those the same.
 *
 * `--max-semi-space-size=64` (MB): every login allocates short-lived objects (request, token
 * check, Box call), and with 50 logins in flight many are still alive at each young-generation
 * collection. With V8's default 16 MB those collections came every ~400 ms and paused the
 * process 8–20 ms each on a 2-CPU machine; with 64 MB they come a quarter as often. Measured
 * with `bench/provisioning/run.ts`, four runs each, interleaved: returning-login p99 97–103 ms
 * against 105–130 ms. It costs no memory there: peak RSS 204 MB with it, 231 MB without (one
 * run each; fewer short-lived objects get promoted to the old generation).
 */
export const backendNodeFlags = ['--max-semi-space-size=64'] as const;
