import { describe, expect, it } from 'vitest';
import { describeFilter, firstPage, heatmapPath, responsesPath } from './analysisQueries';

const run = '0190aaaa-0000-7000-8000-000000000001';

describe('responsesPath', () => {
  it('asks for the first page from 1 and no sort by default', () => {
    expect(responsesPath(run, firstPage())).toBe(`/api/experiments/batch/${run}/responses?page=1&page_size=25`);
  });
  it('carries a heatmap cell, the search text and the sort to the server', () => {
    const path = responsesPath(run, { ...firstPage(50), filter: { temperature: 0.7, top_p: 1, max_tokens: 120 }, q: '  rain ', sort: 'overall_score', descending: true, page: 2 });
    const query = new URLSearchParams(path.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({ page: '3', page_size: '50', temperature: '0.7', top_p: '1', max_tokens: '120', q: 'rain', sort: 'overall_score', order: 'desc' });
  });
});

describe('heatmapPath', () => {
  it('names the axes and the metric, and a fixed max_tokens only when given', () => {
    expect(heatmapPath(run, 'coherence_score')).toBe(`/api/experiments/batch/${run}/heatmap?x=temperature&y=top_p&metric=coherence_score`);
    expect(heatmapPath(run, 'overall_score', { max_tokens: 40 })).toContain('&max_tokens=40');
  });
});

describe('describeFilter', () => {
  it('words a cell, and is empty without one', () => {
    expect(describeFilter({ temperature: 0, top_p: 0.9 })).toBe('temperature 0 · top_p 0.9');
    expect(describeFilter({})).toBe('');
  });
});
