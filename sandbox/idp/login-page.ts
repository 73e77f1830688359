import type { SandboxUser } from './users.ts';

/**
 * The sandbox provider's login page: plain HTML and a stylesheet, no script, so that the
 * scripted browser (an HTTP client) and a real Chromium see the same thing. Each seeded
 * user is a one-click form; the free form below accepts any seeded user too.
 */
export const stylesheetPath = '/sandbox-assets/login.css';

export const stylesheet = `
:root { color-scheme: light; --ink: #1b2733; --muted: #5b6b7b; --accent: #0061d5; --warn-bg: #fff4d6; --warn-ink: #6b4a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #eef2f6; }
.banner { background: var(--warn-bg); color: var(--warn-ink); padding: 10px 16px; text-align: center; font-weight: 600; border-bottom: 1px solid #f0d89a; }
main { max-width: 420px; margin: 40px auto; background: #fff; border-radius: 12px; box-shadow: 0 8px 24px rgba(20, 40, 60, .12); padding: 28px 32px; }
h1 { font-size: 22px; margin: 0 0 4px; }
p.lead { margin: 0 0 20px; color: var(--muted); }
.users { display: grid; gap: 10px; margin-bottom: 20px; }
.user { display: flex; justify-content: space-between; align-items: center; gap: 12px; width: 100%; padding: 10px 14px; border: 1px solid #d5dde6; border-radius: 8px; background: #f8fafc; font: inherit; color: inherit; cursor: pointer; text-align: left; }
.user:hover, .user:focus-visible { border-color: var(--accent); outline: none; }
.user small { color: var(--muted); display: block; }
code { font: 13px ui-monospace, Menlo, Consolas, monospace; background: #eef2f6; padding: 2px 6px; border-radius: 4px; }
label { display: block; font-weight: 600; margin: 12px 0 4px; }
input { width: 100%; padding: 9px 10px; border: 1px solid #c5d0db; border-radius: 6px; font: inherit; }
.actions { display: flex; gap: 10px; margin-top: 18px; }
button.primary { flex: 1; padding: 10px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
button.secondary { padding: 10px 14px; border: 1px solid #c5d0db; border-radius: 6px; background: #fff; font: inherit; cursor: pointer; }
.error { background: #fde8e8; color: #8a1c1c; padding: 8px 12px; border-radius: 6px; margin-bottom: 12px; }
`;

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderLoginPage(options: {
  uid: string;
  users: readonly SandboxUser[];
  clientName: string;
  error?: string;
}): string {
  const action = `/interaction/${encodeURIComponent(options.uid)}/login`;
  const abort = `/interaction/${encodeURIComponent(options.uid)}/abort`;
  const users = options.users
    .map(
      (user) => `<form method="post" action="${action}">
      <input type="hidden" name="username" value="${escapeHtml(user.username)}">
      <input type="hidden" name="password" value="${escapeHtml(user.password)}">
      <button class="user" type="submit"><span>${escapeHtml(user.name)}<small>${escapeHtml(user.email)}</small></span>
      <span><code>${escapeHtml(user.username)}</code> / <code>${escapeHtml(user.password)}</code></span></button>
    </form>`,
    )
    .join('\n');
  const error = options.error ? `<div class="error" role="alert">${escapeHtml(options.error)}</div>` : '';
  return pageShell(
    'Sandbox sign-in',
    `<h1>Sign in to ${escapeHtml(options.clientName)}</h1>
  <p class="lead">Pick a test user, or type one of the usernames and passwords below.</p>
  ${error}
  <div class="users">${users}</div>
  <form method="post" action="${action}">
    <label for="username">Username</label>
    <input id="username" name="username" autocomplete="username" required>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <div class="actions"><button class="primary" type="submit">Sign in</button>
    <button class="secondary" type="submit" formaction="${abort}" formnovalidate>Cancel</button></div>
  </form>`,
  );
}

/** Every sandbox page: the stylesheet, the banner that says this is not a real login, a card. */
export function pageShell(title: string, cardHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${stylesheetPath}">
</head>
<body>
<div class="banner" role="note">Sandbox sign-in — not your company login</div>
<main>
  ${cardHtml}
</main>
</body>
</html>`;
}
