import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { DatasetItem } from '../api/datasets';
import { Pager } from '../components/Pager';
import { DatasetDelete } from './DatasetDelete';
import { QueryView } from '../components/States';
import { useDataset, useDatasetItems } from '../hooks/evaluationQueries';

const PAGE_SIZE = 20;

/** One dataset: its versions (pick one), the version's item count, and its items a page at a time. */
export function DatasetDetail() {
  const { id = '' } = useParams();
  const dataset = useDataset(id);
  const [picked, setPicked] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const version = picked ?? dataset.data?.version;
  const items = useDatasetItems(id, version, page, PAGE_SIZE);
  if (dataset.error instanceof ApiError && dataset.error.status === 404) {
    return (<><h1>Dataset not found</h1><p className="problem" role="alert">There is no dataset {id} for this key. <Link to="/datasets">All datasets</Link></p></>);
  }
  return (
    <QueryView query={dataset}>{(d) => {
      const chosen = d.versions.find((v) => v.version === version);
      return (
        <>
          <h1>{d.name} {d.builtin && <span className="badge">built-in</span>}</h1>
          {d.description && <p>{d.description}</p>}
          <div className="card row">
            <label>Show version
              <select value={version} onChange={(e) => { setPicked(Number(e.target.value)); setPage(1); }}>
                {d.versions.map((v) => <option key={v.version} value={v.version}>Version {v.version} · {v.item_count} items · {new Date(v.created_at).toLocaleDateString()}</option>)}
              </select>
            </label>
            <p data-testid="version-summary">Version {version}: <strong>{chosen?.item_count ?? 0} items</strong> <span className="muted">(source: {chosen?.source ?? "—"}; latest is version {d.version})</span></p>
            <p><Link to={`/evaluations?dataset=${d.id}`}>Evaluate this dataset</Link></p>
          </div>
          <div className="card">
            <h2>Items</h2>
            <QueryView query={items} empty={(p) => p.items.length === 0}>{(p) => {
              const pages = Math.max(1, Math.ceil(p.total / p.page_size));
              return (
                <>
                  <div className="table-wrap" tabIndex={0} role="region" aria-label="Dataset items"><table>
                    <thead><tr><th scope="col">Id</th><th scope="col">Question</th><th scope="col">Answers (aliases)</th><th scope="col">Context</th></tr></thead>
                    <tbody>{p.items.map((item) => <ItemRow key={item.id} item={item} />)}</tbody>
                  </table></div>
                  <Pager page={page - 1} pages={pages} onPage={(n) => setPage(n + 1)} suffix={` (${p.total} items)`} />
                </>);
            }}</QueryView>
          </div>
          {!d.builtin && <DatasetDelete id={d.id} name={d.name} />}
        </>);
    }}</QueryView>
  );
}

function ItemRow({ item }: { item: DatasetItem }) {
  const [answer, ...aliases] = item.answers;
  return (
    <tr>
      <td><code>{item.id}</code></td>
      <td className="wrap">{item.question}</td>
      <td className="wrap"><strong>{answer}</strong>{aliases.length > 0 && <div className="muted">aliases: {aliases.join(' · ')}</div>}</td>
      <td className="wrap">{item.context && item.context.length <= 80 ? item.context : item.context
        ? <details><summary>{item.context.length > 80 ? `${item.context.slice(0, 80)}…` : item.context}</summary><p>{item.context}</p></details>
        : item.supporting_facts?.length
          ? <span className="muted">supporting facts: {item.supporting_facts.map((f) => f.title).join(', ')}</span>
          : <span className="muted">—</span>}</td>
    </tr>
  );
}
