import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Failures } from './Failures';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const item = (n: number, kind: string, message: string, status: number | null) => ({
  id: `item-${n}`, combination_index: n, repetition: 0, temperature: 0.5, top_p: 1, max_tokens: 64, frequency_penalty: 0, presence_penalty: 0,
  seed: n, status: 'failed', error: { kind, message, provider_status: status, attempts: 3 }, finished_at: null,
});

function renderFailures(fetchMock: unknown) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Failures runId="run-1" failures={[
        { kind: 'rate_limited', count: 21, example_message: 'HTTP 429 Too Many Requests' },
        { kind: 'timeout', count: 2, example_message: 'No answer within 600 s' },
      ]} />
    </QueryClientProvider>);
}

describe('Failures', () => {
  it('summarises failures by kind and lists the failed items with kind, message, provider status and attempts', async () => {
    const fetchMock = vi.fn(async (path: string) => new Response(JSON.stringify({
      items: path.includes('page=2') ? [item(20, 'timeout', 'No answer within 600 s', null)] : [item(3, 'rate_limited', 'HTTP 429 Too Many Requests', 429)],
      total: 23, page: path.includes('page=2') ? 2 : 1, page_size: 20,
    })));
    renderFailures(fetchMock);

    const summary = screen.getAllByRole('table')[0];
    expect(summary.textContent).toContain('rate limited21HTTP 429 Too Many Requests');
    expect(summary.textContent).toContain('timeout2No answer within 600 s');
    const list = await screen.findByRole('table', { name: 'failed items' });
    expect(list.textContent).toContain('rate limitedHTTP 429 Too Many Requests4293');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/experiments/batch/run-1/items?status=failed&page=1&page_size=20');

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect((await screen.findByText('Page 2 of 2 · 23 items'))).toBeTruthy();
    expect((await screen.findByRole('table', { name: 'failed items' })).textContent).toContain('No answer within 600 s');
  });

  it('shows nothing and asks nothing for a run without failures', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = render(
      <QueryClientProvider client={new QueryClient()}><Failures runId="run-2" failures={[]} /></QueryClientProvider>);
    expect(container.textContent).toBe('');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
