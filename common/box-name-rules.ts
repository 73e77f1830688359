/**
 * Box's rules for item names, checked in the renderer's dialogs (to say what is wrong before
 * a round trip) and again in main (the renderer is untrusted). Box rejects the same names with
 * `item_name_invalid`. Each broken rule has a name, so the renderer can say it in the user's
 * language (its `nameRules` catalog area); main says it in English.
 */
export const maxBoxNameLength = 255;

export type BoxNameRule = 'empty' | 'onlySpaces' | 'edgeSpace' | 'tooLong' | 'slash' | 'dots' | 'control';

/** Null when the name is acceptable, otherwise the rule it breaks. */
export function brokenBoxNameRule(name: string): BoxNameRule | null {
  if (name.length === 0) return 'empty';
  if (name.trim().length === 0) return 'onlySpaces';
  if (name !== name.trim()) return 'edgeSpace';
  if (name.length > maxBoxNameLength) return 'tooLong';
  if (/[/\\]/.test(name)) return 'slash';
  if (name === '.' || name === '..') return 'dots';
  // Box also refuses control characters, which a paste can bring in unseen.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  return null;
}

const englishRules: Record<BoxNameRule, string> = {
  empty: 'Enter a name.',
  onlySpaces: 'A name cannot be only spaces.',
  edgeSpace: 'A name cannot start or end with a space.',
  tooLong: `A name can have at most ${maxBoxNameLength} characters.`,
  slash: 'A name cannot contain / or \\.',
  dots: 'A name cannot be "." or "..".',
  control: 'A name cannot contain control characters.',
};

/** Null when the name is acceptable, otherwise what to change, in English (main's messages). */
export function boxNameProblem(name: string): string | null {
  const rule = brokenBoxNameRule(name);
  return rule === null ? null : englishRules[rule];
}
