import type { DiffPart } from '../../evaluation/wordDiff';

/**
 * One side of a word diff: the words both answers share as plain text, the words only this side has marked
 * (struck through on the left, underlined on the right, each with a hidden word for screen readers).
 */
export function WordDiffView({ parts, side, label }: { parts: DiffPart[]; side: 'a' | 'b'; label: string }) {
  const own = side === 'a' ? 'removed' : 'added';
  return (
    // Long answers scroll inside their own box (focusable, so a keyboard can scroll it) instead of stretching the page.
    <p className="diff" tabIndex={0} role="region" aria-label={label}>
      {parts.filter((p) => p.kind === 'same' || p.kind === own).map((p, i) => (
        <span key={i}>
          {i > 0 ? ' ' : ''}
          {p.kind === 'same' ? p.text : side === 'a'
            ? <del><span className="visually-hidden">only in A: </span>{p.text}</del>
            : <ins><span className="visually-hidden">only in B: </span>{p.text}</ins>}
        </span>))}
    </p>
  );
}
