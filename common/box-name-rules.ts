/**
 * Box's rules for item names, checked in the renderer's dialogs (to say what is wrong before
 * a round trip) and again in main (the renderer is untrusted). Box rejects the same names with
 * `item_name_invalid`.
 */
export const maxBoxNameLength = 255;

/** Null when the name is acceptable, otherwise what to change. */
export function boxNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a name.';
  if (name.trim().length === 0) return 'A name cannot be only spaces.';
  if (name !== name.trim()) return 'A name cannot start or end with a space.';
  if (name.length > maxBoxNameLength) return `A name can have at most ${maxBoxNameLength} characters.`;
  if (/[/\\]/.test(name)) return 'A name cannot contain / or \\.';
  if (name === '.' || name === '..') return 'A name cannot be "." or "..".';
  // Box also refuses control characters, which a paste can bring in unseen.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A name cannot contain control characters.';
  return null;
}
