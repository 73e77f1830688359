import { environmentVariables } from '../main/core/config/environment-settings.ts';
import type { SandboxStack } from '../sandbox/stack/start-sandbox-stack.ts';

/** The development environment variables that point the app at a running sandbox stack. */
export function sandboxEnvironment(stack: SandboxStack): Record<string, string> {
  const settings = stack.desktopSettings;
  return {
    [environmentVariables.issuer]: settings.issuer,
    [environmentVariables.clientId]: settings.clientId,
    [environmentVariables.backendUrl]: settings.backendUrl,
    [environmentVariables.boxApiUrl]: settings.boxApiUrl,
    [environmentVariables.boxUploadUrl]: settings.boxUploadUrl,
    BOX_SSO_SANDBOX: '1',
  };
}
