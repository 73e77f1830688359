import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. Renderer component tests run in happy-dom; everything
 * else runs in plain Node against the real peers (oidc-provider, the Box emulator,
 * gnome-keyring), which is why integration tests get generous timeouts.
 */
export default defineConfig({
  test: {
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['test/{unit,integration}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.tsx'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
