import { describe, expect, it } from 'vitest';
import { linePath, niceTicks, scale, thin } from './lossChart';

const frame = { width: 200, height: 120, left: 20, right: 0, top: 10, bottom: 10 };

describe('loss chart geometry', () => {
  it('picks round ticks 1, 2 or 5 × 10ⁿ apart that cover the range', () => {
    expect(niceTicks(0, 10, 6)).toEqual([0, 2, 4, 6, 8, 10]);
    const ticks = niceTicks(1.23, 3.9, 5);
    expect(ticks[0]).toBeLessThanOrEqual(1.23);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(3.9);
    expect(ticks).toEqual([1, 2, 3, 4]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('maps the first step to the left edge and the last to the right; high loss up, low loss down', () => {
    const s = scale([[{ step: 1, loss: 4 }, { step: 50, loss: 1 }]], frame, 100);
    expect(s.x(0)).toBe(20);
    expect(s.x(100)).toBe(200);
    expect(s.x(50)).toBe(110);
    expect(s.y(4)).toBe(10);
    expect(s.y(1)).toBe(110);
    expect(s.xTicks[s.xTicks.length - 1]).toBeLessThanOrEqual(100);
  });

  it('scales training and held-out series together so both fit', () => {
    const s = scale([[{ step: 1, loss: 3 }], [{ step: 10, loss: 5 }]], frame);
    expect(s.y(5)).toBeGreaterThanOrEqual(10);
    expect(s.y(3)).toBeLessThanOrEqual(110);
    expect(s.x(10)).toBe(200);
  });

  it('draws the points in step order', () => {
    const s = { x: (n: number) => n * 10, y: (l: number) => l };
    expect(linePath([{ step: 2, loss: 1 }, { step: 1, loss: 3 }], s)).toBe('M10.0 3.0 L20.0 1.0');
  });

  it('thins a long series but keeps its last point', () => {
    const long = Array.from({ length: 5000 }, (_, i) => ({ step: i + 1, loss: 1 }));
    const kept = thin(long, 100);
    expect(kept).toHaveLength(100);
    expect(kept[kept.length - 1].step).toBe(5000);
    expect(thin(long.slice(0, 10), 100)).toHaveLength(10);
  });
});
