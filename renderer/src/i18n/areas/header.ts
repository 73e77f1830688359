import { defineArea } from '../define-area.ts';

export const header = defineArea(
  {
    account: 'Signed-in account',
    signOut: 'Sign out',
    signOutOptions: 'Sign-out options',
    signOutEverywhere: 'Sign out of your company account too',
    settings: 'Settings',
  },
  {
    account: 'Angemeldetes Konto',
    signOut: 'Abmelden',
    signOutOptions: 'Abmeldeoptionen',
    signOutEverywhere: 'Auch vom Firmenkonto abmelden',
    settings: 'Einstellungen',
  },
);
