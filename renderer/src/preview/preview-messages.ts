/** Every word the viewer shows, in one place (to move into the app's message catalogs as they come). */
export const previewMessages = {
  dialogLabel: (name: string) => `Preview of ${name}`,
  previousFile: 'Previous file',
  nextFile: 'Next file',
  download: 'Download',
  openInApp: 'Open',
  close: 'Close preview',
  loading: 'Loading preview…',
  pending: 'Box is still preparing a preview of this file. It appears here as soon as it is ready.',
  noPreview: 'No preview for this kind of file. Download it or open it in its app.',
  failed: 'The preview could not be loaded. Check your connection, then try again, or download the file.',
  mediaFailed: 'This recording cannot be played here. Download it or open it in its app.',
  tryAgain: 'Try again',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to window',
  // The zoom read-out beside the buttons: short, since the pressed "Fit to window" button already says it.
  zoomFitted: 'Fit',
  actualSize: 'Actual size',
  rotate: 'Rotate',
  zoomLevel: (percent: number) => `${percent}%`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageNumber: 'Page number',
  pageOf: (count: number) => `of ${count}`,
  pages: 'Pages',
  page: (page: number) => `Page ${page}`,
  find: 'Find in document',
  findNext: 'Next match',
  findResult: (matches: number, pages: number) =>
    matches === 0
      ? 'No matches'
      : `${matches} ${matches === 1 ? 'match' : 'matches'} on ${pages} ${pages === 1 ? 'page' : 'pages'}`,
  loadMore: 'Show more',
  textEnd: 'End of file',
  viaRepresentation: {
    pdf: 'Shown as a PDF made by Box',
    jpg: 'Shown as a picture made by Box',
    text: 'Shown as the text Box extracted',
  },
} as const;
