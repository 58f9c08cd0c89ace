import { useState, type ReactNode } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Paged, StoredResponseView } from '../../api/types';
import { chunksFor, visibleWindow } from '../../components/virtualWindow';
import { responsesPath, type ResponseQuery } from './analysisQueries';
import { ResponseRow, type Column } from './ResponseRow';

/** Rows are a fixed height (one line, ellipsis), so the window can be computed from the scroll position alone. */
const ROW = 37;
const VIEWPORT = 480;
/** Rows come from the server 200 at a time (its largest page), only the pages the window touches. */
const CHUNK = 200;

/**
 * Every response of the run in one scrolling table, virtualised: only the rows in view (and a few either side) are in
 * the DOM, the rest is two spacer rows of their height; pages of 200 are fetched as the window reaches them.
 */
export function ScrollingResponses({ runId, state, columns, header, onSelect }: {
  runId: string; state: ResponseQuery; columns: Column[]; header: ReactNode; onSelect: (r: StoredResponseView) => void;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const chunkQuery = (chunk: number) => ({
    queryKey: ['run-response-chunk', runId, state.filter, state.q, state.sort, state.descending, chunk],
    queryFn: () => api<Paged<StoredResponseView>>(responsesPath(runId, { ...state, page: chunk, pageSize: CHUNK })),
    staleTime: 60_000,
  });
  const first = useQuery(chunkQuery(0));
  const total = first.data?.total ?? 0;
  const view = visibleWindow(scrollTop, VIEWPORT, ROW, total);
  const chunks = chunksFor(view.start, view.end, CHUNK);
  const loaded = useQueries({ queries: chunks.map(chunkQuery) });
  const rowAt = (i: number) => loaded[chunks.indexOf(Math.floor(i / CHUNK))]?.data?.items[i % CHUNK];
  const indices = Array.from({ length: view.end - view.start }, (_, k) => view.start + k);

  return (
    <div className="table-wrap analysis-scroll" tabIndex={0} role="region" aria-label="Every response, scrolling" style={{ maxHeight: VIEWPORT }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="scrolling-responses">
      <table className="analysis-rows analysis-virtual" aria-rowcount={total + 1}>
        <caption className="muted" style={{ textAlign: 'left' }}>{total} responses; only those in view are drawn, the rest load as you scroll</caption>
        {header}
        <tbody>
          {view.padTop > 0 && <tr aria-hidden="true" className="analysis-spacer"><td colSpan={columns.length} style={{ height: view.padTop }} /></tr>}
          {indices.map((i) => {
            const row = rowAt(i);
            return row
              ? <ResponseRow key={row.id} response={row} columns={columns} onSelect={onSelect} index={i + 2} />
              : <tr key={`loading-${i}`} aria-rowindex={i + 2}><td colSpan={columns.length} className="muted">Loading row {i + 1}…</td></tr>;
          })}
          {view.padBottom > 0 && <tr aria-hidden="true" className="analysis-spacer"><td colSpan={columns.length} style={{ height: view.padBottom }} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
