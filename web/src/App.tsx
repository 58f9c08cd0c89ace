import { NavLink, Route, Routes } from 'react-router-dom';
import { Batches } from './pages/Batches';
import { BatchDetail } from './pages/BatchDetail';
import { Compare } from './pages/Compare';
import { Dashboard } from './pages/Dashboard';
import { ExperimentDetail } from './pages/ExperimentDetail';
import { Experiments } from './pages/Experiments';
import { Models } from './pages/Models';
import { Playground } from './pages/Playground';
import { QualityMetrics } from './pages/QualityMetrics';
import { Settings } from './pages/Settings';

const LINKS: [string, string][] = [
  ['/', 'Dashboard'], ['/experiments', 'Experiments'], ['/playground', 'Playground'], ['/batches', 'Batch experiments'],
  ['/compare', 'Compare'], ['/quality', 'Quality metrics'], ['/models', 'Models'], ['/settings', 'Settings'],
];

export function App() {
  return (
    <div className="layout">
      <nav className="nav" aria-label="Main">
        <div className="brand">LLM Lab</div>
        {LINKS.map(([to, text]) => <NavLink key={to} to={to} end={to === '/'}>{text}</NavLink>)}
      </nav>
      <main>
        <Routes>
          <Route path="/" element={<Dashboard />} />
          <Route path="/experiments" element={<Experiments />} />
          <Route path="/experiments/:id" element={<ExperimentDetail />} />
          <Route path="/playground" element={<Playground />} />
          <Route path="/batches" element={<Batches />} />
          <Route path="/batches/:id" element={<BatchDetail />} />
          <Route path="/compare" element={<Compare />} />
          <Route path="/quality" element={<QualityMetrics />} />
          <Route path="/models" element={<Models />} />
          <Route path="/settings" element={<Settings />} />
          <Route path="*" element={<p>Page not found.</p>} />
        </Routes>
      </main>
    </div>
  );
}
