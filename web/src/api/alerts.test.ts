import { describe, expect, it } from 'vitest';
import { actionsOf, filterAlerts, mergeAlert, severityOf, type Alert } from './alerts';

const alert = (id: string, status: Alert['status'], created: string, kind = 'regression'): Alert => ({
  id, kind, status, message: `m ${id}`, run_id: null, experiment_id: null, value: null, threshold: null, created_at: created,
  acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null,
});

describe('alerts', () => {
  const list = [alert('a', 'open', '2026-11-29T01:00:00Z'), alert('b', 'resolved', '2026-11-29T03:00:00Z'), alert('c', 'open', '2026-11-29T02:00:00Z')];

  it('filters by state, newest first, and shows all for no state', () => {
    expect(filterAlerts(list, 'open').map((a) => a.id)).toEqual(['c', 'a']);
    expect(filterAlerts(list, 'acknowledged')).toEqual([]);
    expect(filterAlerts(list, '').map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('merges a live change: replaces a known alert, adds a new one', () => {
    const acked = { ...list[0], status: 'acknowledged' as const };
    const merged = mergeAlert(list, acked);
    expect(merged).toHaveLength(3);
    expect(merged.find((a) => a.id === 'a')?.status).toBe('acknowledged');
    expect(mergeAlert(list, alert('d', 'open', '2026-11-29T04:00:00Z')).map((a) => a.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('offers the lifecycle the server allows', () => {
    expect(actionsOf('open')).toEqual({ ack: true, resolve: true });
    expect(actionsOf('acknowledged')).toEqual({ ack: false, resolve: true });
    expect(actionsOf('resolved')).toEqual({ ack: false, resolve: false });
    expect(severityOf('gate')).toBe('critical');
    expect(severityOf('budget')).toBe('warning');
  });
});
