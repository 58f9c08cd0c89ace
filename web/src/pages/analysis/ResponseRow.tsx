import type { StoredResponseView } from '../../api/types';
import { format } from '../../components/DataTable';

export interface Column { key: string; header: string; value: (r: StoredResponseView) => string | number | null; sortable: boolean }

/** A focusable row that opens the drawer (Enter or Space, with preventDefault: the same key must not also press its Close). */
export function ResponseRow({ response, columns, onSelect, index }: { response: StoredResponseView; columns: Column[]; onSelect: (r: StoredResponseView) => void; index?: number }) {
  return (
    <tr tabIndex={0} onClick={() => onSelect(response)} aria-rowindex={index}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(response); } }}>
      {columns.map((c) => <td key={c.key} className={c.key === 'content' ? 'analysis-content' : undefined}>{format(c.value(response))}</td>)}
    </tr>
  );
}
