import { defineArea } from '../define-area.ts';

/** The file browser's choice of view (list or grid of thumbnails) and the grid's own words. */
export const fileView = defineArea(
  {
    choice: 'View',
    list: 'List',
    grid: 'Grid',
  },
  {
    choice: 'Ansicht',
    list: 'Liste',
    grid: 'Raster',
  },
);
