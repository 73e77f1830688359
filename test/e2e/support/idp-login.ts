import type { Page } from '@playwright/test';

/**
 * What a person does in the system browser: open the sign-in URL the app handed over, log in
 * on the sandbox identity provider's own page, and wait for the app's "signed in" page.
 */
export async function logInAtSandboxIdp(
  tab: Page,
  signInUrl: string,
  user: { username: string; password: string },
): Promise<void> {
  await tab.goto(signInUrl);
  await tab.getByLabel('Username').fill(user.username);
  await tab.getByLabel('Password').fill(user.password);
  await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
  await tab.getByText("You're signed in").waitFor();
}
