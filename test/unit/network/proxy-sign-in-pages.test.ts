/**
 * The browser shell's proxy sign-in pages over a real HTTP server: each question is its own
 * page, its form's answer reaches the asker once, Cancel and a closed shell answer "cancelled",
 * and a page that is over, or an answer far too large, is refused without reaching the core.
 */
import { createServer, type Server } from 'node:http';
import { ProxySignInPages } from '../../../main/browser-shell/proxy-sign-in-pages.ts';
import type { ProxyCredentialRequest } from '../../../main/core/network/proxy-credentials.ts';
import { closeServer, listen } from '../../support/http-server.ts';

const question: ProxyCredentialRequest = { proxy: 'proxy.corp.test:3128', realm: 'corp', attempt: 1, refused: false };

let server: Server;
let origin: string;
let shown: string[];
let pages: ProxySignInPages;

beforeEach(async () => {
  shown = [];
  pages = new ProxySignInPages((url) => {
    shown.push(url);
    return Promise.resolve();
  });
  server = createServer((request, response) => {
    void pages.handle(request, response, new URL(request.url!, 'http://x').pathname).then((ours) => {
      if (!ours) response.writeHead(404).end('not ours');
    });
  });
  origin = await listen(server);
  pages.attach(origin);
});
afterEach(() => closeServer(server));

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

test('a question becomes its own page, and its form answers the asker once', async () => {
  const answer = pages.ask(question);
  await vi.waitFor(() => expect(shown).toHaveLength(1));
  const page = await fetch(shown[0]!);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
  const html = await page.text();
  expect(html).toContain('<strong>proxy.corp.test:3128</strong> (corp)');
  expect(html).toContain('method="post"');
  expect((await post(shown[0]!, 'u=alice&p=s%26cret')).status).toBe(200);
  await expect(answer).resolves.toEqual({ username: 'alice', password: 's&cret' });
  // The page is over: neither shown again nor answered twice.
  expect((await fetch(shown[0]!)).status).toBe(404);
  expect((await post(shown[0]!, 'u=mallory&p=x')).status).toBe(404);
});

test('Cancel, and a shell that closes, answer "cancelled"', async () => {
  const cancelled = pages.ask(question);
  await vi.waitFor(() => expect(shown).toHaveLength(1));
  await post(`${shown[0]!}?cancel=1`, 'u=&p=');
  await expect(cancelled).resolves.toBeNull();

  const open = pages.ask({ ...question, attempt: 2, refused: true });
  await vi.waitFor(() => expect(shown).toHaveLength(2));
  expect(await (await fetch(shown[1]!)).text()).toContain('(try 2 of 3)');
  pages.cancelAll();
  await expect(open).resolves.toBeNull();
});

test('an answer far too large is refused and the question stays open', async () => {
  const answer = pages.ask(question);
  await vi.waitFor(() => expect(shown).toHaveLength(1));
  expect((await post(shown[0]!, `u=a&p=${'x'.repeat(20_000)}`)).status).toBe(413);
  expect((await post(shown[0]!, 'u=a&p=b')).status).toBe(200);
  await expect(answer).resolves.toEqual({ username: 'a', password: 'b' });
});

test('before the shell listens, or when nothing can show the page, the question is cancelled', async () => {
  await expect(new ProxySignInPages(() => Promise.resolve()).ask(question)).resolves.toBeNull();
  const failing = new ProxySignInPages(() => Promise.reject(new Error('no browser')));
  failing.attach(origin);
  await expect(failing.ask(question)).resolves.toBeNull();
  expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
});
