/**
 * When the session restore starts relative to the window: `while-loading` is the app's order
 * (main/electron/index.ts), `after-load` the one before issue 24, measured beside it.
 */
export const launchOrders = ['while-loading', 'after-load'] as const;
export type LaunchOrder = (typeof launchOrders)[number];
