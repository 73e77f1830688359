/**
 * The people who can sign in at the sandbox identity provider. Their passwords are shown
 * on the login page on purpose: this provider exists for tests and demos only.
 */
export interface SandboxUser {
  /** Stable subject identifier; the backend links the Box App User to it. */
  sub: string;
  username: string;
  password: string;
  name: string;
  email: string;
}

export const defaultSandboxUsers: readonly SandboxUser[] = [
  {
    sub: 'sandbox-user-alice',
    username: 'alice',
    password: 'alice-sandbox',
    name: 'Alice Example',
    email: 'alice@example.com',
  },
  { sub: 'sandbox-user-bob', username: 'bob', password: 'bob-sandbox', name: 'Bob Example', email: 'bob@example.com' },
];

/** Claims released per scope; `openid` always carries `sub`. */
export function claimsOf(user: SandboxUser): { sub: string } & Record<string, unknown> {
  return { sub: user.sub, name: user.name, preferred_username: user.username, email: user.email, email_verified: true };
}
