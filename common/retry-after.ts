/**
 * The wire format of HTTP's `Retry-After` (RFC 9110 §10.2.3) as Box sends it: seconds, or an
 * HTTP date. Both processes read it from Box's answers, and the backend's own answers carry it to
 * the desktop, so its meaning is part of the contract between them.
 */

/** `retry-after` in seconds (either spelling of the name); undefined when absent or unreadable. */
export function retryAfterSeconds(headers: Readonly<Record<string, string>>): number | undefined {
  const raw = headers['retry-after'] ?? headers['Retry-After'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
