import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> { key: string; header: string; value: (row: T) => string | number | null; render?: (row: T) => ReactNode }

/** A table with click-to-sort headers and a text filter over every column. */
export function DataTable<T>({ rows, columns, onRowClick, caption, pageSize = 50 }: {
  rows: T[]; columns: Column<T>[]; onRowClick?: (row: T) => void; caption: string; pageSize?: number;
}) {
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(null);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let result = needle ? rows.filter((r) => columns.some((c) => String(c.value(r) ?? '').toLowerCase().includes(needle))) : rows;
    if (sort) {
      const column = columns.find((c) => c.key === sort.key)!;
      result = [...result].sort((a, b) => compare(column.value(a), column.value(b)) * (sort.descending ? -1 : 1));
    }
    return result;
  }, [rows, columns, sort, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  const visible = shown.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <div>
      <div className="row">
        <label>Filter rows<input value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} placeholder="any text" /></label>
        <span className="muted">{shown.length} of {rows.length} rows</span>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption className="muted" style={{ textAlign: 'left' }}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" onClick={() => setSort({ key: c.key, descending: sort?.key === c.key ? !sort.descending : false })}>
                    {c.header}{sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((row, i) => (
              <tr key={i} onClick={onRowClick ? () => onRowClick(row) : undefined} tabIndex={onRowClick ? 0 : undefined}
                // preventDefault: the same Enter must not also activate the drawer's Close button, which takes focus at once.
                onKeyDown={onRowClick ? (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onRowClick(row); } } : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}>
                {columns.map((c) => <td key={c.key}>{c.render ? c.render(row) : format(c.value(row))}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="row">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
          <span className="muted">Page {page + 1} of {pages}</span>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>Next</button>
        </div>
      )}
    </div>
  );
}

export function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export function format(value: string | number | null): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return value;
}
