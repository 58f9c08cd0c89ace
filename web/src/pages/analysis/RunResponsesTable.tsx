import { useEffect, useRef, useState } from 'react';
import { label, type StoredResponseView } from '../../api/types';
import { Pager } from '../../components/Pager';
import { ResponseDrawer } from '../../components/ResponseDrawer';
import { QueryView } from '../../components/States';
import { describeFilter, useResponsePage, type CellFilter, type ResponseQuery } from './analysisQueries';
import { ResponseRow, type Column } from './ResponseRow';
import { ScrollingResponses } from './ScrollingResponses';
import './analysis.css';

const score = (r: StoredResponseView, metric: string) => (typeof r.metrics?.[metric] === 'number' ? (r.metrics[metric] as number) : null);

function columnsFor(metric: string): Column[] {
  return [
    { key: 'temperature', header: 'Temperature', value: (r) => r.temperature, sortable: true },
    { key: 'top_p', header: 'top_p', value: (r) => r.top_p, sortable: true },
    { key: 'max_tokens', header: 'max_tokens', value: (r) => r.max_tokens, sortable: true },
    { key: 'overall_score', header: 'Overall', value: (r) => score(r, 'overall_score'), sortable: true },
    ...(metric === 'overall_score' ? [] : [{ key: metric, header: label(metric), value: (r: StoredResponseView) => score(r, metric), sortable: true }]),
    { key: 'response_time_ms', header: 'Latency ms', value: (r) => r.response_time_ms, sortable: true },
    { key: 'content', header: 'Response', value: (r) => r.content.slice(0, 80), sortable: false },
  ];
}

/**
 * A run's responses, one server page at a time (sorted, filtered by a heatmap cell or by text on the server): the page
 * never holds more than one page of a run, however many calls it made.
 */
export function RunResponsesTable({ runId, metric, state, onState }: {
  runId: string; metric: string; state: ResponseQuery; onState: (next: ResponseQuery) => void;
}) {
  const page = useResponsePage(runId, state);
  const [text, setText] = useState(state.q);
  const [selected, setSelected] = useState<StoredResponseView | null>(null);
  const columns = columnsFor(metric);
  useEffect(() => setText(state.q), [state.q]);
  // Typing narrows the table after a pause, not one request per key.
  const typing = useRef<number | undefined>(undefined);
  const onText = (value: string) => {
    setText(value);
    window.clearTimeout(typing.current);
    typing.current = window.setTimeout(() => onState({ ...state, q: value, page: 0 }), 350);
  };
  const sortBy = (key: string) => onState({ ...state, sort: key, descending: state.sort === key ? !state.descending : key.endsWith('_score'), page: 0 });
  const clearFilter = () => onState({ ...state, filter: {} as CellFilter, page: 0 });
  const [scrolling, setScrolling] = useState(false);
  const total = page.data?.total ?? 0;
  const header = (
    <thead><tr>{columns.map((c) => (
      <th key={c.key} scope="col" aria-sort={state.sort === c.key ? (state.descending ? 'descending' : 'ascending') : c.sortable ? 'none' : undefined}>
        {c.sortable
          ? <button type="button" className="link" onClick={() => sortBy(c.key)}>{c.header}{state.sort === c.key ? (state.descending ? ' ▼' : ' ▲') : ''}</button>
          : c.header}
      </th>))}</tr></thead>);
  const pages = Math.max(1, Math.ceil(total / state.pageSize));

  return (
    <div>
      <div className="row">
        <label>Search the responses<input type="search" value={text} onChange={(e) => onText(e.target.value)} placeholder="words in the text" /></label>
        <label>Rows
          <select value={scrolling ? 'scroll' : 'pages'} onChange={(e) => setScrolling(e.target.value === 'scroll')}>
            <option value="pages">{state.pageSize} a page</option>
            <option value="scroll">every response, scrolling</option>
          </select>
        </label>
        <span className="muted" aria-live="polite" data-testid="response-count">{page.data ? `${total} responses` : ''}{page.isFetching && page.data ? ' · updating…' : ''}</span>
      </div>
      {describeFilter(state.filter) && (
        <p className="analysis-filter" data-testid="response-filter">
          <span>Showing the responses at <strong>{describeFilter(state.filter)}</strong></span>
          <button type="button" className="secondary" onClick={clearFilter}>Show every response</button>
        </p>)}
      {scrolling
        ? <ScrollingResponses runId={runId} state={state} columns={columns} header={header} onSelect={setSelected} />
        : <>
          <QueryView query={page}>{(data) => (data.items.length === 0 ? <p className="muted">No response matches.</p> : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Responses">
              <table className="analysis-rows">
                <caption className="muted" style={{ textAlign: 'left' }}>Select a row for its full text and metrics; sorting and search run on the server</caption>
                {header}
                <tbody>{data.items.map((r) => <ResponseRow key={r.id} response={r} columns={columns} onSelect={setSelected} />)}</tbody>
              </table>
            </div>))}</QueryView>
          <Pager page={state.page} pages={pages} onPage={(p) => onState({ ...state, page: p })} />
        </>}
      {selected && <ResponseDrawer response={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

