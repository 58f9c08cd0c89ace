/** Previous / "Page n of m" / Next under a list; hidden when everything fits on one page. `page` counts from 0. */
export function Pager({ page, pages, onPage, noun = 'page', suffix = '' }: { page: number; pages: number; onPage: (page: number) => void; noun?: string; suffix?: string }) {
  if (pages <= 1 && !suffix) return null;
  return (
    <div className="row">
      <button type="button" className="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>Previous {noun}</button>
      <span className="muted" aria-live="polite">Page {page + 1} of {pages}{suffix}</span>
      <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>Next {noun}</button>
    </div>
  );
}
