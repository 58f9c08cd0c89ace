import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { emptyDraft, getJob, isFinalJob, validateTrainingDraft, type TrainingDraft } from '../api/training';
import { QueryView } from '../components/States';
import { JobProgress } from './training/JobProgress';
import { ReportView } from './training/ReportView';
import { SourceStep } from './training/SourceStep';
import { TestStep } from './training/TestStep';
import { TrainForm } from './training/TrainForm';
import { resolveStep, STEP_TITLES, STEPS, stepState, type Step, type StepFacts } from './training/steps';

/** Upload → train → test → report, one step at a time; the job and the step live in the URL (?job=…&step=…). */
export function Training() {
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job') ?? undefined;
  const [draft, setDraft] = useState<TrainingDraft>(emptyDraft);
  const [sourceErrors, setSourceErrors] = useState<Record<string, string>>({});
  const job = useQuery({ queryKey: ['training-job', jobId], queryFn: () => getJob(jobId!), enabled: !!jobId, refetchInterval: (q) => (isFinalJob(q.state.data?.status) ? false : 2000) });
  const facts: StepFacts = { sources: draft.source === 'documents' ? draft.document_ids.length : draft.dataset_id ? 1 : 0, jobStatus: job.data?.status };
  const step = resolveStep(params.get('step'), facts);
  const go = (next: Step, job = jobId) => setParams(job ? { job, step: next } : { step: next });

  // Focus follows the step: its heading, so a keyboard or screen reader user lands in the new content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    document.getElementById('step-heading')?.focus();
  }, [step]);

  function toTrain() {
    const errors = validateTrainingDraft(draft);
    const source = Object.fromEntries(Object.entries(errors).filter(([k]) => k === 'document_ids' || k === 'dataset_id'));
    setSourceErrors(source);
    if (Object.keys(source).length === 0) go('train');
  }

  return (
    <>
      <h1>Train a model</h1>
      <nav aria-label="Training steps">
        <ol className="stepper">
          {STEPS.map((s, i) => {
            const state = stepState(s, step, facts);
            return (
              <li key={s} data-state={state}>
                <button type="button" className="step" aria-current={state === 'current' ? 'step' : undefined} disabled={state === 'locked'}
                  onClick={() => (s === 'train' && !jobId ? toTrain() : go(s))}>
                  <span className="step-number" aria-hidden="true">{state === 'done' ? '✓' : i + 1}</span> {STEP_TITLES[s]}
                  {state === 'done' && <span className="visually-hidden"> (done)</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {jobId && (job.isPending || job.error) ? <QueryView query={job}>{() => null}</QueryView>
        : step === 'upload' ? <SourceStep draft={draft} setDraft={setDraft} errors={sourceErrors} onNext={toTrain} />
        : step === 'train' && !jobId ? <TrainForm draft={draft} setDraft={setDraft} onCreated={(created) => go('train', created.id)} />
        : step === 'train' ? <JobProgress jobId={jobId!} onNext={() => go('test')} />
        : step === 'test' ? <TestStep collection={`model-${job.data!.name}`} onNext={() => go('report')} />
        : <ReportView jobId={jobId!} />}
      {jobId && <p><button type="button" className="link" onClick={() => { setDraft(emptyDraft()); setParams({}); }}>Start another training job</button></p>}
    </>
  );
}
