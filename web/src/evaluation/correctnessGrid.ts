import { isAnswered, isCorrect, type EvaluationItem } from '../api/evaluations';

/** What a grid cell says, in words (never colour alone). */
export type CellState = 'correct' | 'wrong' | 'stuck' | 'failed' | 'pending' | 'cancelled' | 'missing';

export const CELL_TEXT: Record<CellState, string> = {
  correct: '✓ correct', wrong: '✗ wrong', stuck: '⟳ stuck', failed: '! failed', pending: '… pending', cancelled: '– cancelled', missing: '—',
};

export function cellState(item: EvaluationItem | undefined): CellState {
  if (!item) return 'missing';
  if (item.status === 'completed') return isCorrect(item) ? 'correct' : 'wrong';
  if (item.status === 'stuck') return 'stuck';
  if (item.status === 'failed') return 'failed';
  if (item.status === 'cancelled') return 'cancelled';
  return 'pending';
}

export interface GridRow { itemId: string; question: string; cells: (EvaluationItem | undefined)[]; correct: number }

/** Items × methods: one row per dataset item (in the order the items arrive), one cell per method label, in `methods` order. */
export function buildGrid(items: EvaluationItem[], methods: string[]): GridRow[] {
  const rows = new Map<string, GridRow>();
  const column = new Map(methods.map((m, i) => [m, i]));
  for (const item of items) {
    const index = column.get(item.method);
    if (index === undefined) continue;
    let row = rows.get(item.item_id);
    if (!row) {
      row = { itemId: item.item_id, question: item.question, cells: methods.map(() => undefined), correct: 0 };
      rows.set(item.item_id, row);
    }
    row.cells[index] = item;
  }
  for (const row of rows.values()) row.correct = row.cells.filter((c) => c && cellState(c) === 'correct').length;
  return [...rows.values()];
}

export interface PairedAnswer { itemId: string; question: string; expected: string[]; a: EvaluationItem; b: EvaluationItem; agree: boolean }

/** The items both methods answered, side by side; `agree` when both are right or both wrong (the McNemar table's diagonal). */
export function pairAnswers(items: EvaluationItem[], methodA: string, methodB: string): PairedAnswer[] {
  const byMethod = (m: string) => new Map(items.filter((i) => i.method === m && isAnswered(i)).map((i) => [i.item_id, i]));
  const a = byMethod(methodA);
  const b = byMethod(methodB);
  return [...a.values()].filter((x) => b.has(x.item_id)).map((x) => {
    const y = b.get(x.item_id)!;
    return { itemId: x.item_id, question: x.question, expected: x.expected, a: x, b: y, agree: isCorrect(x) === isCorrect(y) };
  });
}
