import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { DataTable } from './DataTable';
import { Heatmap, shade } from './Heatmap';
import { ResponseDrawer } from './ResponseDrawer';
import { useState } from 'react';
import { ProblemView } from './States';

afterEach(cleanup);

describe('DataTable', () => {
  const rows = [{ name: 'b', score: 2 }, { name: 'a', score: 10 }, { name: 'c', score: 5 }];
  const columns = [{ key: 'name', header: 'Name', value: (r: typeof rows[0]) => r.name }, { key: 'score', header: 'Score', value: (r: typeof rows[0]) => r.score }];

  it('sorts numerically when a header is clicked, and reverses on a second click', () => {
    render(<DataTable caption="t" rows={rows} columns={columns} />);
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    expect(screen.getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['b2', 'c5', 'a10']);
    fireEvent.click(screen.getByRole('button', { name: /Score/ }));
    expect(screen.getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['a10', 'c5', 'b2']);
  });

  it('filters rows by any column', () => {
    render(<DataTable caption="t" rows={rows} columns={columns} />);
    fireEvent.change(screen.getByLabelText('Filter rows'), { target: { value: 'c' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 of 3 rows')).toBeTruthy();
  });
});

describe('ProblemView', () => {
  it("shows the API's title and detail, not a blank page", () => {
    render(<ProblemView error={new ApiError(404, { title: 'Batch run not found', detail: 'No batch run with id 42.', status: 404 })} />);
    expect(screen.getByRole('alert').textContent).toContain('Batch run not found');
    expect(screen.getByRole('alert').textContent).toContain('No batch run with id 42.');
  });
});

describe('Heatmap', () => {
  it('prints every cell value with the axes as headers', () => {
    render(<Heatmap xLabel="temperature" yLabel="top_p" cells={[{ x: 0.2, y: 1, value: 70 }, { x: 1, y: 1, value: 40 }]} />);
    expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual(['70.0', '40.0']);
    expect(screen.getAllByRole('columnheader').slice(1).map((c) => c.textContent)).toEqual(['0.2', '1']);
  });
  it('outlines the best configuration and names it for screen readers', () => {
    render(<Heatmap xLabel="temperature" yLabel="top_p" best={{ x: 1, y: 1 }} cells={[{ x: 0.2, y: 1, value: 70 }, { x: 1, y: 1, value: 40 }]} />);
    expect(screen.getByText('(best)').closest('td')?.className).toBe('best');
  });
  it('with onCell makes each cell with data a button that opens that cell, by mouse or keyboard', () => {
    const opened: [number, number][] = [];
    render(<Heatmap xLabel="temperature" yLabel="top_p" onCell={(x, y) => opened.push([x, y])}
      cells={[{ x: 0.2, y: 1, value: 70, count: 4 }, { x: 1, y: 0.5, value: 40, count: 2 }]} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /temperature 0.2, top_p 1: mean 70.0 over 4 responses/ }));
    expect(opened).toEqual([[0.2, 1]]);
    // The empty cell (1, 1) and (0.2, 0.5) have no button.
    expect(screen.getAllByRole('cell').filter((c) => c.textContent === '—')).toHaveLength(2);
  });
});

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number).map((c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => { const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };

describe('heatmap shade', () => {
  it('keeps every cell at 4.5:1 or more (WCAG AA) across the scale', () => {
    for (let share = 0; share <= 1.0001; share += 0.02) {
      const { background, color } = shade(share);
      expect(contrast(background, color === '#ffffff' ? 'rgb(255, 255, 255)' : 'rgb(31, 41, 51)')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('ResponseDrawer from a DataTable row', () => {
  function Harness() {
    const [open, setOpen] = useState<object | null>(null);
    return (<>
      <DataTable caption="t" rows={[{ content: 'hello' }]} onRowClick={setOpen} columns={[{ key: 'c', header: 'Content', value: (r: { content: string }) => r.content }]} />
      {open && <ResponseDrawer response={open} onClose={() => setOpen(null)} />}
    </>);
  }
  it('opens with Enter without closing on the same key, is modal, and gives focus back to the row on Escape', () => {
    render(<Harness />);
    const row = screen.getAllByRole('row')[1];
    row.focus();
    const enter = fireEvent.keyDown(row, { key: 'Enter' });
    expect(enter).toBe(false); // default prevented: the Close button that takes focus is not activated by it
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Close');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(row);
  });
});
