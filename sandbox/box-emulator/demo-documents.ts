import { buildPdf, type PdfPage } from './pdf-document.ts';

/**
 * Documents with real content for sandbox mode and preview tests: a multi-page report PDF and the
 * text Box would extract from the seeded office files.
 */
const TOPICS = ['Revenue', 'Customers', 'Product', 'Operations', 'Hiring', 'Security', 'Outlook', 'Risks'];

function reportLines(page: number): string[] {
  const topic = TOPICS[page % TOPICS.length] ?? 'Summary';
  const lines = [`${topic} - section ${page + 1}`, ''];
  for (let i = 0; i < 30; i += 1) {
    const figure = ((page + 1) * 137 + i * 61) % 1000;
    lines.push(`${topic} line ${i + 1}: the quarter closed at ${figure} units, ${(figure % 17) + 1}% over plan.`);
  }
  return lines;
}

/** A real PDF of `pages` pages (each with its own heading, text and page number). */
export function reportPdf(title: string, pages: number): Buffer {
  const content: PdfPage[] = Array.from({ length: pages }, (_, page) => ({ title, lines: reportLines(page) }));
  return buildPdf(content, title);
}

/** The text of a report of `pages` pages, as its extracted-text rendition. */
export function reportText(pages: number): string {
  return Array.from({ length: pages }, (_, page) => reportLines(page).join('\n')).join('\n\n');
}

export const demoOfficeText: Record<string, string> = {
  'Budget 2027.xlsx':
    'Budget 2027\nDepartment\tQ1\tQ2\tQ3\tQ4\nEngineering\t410\t420\t435\t450\nSales\t220\t230\t260\t300\n',
  'Roadmap.docx': 'Roadmap\n\n1. Single sign-on for every employee\n2. Offline previews\n3. Editing with locks\n',
  'Brand guidelines.pdf':
    'Brand guidelines\n\nLogo: keep clear space equal to the height of the B.\nColours: Box blue #0061D5.\n',
};
