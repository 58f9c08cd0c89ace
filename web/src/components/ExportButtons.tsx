import { useState } from 'react';
import { download, type RequestOptions } from '../api/client';
import { ProblemView } from './States';

/** CSV, JSON and XLSX (and Parquet where offered) downloads of the table beside it. */
export function ExportButtons({ request, formats = ['csv', 'json', 'xlsx'] }: {
  request: (format: string) => { path: string; init?: RequestOptions };
  formats?: string[];
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <div className="row" aria-label="Export">
      {formats.map((format) => (
        <button key={format} type="button" className="secondary" disabled={busy !== null} onClick={async () => {
          setBusy(format);
          setError(null);
          try {
            const { path, init } = request(format);
            await download(path, init);
          } catch (e) {
            setError(e);
          } finally {
            setBusy(null);
          }
        }}>Export {format.toUpperCase()}</button>
      ))}
      <ProblemView error={error} />
    </div>
  );
}
