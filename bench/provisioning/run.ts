/**
 * Provisioning benchmark (issue 4): the backend and the Box emulator each in their own
 * process (the IdP and the load generator share this one), the emulator with 20 ms added to every Box call, 2,000 token requests over 500 identities at concurrency
 * 50 — 500 first logins, then 1,500 returning ones. Prints throughput, latency
 * percentiles, Box calls per login and users created, next to the issue's targets.
 *
 *   node bench/provisioning/run.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatorControlClient } from '../../sandbox/box-emulator/control-client.ts';
import { startSandboxIdp, type SandboxUser } from '../../sandbox/idp/index.ts';
import { signInAs } from '../../test/support/sign-in-as.ts';
import { pool, summarize, type PhaseStats } from './stats.ts';

const identities = 500;
const totalRequests = 2000;
const concurrency = 50;
const boxLatencyMs = 20;

const people: SandboxUser[] = Array.from({ length: identities }, (_, i) => ({
  sub: `bench-${i}`,
  username: `bench${i}`,
  password: `bench-password-${i}`,
  name: `Bench User ${i}`,
  email: `bench${i}@example.com`,
}));

/** Starts a Node script and resolves with the URL it prints once it listens. */
function startProcess(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

/**
 * The load generator shares the machine's cores with the backend and the emulator, so it should
 * cost as little as it can: node:http on kept-alive connections takes about half the CPU per
 * request of fetch, CPU that would otherwise show up as the backend's queueing.
 */
const loadAgent = new Agent({ keepAlive: true, maxSockets: concurrency });

function postToken(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/v1/box-token`, {
      method: 'POST',
      agent: loadAgent,
      headers: { authorization: `Bearer ${token}`, 'content-length': '0' },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function phase(
  url: string,
  tokens: readonly string[],
): Promise<PhaseStats & { failures: number; clientCpuMs: number }> {
  let failures = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const latencies = await pool(tokens, concurrency, async (token) => {
    const t0 = performance.now();
    if ((await postToken(url, token)) !== 200) failures++;
    return performance.now() - t0;
  });
  const used = process.cpuUsage(cpu);
  return {
    ...summarize(latencies, (performance.now() - started) / 1000),
    failures,
    clientCpuMs: (used.user + used.system) / 1000 / tokens.length,
  };
}

function metric(text: string, pattern: RegExp): number {
  return Number(pattern.exec(text)?.[1] ?? Number.NaN);
}

const sumCounts = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const dir = await mkdtemp(join(tmpdir(), 'bench-provisioning-'));
const idp = await startSandboxIdp({ users: people });
const emulatorProcess = await startProcess([
  'sandbox/box-emulator/cli.ts',
  '--app-config',
  join(dir, 'box-config.json'),
]);
const emulator = { origin: emulatorProcess.url, controls: new EmulatorControlClient(emulatorProcess.url) };
let backend: ChildProcess | undefined;
try {
  console.log(`signing in ${identities} identities at the sandbox IdP...`);
  const idTokens = await pool(people, 8, async (person) => (await signInAs(idp, person.username)).idToken);

  const started = await startProcess(['backend/main.ts'], {
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: idp.desktopClientId,
    BOX_CONFIG_FILE: join(dir, 'box-config.json'),
    BOX_API_URL: emulator.origin,
    BOX_UPLOAD_URL: `${emulator.origin}/api`,
    BOX_OAUTH2_URL: `${emulator.origin}/api/oauth2`,
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_GLOBAL: '100000',
  });
  backend = started.child;
  await emulator.controls.addFault({ route: '*', latencyMs: boxLatencyMs });

  /** Linux only: user + system time of the emulator process, from /proc. */
  const emulatorCpuSeconds = async () => {
    const fields = (await readFile(`/proc/${emulatorProcess.child.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const backendCpuSeconds = async () =>
    metric(await (await fetch(`${started.url}/metrics`)).text(), /^process_cpu_seconds_total (\S+)$/m);

  await emulator.controls.clearRequests();
  const cpu0 = await backendCpuSeconds();
  const first = await phase(started.url, idTokens);
  const firstCalls = sumCounts(await emulator.controls.callCounts());
  const cpu1 = await backendCpuSeconds();

  await emulator.controls.clearRequests();
  const emulatorCpu1 = await emulatorCpuSeconds();
  const returningTokens = Array.from({ length: totalRequests - identities }, (_, i) => idTokens[i % identities]!);
  const returning = await phase(started.url, returningTokens);
  const returningLog = await emulator.controls.requests();
  const returningCalls = sumCounts(await emulator.controls.callCounts());
  const cpu2 = await backendCpuSeconds();
  const boxRoundTripMs = returningLog.reduce((sum, r) => sum + r.durationMs, 0) / returningLog.length;

  const metrics = await (await fetch(`${started.url}/metrics`)).text();
  const usersCreated = metric(metrics, /box_users_created_total\{type="app"\} (\d+)/);

  const callsPerFirst = firstCalls / first.requests;
  const callsPerReturning = returningCalls / returning.requests;
  const returningBudget = 3 * callsPerReturning * boxRoundTripMs;
  // The time returning logins spent on their Box calls as the backend saw them (network and queueing included).
  const seenByBackendMs =
    (metric(metrics, /box_provisioning_duration_seconds_sum\{kind="returning"\} (\S+)/) * 1000) /
    metric(metrics, /box_provisioning_duration_seconds_count\{kind="returning"\} (\S+)/);
  const totalSeconds = first.seconds + returning.seconds;
  const row = (name: string, s: PhaseStats & { failures: number; clientCpuMs: number }) =>
    `${name.padEnd(10)} ${String(s.requests).padStart(5)} req  ${fmt(s.throughput, 0).padStart(5)} req/s  p50 ${fmt(s.p50).padStart(6)} ms  p95 ${fmt(s.p95).padStart(6)} ms  p99 ${fmt(s.p99).padStart(6)} ms  failures ${s.failures}`;

  console.log(
    `\nprovisioning benchmark: ${totalRequests} requests, ${identities} identities, concurrency ${concurrency}, +${boxLatencyMs} ms per Box call`,
  );
  console.log(row('first', first));
  console.log(row('returning', returning));
  console.log(`overall    ${totalRequests} req  ${fmt(totalRequests / totalSeconds, 0)} req/s`);
  console.log(
    `Box calls per first login:     ${fmt(callsPerFirst, 2)} (target <= 4; includes the one service-account token)`,
  );
  console.log(`Box calls per returning login: ${fmt(callsPerReturning, 2)} (target <= 2)`);
  console.log(`mean Box round trip (emulator-side): ${fmt(boxRoundTripMs)} ms`);
  console.log(
    `backend CPU per login: first ${fmt(((cpu1 - cpu0) * 1000) / first.requests, 2)} ms, returning ${fmt(((cpu2 - cpu1) * 1000) / returning.requests, 2)} ms; load average ${loadavg()
      .map((n) => fmt(n, 1))
      .join(' ')} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `emulator CPU per returning login: ${fmt((((await emulatorCpuSeconds()) - emulatorCpu1) * 1000) / returning.requests, 2)} ms; load generator CPU per request: first ${fmt(first.clientCpuMs, 2)} ms, returning ${fmt(returning.clientCpuMs, 2)} ms (all share the same cores)`,
  );
  console.log(
    `returning p99 ${fmt(returning.p99)} ms vs 3 x Box round trips ${fmt(returningBudget)} ms (emulator-side): ${returning.p99 < returningBudget ? 'met' : 'MISSED'}`,
  );
  console.log(
    `returning p99 ${fmt(returning.p99)} ms vs 3 x Box time seen by the backend ${fmt(3 * seenByBackendMs)} ms: ${returning.p99 < 3 * seenByBackendMs ? 'met' : 'MISSED'}`,
  );
  console.log(`users created: ${usersCreated} (must be ${identities})`);
  if (usersCreated !== identities || first.failures + returning.failures > 0) process.exitCode = 1;
} finally {
  backend?.kill('SIGTERM');
  emulatorProcess.child.kill('SIGTERM');
  await idp.close();
  await rm(dir, { recursive: true, force: true });
}
