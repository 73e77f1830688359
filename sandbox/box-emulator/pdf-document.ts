/**
 * A small, valid PDF writer for the emulator's document renditions: one page per entry, each with
 * a coloured title band, its title and lines of Helvetica text, and a page number. Enough for a
 * real viewer (pdf.js, Chromium) to page through, without shipping binary assets.
 */
export interface PdfPage {
  title: string;
  lines: string[];
}

const WIDTH = 612;
const HEIGHT = 792;

function escapeText(text: string): string {
  // The standard fonts speak WinAnsi: keep printable ASCII, escape PDF string delimiters.
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

function pageStream(page: PdfPage, index: number, total: number): string {
  const hue = (index * 37) % 360;
  const [r, g, b] = [0, 120, 240].map((shift) => (0.55 + 0.35 * Math.cos(((hue + shift) * Math.PI) / 180)).toFixed(3));
  const ops = [
    `${r} ${g} ${b} rg 0 ${HEIGHT - 96} ${WIDTH} 96 re f`,
    '0.92 0.94 0.97 rg 48 72 516 4 re f',
    `BT /F1 22 Tf 1 1 1 rg 48 ${HEIGHT - 60} Td (${escapeText(page.title)}) Tj ET`,
    'BT /F1 11 Tf 0.15 0.17 0.2 rg 14 TL 48 660 Td',
    ...page.lines.map((line) => `(${escapeText(line)}) '`),
    'ET',
    `BT /F1 9 Tf 0.4 0.4 0.45 rg 48 52 Td (Page ${index + 1} of ${total}) Tj ET`,
  ];
  return ops.join('\n');
}

/** Pages per node of a long document's page tree. */
const perNode = 32;

/** Builds the whole file, computing the cross-reference offsets as it goes. */
export function buildPdf(pages: PdfPage[], title: string): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  // A long document's page tree is balanced, as PDF writers make it: the root holds nodes of up to
  // `perNode` pages, so a reader finds page n by reading a few nodes, not every page before it.
  const groups = pages.length > perNode ? Math.ceil(pages.length / perNode) : 0;
  const groupId = (group: number) => 4 + pages.length * 2 + group;
  const parentOf = (page: number) => (groups === 0 ? 2 : groupId(Math.floor(page / perNode)));
  const refs = (ids: number[]) => ids.map((id) => `${id} 0 R`).join(' ');
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] =
    groups === 0
      ? `<< /Type /Pages /Kids [${refs(pageIds)}] /Count ${pages.length} >>`
      : `<< /Type /Pages /Kids [${refs(Array.from({ length: groups }, (_, g) => groupId(g)))}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((page, i) => {
    const stream = pageStream(page, i, pages.length);
    objects[4 + i * 2] =
      `<< /Type /Page /Parent ${parentOf(i)} 0 R /MediaBox [0 0 ${WIDTH} ${HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`;
    objects[5 + i * 2] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  for (let g = 0; g < groups; g += 1) {
    const kids = pageIds.slice(g * perNode, (g + 1) * perNode);
    objects[groupId(g)] = `<< /Type /Pages /Parent 2 0 R /Kids [${refs(kids)}] /Count ${kids.length} >>`;
  }
  const infoId = objects.length;
  objects[infoId] = `<< /Title (${escapeText(title)}) /Producer (Box API emulator) >>`;
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  const entries = offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  body +=
    `xref\n0 ${objects.length}\n0000000000 65535 f \n${entries.join('')}` +
    `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Splits text into pages of at most `linesPerPage` lines (wrapped at ~90 characters). */
export function paginate(title: string, text: string, linesPerPage = 40): PdfPage[] {
  const lines = text.split('\n').flatMap((line) => line.match(/.{1,90}(\s|$)|\S+/g) ?? ['']);
  const pages: PdfPage[] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += linesPerPage) {
    pages.push({ title, lines: lines.slice(i, i + linesPerPage).map((l) => l.trimEnd()) });
  }
  return pages;
}
