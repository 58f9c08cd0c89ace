import { wordDiff, type DiffPart } from '../../evaluation/wordDiff';
import type { ComparedItem } from '../../api/types';

export const MAX_RUNS = 6;

/** The server's side-by-side page for 2–6 runs in the order chosen (the first is the baseline); its page counts from 1. */
export function sideBySidePath(runIds: string[], changedOnly: boolean, page: number, pageSize = 10): string {
  const params = new URLSearchParams({ run_ids: runIds.join(','), page: String(page + 1), page_size: String(pageSize) });
  if (changedOnly) params.set('changed_only', 'true');
  return `/api/experiments/batch/compare?${params}`;
}

/** Adds or removes a run, keeping the order chosen and at most MAX_RUNS. */
export function toggleRun(chosen: string[], id: string): string[] {
  if (chosen.includes(id)) return chosen.filter((r) => r !== id);
  return chosen.length >= MAX_RUNS ? chosen : [...chosen, id];
}

/** Each output's word diff against the first run's output of the item (null where either has no output). */
export function diffsAgainstFirst(item: ComparedItem): (DiffPart[] | null)[] {
  const base = item.outputs[0];
  return item.outputs.map((o, i) => (i === 0 || !o || !base ? null : wordDiff(base.content, o.content)));
}
