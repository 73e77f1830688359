/**
 * The sample policy every template carries (the JSON example, the .mobileconfig). It is checked
 * against the schema when the templates are generated, so a sample can never teach a bad value.
 */
import { desktopPolicySchema, type DesktopPolicy } from '../../common/desktop-config-schema.ts';

const example = {
  issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  clientId: '11111111-1111-1111-1111-111111111111',
  backendUrl: 'https://box-sso.example.com',
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  loopbackPorts: [],
  domainHint: 'example.com',
  updatesEnabled: true,
  updateUrl: 'https://updates.example.com/box-sso-desktop',
  updateChannel: 'stable',
  defaults: { loginHint: 'first.last@example.com' },
} satisfies DesktopPolicy;

export function examplePolicy(): DesktopPolicy {
  const result = desktopPolicySchema.safeParse(example);
  if (!result.success) throw new Error(`the example policy is invalid: ${result.error.message}`);
  // The input, not the parsed output: the templates show what an admin writes.
  return structuredClone(example);
}
