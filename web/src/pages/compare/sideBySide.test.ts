import { describe, expect, it } from 'vitest';
import { diffsAgainstFirst, sideBySidePath, toggleRun } from './sideBySide';

describe('sideBySidePath', () => {
  it('lists the runs in the order chosen, pages from 1 and asks for changed items only when set', () => {
    expect(sideBySidePath(['a', 'b', 'c'], false, 0)).toBe('/api/experiments/batch/compare?run_ids=a%2Cb%2Cc&page=1&page_size=10');
    expect(sideBySidePath(['a', 'b'], true, 2)).toContain('page=3&page_size=10&changed_only=true');
  });
});

describe('toggleRun', () => {
  it('keeps the order chosen, removes a chosen run and refuses a seventh', () => {
    expect(toggleRun(['b'], 'a')).toEqual(['b', 'a']);
    expect(toggleRun(['b', 'a'], 'b')).toEqual(['a']);
    expect(toggleRun(['1', '2', '3', '4', '5', '6'], '7')).toHaveLength(6);
  });
});

describe('diffsAgainstFirst', () => {
  it('diffs every later output against the first run and skips missing ones', () => {
    const out = (content: string) => ({ response_id: content, content, overall_score: null });
    const diffs = diffsAgainstFirst({ item_key: '0:0', parameters: {}, parameters_differ: false, changed: true,
      outputs: [out('rain falls from clouds'), out('rain falls from grey clouds'), null] });
    expect(diffs[0]).toBeNull();
    expect(diffs[1]).toEqual([{ kind: 'same', text: 'rain falls from' }, { kind: 'added', text: 'grey' }, { kind: 'same', text: 'clouds' }]);
    expect(diffs[2]).toBeNull();
  });
});
