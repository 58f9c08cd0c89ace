/** One run of words in a word diff: in both texts, only in the first (removed) or only in the second (added). */
export interface DiffPart { kind: 'same' | 'removed' | 'added'; text: string }

/** Above this many LCS cells (words of A × words of B, after the common ends are cut), the middle is shown as replaced. */
export const MAX_CELLS = 4_000_000;

export const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/**
 * A word diff of a → b: the longest common subsequence over whitespace-separated words (exact, case-sensitive), with
 * consecutive words of one kind joined. Common leading and trailing words are matched first, so long similar answers
 * stay cheap; a middle too large for the table is reported as removed then added.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = words(a);
  const y = words(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) { endX--; endY--; }
  const ops: [DiffPart['kind'], string][] = x.slice(0, start).map((w) => ['same', w]);
  ops.push(...middle(x.slice(start, endX), y.slice(start, endY)));
  ops.push(...x.slice(endX).map((w): [DiffPart['kind'], string] => ['same', w]));
  return join(ops);
}

function middle(x: string[], y: string[]): [DiffPart['kind'], string][] {
  if (x.length * y.length > MAX_CELLS) return [...x.map((w): [DiffPart['kind'], string] => ['removed', w]), ...y.map((w): [DiffPart['kind'], string] => ['added', w])];
  // lcs[i][j]: length of the LCS of x[i..] and y[j..], in one flat array.
  const width = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: [DiffPart['kind'], string][] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) { ops.push(['same', x[i]]); i++; j++; }
    else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) ops.push(['removed', x[i++]]);
    else ops.push(['added', y[j++]]);
  }
  while (i < x.length) ops.push(['removed', x[i++]]);
  while (j < y.length) ops.push(['added', y[j++]]);
  return ops;
}

function join(ops: [DiffPart['kind'], string][]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const [kind, word] of ops) {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  }
  return parts;
}

/** Shares of words the two texts have in common (2·LCS / (|a| + |b|)), 1 for two empty texts. */
export function similarity(parts: DiffPart[]): number {
  const count = (kind: DiffPart['kind']) => parts.filter((p) => p.kind === kind).reduce((n, p) => n + words(p.text).length, 0);
  const same = count('same');
  const total = 2 * same + count('removed') + count('added');
  return total === 0 ? 1 : (2 * same) / total;
}
