import type { DemoPhotoPalette } from './demo-images.ts';

/** What a file's renditions are made from, when the emulator knows more than the bytes (seeded documents). */
export interface RenditionSource {
  /** The document's text: its extracted text, and the text its PDF rendition pages through. */
  text?: string;
  /** Lines per PDF page (a seeded report sets it to make its page count). */
  linesPerPage?: number;
  /** An image's picture, drawn at whatever size a rendition asks for. */
  palette?: DemoPhotoPalette;
}

/** Box's `status.state`, plus `error` for a rendition that failed (what Box's preview SDK checks for). */
export type RepState = 'success' | 'pending' | 'error';

/** A test's instruction: keep matching representations pending (for `pendingPolls` looks, or until changed) or failed. */
export interface RepRule {
  fileId?: string;
  representation?: string;
  state: RepState;
  pendingPolls?: number;
}

function ruleMatches(rule: RepRule, fileId: string, representation: string): boolean {
  return (
    (rule.fileId === undefined || rule.fileId === fileId) &&
    (rule.representation === undefined || rule.representation === representation)
  );
}

function specificity(rule: RepRule): number {
  return (rule.fileId === undefined ? 0 : 2) + (rule.representation === undefined ? 0 : 1);
}

/**
 * Renditions the emulator "generates": by default every representation is ready at once; a rule
 * makes some pending (counted per file and representation, each read of its status is one look)
 * or failed.
 */
export class RepresentationState {
  readonly sources = new Map<string, RenditionSource>();
  /** Generated renditions by `versionId/representation/asset`, so a big page is drawn once. */
  private readonly cache = new Map<string, Buffer>();
  private rules: RepRule[] = [];
  private readonly looks = new Map<string, number>();

  setRule(rule: RepRule): void {
    this.rules = this.rules.filter((r) => r.fileId !== rule.fileId || r.representation !== rule.representation);
    this.rules.push(rule);
    for (const key of this.looks.keys()) {
      const [fileId = '', representation = ''] = key.split('|');
      if (ruleMatches(rule, fileId, representation)) this.looks.delete(key);
    }
  }

  cached(key: string): Buffer | undefined {
    return this.cache.get(key);
  }

  /** Keeps the most recent renditions only: a long sandbox session must not grow without bound. */
  remember(key: string, bytes: Buffer): void {
    if (this.cache.size >= 256) this.cache.delete(this.cache.keys().next().value ?? '');
    this.cache.set(key, bytes);
  }

  clear(): void {
    this.sources.clear();
    this.cache.clear();
    this.rules = [];
    this.looks.clear();
  }

  /** The state a status read sees now; each read counts as one look at a pending representation. */
  look(fileId: string, representation: string): RepState {
    const rule = this.rules
      .filter((r) => ruleMatches(r, fileId, representation))
      .sort((a, b) => specificity(b) - specificity(a))[0];
    if (!rule || rule.state === 'success') return 'success';
    if (rule.state === 'error' || rule.pendingPolls === undefined) return rule.state;
    const key = `${fileId}|${representation}`;
    const seen = this.looks.get(key) ?? 0;
    if (seen >= rule.pendingPolls) return 'success';
    this.looks.set(key, seen + 1);
    return 'pending';
  }
}
