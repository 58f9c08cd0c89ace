// Which rows of a long list to put in the DOM: those in view plus a margin, with the space of the others kept by two
// spacers, so a 2,000-row table holds a few dozen rows at a time.

export interface RowWindow { start: number; end: number; padTop: number; padBottom: number }

/** Rows [start, end) of `total` fixed-height rows that a viewport scrolled to `scrollTop` shows, with `overscan` either side. */
export function visibleWindow(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 8): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const visible = Math.ceil(viewport / rowHeight);
  // Scrolled past the end (the list shrank under the viewport): show its last screenful.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / rowHeight), Math.max(0, total - visible));
  const start = Math.min(total, Math.max(0, first - overscan));
  const end = Math.min(total, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (total - end) * rowHeight };
}

/** The server pages (of `size` rows, counted from 0) that hold rows [start, end). */
export function chunksFor(start: number, end: number, size: number): number[] {
  if (end <= start) return [];
  const chunks: number[] = [];
  for (let c = Math.floor(start / size); c <= Math.floor((end - 1) / size); c++) chunks.push(c);
  return chunks;
}
