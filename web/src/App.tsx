import { lazy, Suspense } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { getApiKey } from './api/client';
import { Loading } from './components/States';
import { LiveEventsProvider, OpenAlertsCount } from './live/LiveEvents';

// One chunk per page (Recharts only loads with the pages that chart), so the first load is the shell and one page.
const page = <K extends string>(name: K, load: () => Promise<Record<K, React.ComponentType>>) => lazy(() => load().then((m) => ({ default: m[name] })));
const Dashboard = page('Dashboard', () => import('./pages/Dashboard'));
const Experiments = page('Experiments', () => import('./pages/Experiments'));
const ExperimentDetail = page('ExperimentDetail', () => import('./pages/ExperimentDetail'));
const Playground = page('Playground', () => import('./pages/Playground'));
const Batches = page('Batches', () => import('./pages/Batches'));
const BatchDetail = page('BatchDetail', () => import('./pages/BatchDetail'));
const RunMatrix = page('RunMatrix', () => import('./pages/matrix/RunMatrix'));
const Compare = page('Compare', () => import('./pages/Compare'));
const QualityMetrics = page('QualityMetrics', () => import('./pages/QualityMetrics'));
const Models = page('Models', () => import('./pages/Models'));
const Settings = page('Settings', () => import('./pages/Settings'));
const Admin = page('Admin', () => import('./pages/Admin'));
const KnowledgeBase = page('KnowledgeBase', () => import('./pages/KnowledgeBase'));
const Training = page('Training', () => import('./pages/Training'));
const TrainingReports = page('TrainingReports', () => import('./pages/TrainingReports'));
const Datasets = page('Datasets', () => import('./pages/Datasets'));
const DatasetDetail = page('DatasetDetail', () => import('./pages/DatasetDetail'));
const Evaluations = page('Evaluations', () => import('./pages/Evaluations'));
const EvaluationDetail = page('EvaluationDetail', () => import('./pages/EvaluationDetail'));
const EvaluationCompare = page('EvaluationCompare', () => import('./pages/EvaluationCompare'));
const Annotate = page('Annotate', () => import('./pages/Annotate'));
const Alerts = page('Alerts', () => import('./pages/Alerts'));
const Webhooks = page('Webhooks', () => import('./pages/Webhooks'));
const Feedback = page('Feedback', () => import('./pages/Feedback'));

const LINKS: [string, string][] = [
  ['/', 'Dashboard'], ['/experiments', 'Experiments'], ['/playground', 'Playground'], ['/batches', 'Batch experiments'],
  ['/compare', 'Compare'], ['/datasets', 'Datasets'], ['/evaluations', 'Evaluations'], ['/annotate', 'Annotate'], ['/quality', 'Quality metrics'], ['/models', 'Models'],
  ['/knowledge', 'Knowledge base'], ['/training', 'Training'], ['/training/reports', 'Training reports'],
  ['/alerts', 'Alerts'], ['/feedback', 'Feedback agreement'], ['/webhooks', 'Webhooks'],
  ['/settings', 'Settings'], ['/admin', 'Administration'],
];

/** Shown once, above every page, while this browser has no API key: pages then stay quiet instead of repeating 401s. */
function MissingKey() {
  const { pathname } = useLocation();
  if (getApiKey() || pathname === '/settings') return null;
  return <p className="notice" role="status">This browser has no API key yet. <Link to="/settings">Add one in Settings</Link> to see the platform's data.</p>;
}

export function App() {
  return (
    <LiveEventsProvider>
    <div className="layout">
      <a className="skip-link" href="#main">Skip to content</a>
      <nav className="nav" aria-label="Main">
        <div className="brand">LLM Lab</div>
        {LINKS.map(([to, text]) => <NavLink key={to} to={to} end={to === '/' || to === '/training'}>{text}{to === '/alerts' && <OpenAlertsCount />}</NavLink>)}
      </nav>
      <main id="main" tabIndex={-1}>
        <MissingKey />
        <Suspense fallback={<Loading what="Loading the page" />}>
        <Routes>
          <Route path="/" element={<Dashboard />} />
          <Route path="/experiments" element={<Experiments />} />
          <Route path="/experiments/:id" element={<ExperimentDetail />} />
          <Route path="/playground" element={<Playground />} />
          <Route path="/batches" element={<Batches />} />
          <Route path="/batches/:id" element={<BatchDetail />} />
          <Route path="/batches/:id/matrix" element={<RunMatrix />} />
          <Route path="/compare" element={<Compare />} />
          <Route path="/quality" element={<QualityMetrics />} />
          <Route path="/models" element={<Models />} />
          <Route path="/settings" element={<Settings />} />
          <Route path="/admin" element={<Admin />} />
          <Route path="/knowledge" element={<KnowledgeBase />} />
          <Route path="/training" element={<Training />} />
          <Route path="/training/reports" element={<TrainingReports />} />
          <Route path="/datasets" element={<Datasets />} />
          <Route path="/datasets/:id" element={<DatasetDetail />} />
          <Route path="/evaluations" element={<Evaluations />} />
          <Route path="/evaluations/:id" element={<EvaluationDetail />} />
          <Route path="/evaluations/:id/compare" element={<EvaluationCompare />} />
          <Route path="/annotate" element={<Annotate />} />
          <Route path="/alerts" element={<Alerts />} />
          <Route path="/webhooks" element={<Webhooks />} />
          <Route path="/feedback" element={<Feedback />} />
          <Route path="*" element={<p>Page not found.</p>} />
        </Routes>
        </Suspense>
      </main>
    </div>
    </LiveEventsProvider>
  );
}
