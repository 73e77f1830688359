import { extname } from 'node:path';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "Budget 2027.xlsx" → "Budget 2027 (conflict copy from Alice Example, 2026-12-01 10:42).xlsx",
 * the name Box Drive gives an edit that could not become a new version, in the local time of the
 * person who made it.
 */
export function conflictCopyName(name: string, userName: string, at: Date): string {
  const extension = extname(name);
  const stem = extension === '' ? name : name.slice(0, -extension.length);
  const when = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
  // Box refuses "/" and "\" in names; a user name with one must not break the copy.
  const who = userName.replace(/[/\\]/g, '-');
  return `${stem} (conflict copy from ${who}, ${when})${extension}`;
}
