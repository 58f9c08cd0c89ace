// The knowledge base's API (/api/documents, /api/knowledge/search): shapes as the API sends them (snake_case) and
// the calls. Uploads go through XMLHttpRequest because fetch reports no upload progress.
import { api, ApiError, getApiKey, type Problem } from './client';
import type { Paged } from './types';

export interface KnowledgeDocument {
  id: string; title: string; collection: string; version: number; is_current: boolean; type: string; pages: number | null;
  chunk_count: number; chunk_size: number; chunk_overlap: number; size_bytes: number; sha256: string; created_at: string;
  embedding_model: string | null;
}
export interface Chunk { id: string; ordinal: number; page: number; text: string }
export interface DocumentDetail extends KnowledgeDocument { chunks: Chunk[] }
export interface Uploaded { id: string; title: string; collection: string; version: number; type: string; pages: number | null; chunks: number }

export type SearchMode = 'bm25' | 'dense' | 'hybrid';
export const SEARCH_MODES: SearchMode[] = ['bm25', 'dense', 'hybrid'];
export interface SearchHit { chunk_id: string; document_id: string; document_title: string; page: number; text: string; score: number }
export interface SearchQuery { query: string; collection?: string; rerank: boolean; top_k: number }

/** The upload form's options, as the API names them (chunk sizes in characters). */
export interface UploadOptions { collection: string; chunk_size: string; chunk_overlap: string }

/** Bounds of Knowledge:* defaults (KnowledgeOptions): the server checks them again and names the field. */
export const CHUNK_SIZE = { min: 100, max: 8000, default: 1000 };

export const documentsPath = (page: number, pageSize: number, collection?: string) =>
  `/api/documents?page=${page}&page_size=${pageSize}${collection ? `&collection=${encodeURIComponent(collection)}` : ''}`;

export const listDocuments = (page: number, pageSize: number, collection?: string) => api<Paged<KnowledgeDocument>>(documentsPath(page, pageSize, collection));
export const getDocument = (id: string) => api<DocumentDetail>(`/api/documents/${id}`);
export const deleteDocument = (id: string) => api<void>(`/api/documents/${id}`, { method: 'DELETE' });

export const search = (q: SearchQuery, mode: SearchMode) =>
  api<{ results: SearchHit[] }>('/api/knowledge/search', { method: 'POST', json: { ...q, collection: q.collection || undefined, mode } });

/** The same rules the server applies to the form's fields, so nothing wrong is sent; field names as the API's. */
export function validateUploadOptions(o: UploadOptions): Record<string, string> {
  const errors: Record<string, string> = {};
  const size = o.chunk_size.trim() === '' ? CHUNK_SIZE.default : Number(o.chunk_size);
  if (!Number.isInteger(size)) errors.chunk_size = 'must be a whole number.';
  else if (size < CHUNK_SIZE.min || size > CHUNK_SIZE.max) errors.chunk_size = `must be between ${CHUNK_SIZE.min} and ${CHUNK_SIZE.max} characters.`;
  if (o.chunk_overlap.trim() !== '') {
    const overlap = Number(o.chunk_overlap);
    if (!Number.isInteger(overlap)) errors.chunk_overlap = 'must be a whole number.';
    else if (!errors.chunk_size && (overlap < 0 || overlap > Math.floor(size / 2))) errors.chunk_overlap = `must be between 0 and half of chunk_size (${Math.floor(size / 2)}).`;
  }
  if (o.collection.length > 200) errors.collection = 'must be at most 200 characters.';
  return errors;
}

/** POSTs one file as multipart, reporting the bytes sent; rejects with ApiError carrying the server's problem+json. */
export function uploadDocument(file: File, options: UploadOptions, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (options.collection.trim()) form.append('collection', options.collection.trim());
  if (options.chunk_size.trim()) form.append('chunk_size', options.chunk_size.trim());
  if (options.chunk_overlap.trim()) form.append('chunk_overlap', options.chunk_overlap.trim());
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    const key = getApiKey();
    if (key) xhr.setRequestHeader('X-Api-Key', key);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Uploaded);
      else reject(new ApiError(xhr.status, { status: xhr.status, title: xhr.statusText, ...(body as Problem | undefined) }));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the network connection was lost.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
