import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError, streamEvents } from '../api/client';
import { label } from '../api/types';
import { ProblemView, QueryView } from '../components/States';
import { useModelCatalog } from '../hooks/queries';

interface Attempt { id: number; provider: string; model: string; temperature: number; top_p: number; max_tokens: number; text: string; done: boolean; failed?: string; metrics?: Record<string, number> }

const slider = (name: string, value: number, min: number, max: number, step: number, set: (v: number) => void) => (
  <label>{name}: {value}
    <input type="range" min={min} max={max} step={step} value={value} onChange={(e) => set(Number(e.target.value))} aria-label={name} aria-valuetext={String(value)} />
  </label>
);

/** One prompt, the parameters on sliders, the answer streamed token by token through /v1, scored when it ends. */
export function Playground() {
  const catalog = useModelCatalog();
  const [prompt, setPrompt] = useState('Explain how rain forms.');
  // ?model=provider/model preselects a model (the training report links here with local/<name>).
  const [search] = useSearchParams();
  const [model, setModel] = useState(search.get('model') ?? 'local/local-ngram');
  const [temperature, setTemperature] = useState(0.7);
  const [topP, setTopP] = useState(1);
  const [maxTokens, setMaxTokens] = useState(80);
  const [frequency, setFrequency] = useState(0);
  const [presence, setPresence] = useState(0);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  async function generate() {
    const [provider, modelName] = model.split('/');
    const attempt: Attempt = { id: Date.now(), provider, model: modelName, temperature, top_p: topP, max_tokens: maxTokens, text: '', done: false };
    setAttempts((list) => [attempt, ...list].slice(0, 6));
    const patch = (change: Partial<Attempt>) => setAttempts((list) => list.map((a) => (a.id === attempt.id ? { ...a, ...change } : a)));
    setError(null);
    setRunning(true);
    let text = '';
    try {
      await streamEvents('/v1/chat/completions', (data) => {
        if (data === '[DONE]' || typeof data !== 'object' || data === null) return;
        const delta = (data as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content ?? '';
        text += delta;
        patch({ text });
      }, new AbortController().signal, {
        method: 'POST',
        json: { model: `${provider}/${modelName}`, messages: [{ role: 'user', content: prompt }], stream: true, temperature, top_p: topP, max_tokens: maxTokens, frequency_penalty: frequency, presence_penalty: presence },
      });
      patch({ done: true });
      const scored = await api<{ metrics: Record<string, number> }>('/api/quality/analyze', { method: 'POST', json: { text, prompt, max_tokens: maxTokens } });
      patch({ metrics: scored.metrics });
    } catch (e) {
      // The answer stops here: no streaming cursor, and the problem's own title and detail on the card.
      const problem = e instanceof ApiError ? e.problem : undefined;
      patch({ done: true, failed: problem ? `${problem.title ?? 'Failed'}${problem.status ? ` (${problem.status})` : ''}: ${problem.detail ?? ''}` : String(e) });
      setError(e);
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <h1>Playground</h1>
      <div className="card">
        <label>Prompt<textarea rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} /></label>
        <div className="row">
          <label>Model
            <QueryView query={catalog}>{(models) => (
              <select value={model} onChange={(e) => setModel(e.target.value)}>
                {models.map((m) => <option key={`${m.provider}/${m.model}`} value={`${m.provider}/${m.model}`}>{m.provider} / {m.model}</option>)}
              </select>)}</QueryView>
          </label>
          {slider('temperature', temperature, 0, 2, 0.1, setTemperature)}
          {slider('top_p', topP, 0.05, 1, 0.05, setTopP)}
          {slider('max_tokens', maxTokens, 1, 512, 1, setMaxTokens)}
          {slider('frequency_penalty', frequency, -2, 2, 0.1, setFrequency)}
          {slider('presence_penalty', presence, -2, 2, 0.1, setPresence)}
        </div>
        <p><button type="button" onClick={generate} disabled={running || !prompt.trim()}>{running ? 'Generating…' : 'Generate'}</button>
          <span className="muted"> Each answer stays below for comparison (the last six).</span></p>
        <ProblemView error={error} />
      </div>
      <div className="compare">
        {attempts.map((a) => (
          <div key={a.id} className="card" aria-label="Generated response">
            <div className="muted">{a.provider}/{a.model} · T {a.temperature} · top_p {a.top_p} · max {a.max_tokens}</div>
            <pre className="response">{a.text}{a.done ? '' : <span aria-hidden="true">▍</span>}</pre>
            {a.failed && <p className="problem" role="alert">{a.failed}</p>}
            {a.metrics && (
              <table><tbody>{Object.entries(a.metrics).filter(([k]) => k.endsWith('_score')).map(([k, v]) => <tr key={k}><th>{label(k)}</th><td>{v.toFixed(1)}</td></tr>)}</tbody></table>
            )}
          </div>
        ))}
      </div>
    </>
  );
}
