import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { DataTable } from './DataTable';
import { Heatmap } from './Heatmap';
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
    expect(screen.getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['0.2', '1']);
  });
});
