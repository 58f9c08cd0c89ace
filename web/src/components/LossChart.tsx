import { linePath, scale, thin, type Frame, type Point } from './lossChart';

const FRAME: Frame = { width: 640, height: 260, left: 48, right: 12, top: 12, bottom: 36 };

/** Training (blue line) and held-out (orange dashed line with dots) loss per step, in SVG; scales with its box. */
export function LossChart({ train, holdout, totalSteps }: { train: Point[]; holdout: Point[]; totalSteps?: number }) {
  const s = scale([train, holdout], FRAME, totalSteps);
  const bottom = FRAME.height - FRAME.bottom;
  return (
    <figure className="loss-chart">
      <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" data-points={train.length} data-holdout-points={holdout.length}
        aria-label={`Loss per step: ${train.length} training steps${train.length ? `, last ${train[train.length - 1].loss.toFixed(3)}` : ''}; ${holdout.length} held-out evaluations${holdout.length ? `, last ${holdout[holdout.length - 1].loss.toFixed(3)}` : ''}`}>
        {s.yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={s.y(t)} y2={s.y(t)} stroke="var(--line)" />
            <text x={FRAME.left - 6} y={s.y(t) + 4} textAnchor="end" fontSize="12" fill="var(--ink-soft)">{t}</text>
          </g>
        ))}
        {s.xTicks.map((t) => (
          <text key={`x${t}`} x={s.x(t)} y={bottom + 16} textAnchor="middle" fontSize="12" fill="var(--ink-soft)">{t}</text>
        ))}
        <text x={(FRAME.left + FRAME.width) / 2} y={FRAME.height - 2} textAnchor="middle" fontSize="12" fill="var(--ink-soft)">step</text>
        <line x1={FRAME.left} x2={FRAME.width - FRAME.right} y1={bottom} y2={bottom} stroke="var(--ink-soft)" />
        {train.length > 0 && <path className="train" d={linePath(thin(train), s)} fill="none" stroke="#0072b2" strokeWidth="2" />}
        {holdout.length > 0 && <path className="holdout" d={linePath(holdout, s)} fill="none" stroke="#d55e00" strokeWidth="2" strokeDasharray="6 4" />}
        {holdout.map((p) => <circle key={p.step} cx={s.x(p.step)} cy={s.y(p.loss)} r="4" fill="#d55e00" />)}
      </svg>
      <figcaption className="muted">
        <span className="key train-key" aria-hidden="true" /> training loss (per step) · <span className="key holdout-key" aria-hidden="true" /> held-out loss (per epoch); nats per character
      </figcaption>
    </figure>
  );
}
