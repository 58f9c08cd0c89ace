import { describe, expect, it } from 'vitest';
import { chunksFor, visibleWindow } from './virtualWindow';

describe('virtual rows', () => {
  it('renders only the rows in view plus the overscan, spacing the rest', () => {
    const w = visibleWindow(0, 480, 40, 2000, 8);
    expect(w).toEqual({ start: 0, end: 20, padTop: 0, padBottom: 1980 * 40 });
    const middle = visibleWindow(40 * 1000, 480, 40, 2000, 8);
    expect(middle.start).toBe(992);
    expect(middle.end).toBe(1020);
    expect(middle.padTop + (middle.end - middle.start) * 40 + middle.padBottom).toBe(2000 * 40);
  });

  it('stops at the end of the list and copes with none', () => {
    expect(visibleWindow(10 ** 9, 480, 40, 2000)).toMatchObject({ end: 2000, padBottom: 0 });
    expect(visibleWindow(0, 480, 40, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
    expect(visibleWindow(-50, 480, 40, 5, 0)).toEqual({ start: 0, end: 5, padTop: 0, padBottom: 0 });
  });

  it('names the server pages that hold a window', () => {
    expect(chunksFor(0, 20, 200)).toEqual([0]);
    expect(chunksFor(190, 215, 200)).toEqual([0, 1]);
    expect(chunksFor(400, 400, 200)).toEqual([]);
  });
});
