export function ProgressBar({ value, label }: { value: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuenow={Math.round(clamped)} aria-valuemin={0} aria-valuemax={100}>
        <div style={{ width: `${clamped}%` }} />
      </div>
      <span className="muted">{clamped.toFixed(1)}%</span>
    </div>
  );
}
