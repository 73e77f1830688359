/**
 * User-timing marks for the steps between a double-click and the first page drawn
 * (`preview:*`), so the benchmark (bench/preview/run.ts) can say where the time goes. Each preview
 * clears the previous one's marks, so a long session keeps only the last few.
 */
const phases = ['open-asked', 'open-answered', 'pdf-opened', 'page-got', 'canvas-drawn', 'text-drawn'] as const;
export type PreviewPhase = (typeof phases)[number];

export function markPreview(phase: PreviewPhase): void {
  if (phase === 'open-asked') for (const name of phases) performance.clearMarks(`preview:${name}`);
  performance.mark(`preview:${phase}`);
}
