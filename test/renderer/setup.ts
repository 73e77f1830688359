import '@testing-library/jest-dom/vitest';
// Components translate through the app's i18next instance (English unless a test switches).
import '../../renderer/src/i18n/i18n.ts';
