// Alerts (GET /api/alerts, ack, resolve) and webhooks (POST/GET/DELETE /api/webhooks, deliveries).

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export const ALERT_STATUSES: AlertStatus[] = ['open', 'acknowledged', 'resolved'];
export const ALERT_KINDS = ['regression', 'failure_rate', 'budget', 'latency', 'gate'];

export interface Alert {
  id: string; kind: string; status: AlertStatus; message: string; run_id: string | null; experiment_id: string | null;
  value: number | null; threshold: number | null; created_at: string; acknowledged_at: string | null; acknowledged_by: string | null;
  resolved_at: string | null; resolved_by: string | null;
}

/** Severity from the kind: a regression or a failed gate is a quality problem people must look at; the rest warn. */
export const severityOf = (kind: string): 'critical' | 'warning' => (kind === 'regression' || kind === 'gate' || kind === 'failure_rate' ? 'critical' : 'warning');

/** Which actions an alert allows (the server's lifecycle: open → acknowledged → resolved, or open → resolved). */
export const actionsOf = (status: AlertStatus) => ({ ack: status === 'open', resolve: status !== 'resolved' });

/** Alerts of one status ('' for all), newest first. */
export const filterAlerts = (alerts: Alert[], status: AlertStatus | ''): Alert[] =>
  alerts.filter((a) => !status || a.status === status).sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));

/** A list with one alert's new state merged in (a live event): replaced when known, added when new. */
export function mergeAlert(alerts: Alert[], changed: Alert): Alert[] {
  const known = alerts.some((a) => a.id === changed.id);
  return known ? alerts.map((a) => (a.id === changed.id ? changed : a)) : [changed, ...alerts];
}

export interface Webhook { id: string; url: string; events: string[]; created_at: string }
export interface DeliveryAttempt { attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number }
export interface Delivery {
  id: string; event_id: string; event: string; status: 'pending' | 'delivered' | 'failed'; attempts: number; created_at: string;
  delivered_at: string | null; next_attempt_at: string | null; log: DeliveryAttempt[];
}
export const WEBHOOK_EVENTS = ALERT_KINDS.map((k) => `alert.${k}`);
