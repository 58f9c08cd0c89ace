// The toast a live event shows: its words, tone and link (pure, so tests read it without a browser).
import type { Alert } from '../api/alerts';
import type { GateResult } from '../api/gates';

export interface Toast { id: number; text: string; tone: 'info' | 'good' | 'bad'; link?: string }

const short = (id: string) => id.slice(0, 13);

export function toastOf(event: string, data: unknown, id: number): Toast | null {
  switch (event) {
    case 'run.started': {
      const d = data as { run_id: string };
      return { id, tone: 'info', text: `Run ${short(d.run_id)} started.`, link: `/batches/${d.run_id}` };
    }
    case 'run.finished': {
      const d = data as { run_id: string; status: string; completed: number; failed: number };
      return { id, tone: d.status === 'completed' ? 'good' : 'bad', link: `/batches/${d.run_id}`,
        text: `Run ${short(d.run_id)} finished: ${d.status.replace(/_/g, ' ')} (${d.completed} completed, ${d.failed} failed).` };
    }
    case 'gate.evaluated': {
      const g = data as GateResult;
      const failed = g.checks.filter((c) => !c.passed).length;
      const [noun, link] = g.kind === 'evaluation' ? ['Evaluation', `/evaluations/${g.run_id}`] : ['Run', `/batches/${g.run_id}`];
      return { id, tone: g.passed ? 'good' : 'bad', link,
        text: g.passed ? `${noun} ${short(g.run_id)} passed its gate.` : `${noun} ${short(g.run_id)} failed its gate (${failed} of ${g.checks.length} checks).` };
    }
    case 'alert': {
      const a = data as Alert;
      // Acknowledging or resolving is someone's own action: only a new alert interrupts.
      return a.status === 'open' ? { id, tone: 'bad', text: `Alert (${a.kind.replace(/_/g, ' ')}): ${a.message}`, link: '/alerts' } : null;
    }
    default:
      return null;
  }
}
