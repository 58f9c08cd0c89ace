import { useState, type FormEvent } from 'react';
import { useQueries } from '@tanstack/react-query';
import { search, SEARCH_MODES, type SearchMode, type SearchQuery } from '../../api/knowledge';
import { Loading, ProblemView } from '../../components/States';

const MODE_TITLES: Record<SearchMode, string> = { bm25: 'BM25 (words)', dense: 'Dense (embeddings)', hybrid: 'Hybrid (rank fusion)' };

/** One query, searched three ways at once; the results side by side (stacked on a phone). */
export function SearchPanel() {
  const [draft, setDraft] = useState<SearchQuery>({ query: '', collection: '', rerank: false, top_k: 5 });
  const [asked, setAsked] = useState<SearchQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const results = useQueries({
    queries: SEARCH_MODES.map((mode) => ({
      queryKey: ['knowledge-search', mode, asked],
      queryFn: () => search(asked!, mode),
      enabled: asked !== null,
    })),
  });

  const topKInvalid = !Number.isInteger(draft.top_k) || draft.top_k < 1 || draft.top_k > 100;
  function submit(e: FormEvent) {
    e.preventDefault();
    setError(draft.query.trim() ? null : 'is required.');
    if (draft.query.trim() && !topKInvalid) setAsked({ ...draft, query: draft.query.trim() });
  }

  return (
    <section className="card" aria-labelledby="search-heading">
      <h2 id="search-heading">Search</h2>
      <form className="row" onSubmit={submit} aria-label="Knowledge search">
        <label className="grow">Query
          <input type="search" value={draft.query} onChange={(e) => setDraft({ ...draft, query: e.target.value })} maxLength={4000}
            aria-invalid={!!error} aria-describedby={error ? 'query-error' : undefined} />
          {error && <span className="field-error" id="query-error">query {error}</span>}
        </label>
        <label>Collection<input value={draft.collection} onChange={(e) => setDraft({ ...draft, collection: e.target.value })} placeholder="all" maxLength={200} /></label>
        <label>Results per method
          <input type="number" min={1} max={100} step={1} value={draft.top_k} onChange={(e) => setDraft({ ...draft, top_k: Number(e.target.value) })}
            aria-invalid={topKInvalid} aria-describedby={topKInvalid ? 'topk-error' : undefined} />
          {topKInvalid && <span className="field-error" id="topk-error">top_k must be between 1 and 100.</span>}
        </label>
        <label className="inline"><input type="checkbox" checked={draft.rerank} onChange={(e) => setDraft({ ...draft, rerank: e.target.checked })} /> Rerank</label>
        <button type="submit">Search</button>
      </form>
      {asked && (
        <div className="search-columns">
          {SEARCH_MODES.map((mode, i) => (
            <section key={mode} aria-labelledby={`results-${mode}`} className="search-column" data-mode={mode}>
              <h3 id={`results-${mode}`}>{MODE_TITLES[mode]}</h3>
              {results[i].isPending ? <Loading what={`Searching with ${mode}`} />
                : results[i].error ? <ProblemView error={results[i].error} />
                : results[i].data!.results.length === 0 ? <p className="muted">No match.</p>
                : (
                  <ol className="hits">
                    {results[i].data!.results.map((hit) => (
                      <li key={hit.chunk_id}>
                        <div className="muted"><span className="score">score {formatScore(hit.score)}</span> · {hit.document_title}{hit.page > 0 ? `, page ${hit.page}` : ''}</div>
                        <p className="hit-text">{excerpt(hit.text)}</p>
                      </li>
                    ))}
                  </ol>
                )}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

const formatScore = (score: number) => (Math.abs(score) >= 1 ? score.toFixed(2) : score.toFixed(4));
const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 280)}…` : text);
