import { DocumentsPanel } from './knowledge/DocumentsPanel';
import { SearchPanel } from './knowledge/SearchPanel';
import { UploadPanel } from './knowledge/UploadPanel';

/** Upload documents, see what was made of them, and search them three ways. */
export function KnowledgeBase() {
  return (
    <>
      <h1>Knowledge base</h1>
      <UploadPanel />
      <DocumentsPanel />
      <SearchPanel />
    </>
  );
}
