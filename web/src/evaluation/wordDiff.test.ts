import { describe, expect, it } from 'vitest';
import { MAX_CELLS, similarity, wordDiff } from './wordDiff';

describe('wordDiff', () => {
  it('marks identical texts as one unchanged run, ignoring spacing', () => {
    expect(wordDiff('The  answer is\n42', 'The answer is 42')).toEqual([{ kind: 'same', text: 'The answer is 42' }]);
  });

  it('finds a changed word in the middle', () => {
    expect(wordDiff('The answer is Paris today', 'The answer is London today')).toEqual([
      { kind: 'same', text: 'The answer is' }, { kind: 'removed', text: 'Paris' }, { kind: 'added', text: 'London' }, { kind: 'same', text: 'today' },
    ]);
  });

  it('keeps the longest common subsequence, not just common ends', () => {
    const parts = wordDiff('a b c d e', 'x a c y e');
    expect(parts).toEqual([
      { kind: 'added', text: 'x' }, { kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'same', text: 'c' },
      { kind: 'removed', text: 'd' }, { kind: 'added', text: 'y' }, { kind: 'same', text: 'e' },
    ]);
    // Rebuilding either side from the parts gives the original words back.
    const side = (skip: string) => parts.filter((p) => p.kind !== skip).map((p) => p.text).join(' ');
    expect(side('added')).toBe('a b c d e');
    expect(side('removed')).toBe('x a c y e');
  });

  it('is case-sensitive and handles empty texts', () => {
    expect(wordDiff('Paris', 'paris')).toEqual([{ kind: 'removed', text: 'Paris' }, { kind: 'added', text: 'paris' }]);
    expect(wordDiff('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('reports a middle too large for the table as replaced, keeping the common ends', () => {
    const n = Math.ceil(Math.sqrt(MAX_CELLS)) + 1;
    const a = ['start', ...Array.from({ length: n }, (_, i) => `a${i}`), 'end'].join(' ');
    const b = ['start', ...Array.from({ length: n }, (_, i) => `b${i}`), 'end'].join(' ');
    const parts = wordDiff(a, b);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[0].text).toBe('start');
    expect(parts[3].text).toBe('end');
  });

  it('gives the share of shared words', () => {
    expect(similarity(wordDiff('a b c d', 'a b c d'))).toBe(1);
    expect(similarity(wordDiff('a b', 'c d'))).toBe(0);
    expect(similarity(wordDiff('a b c d', 'a b x y'))).toBe(0.5);
    expect(similarity([])).toBe(1);
  });
});
