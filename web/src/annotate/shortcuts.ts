// The Annotate page's keyboard shortcuts, as one pure function so they can be tested without a browser.

export type ShortcutAction =
  | { kind: 'score'; value: 1 | 2 | 3 | 4 | 5 }
  | { kind: 'thumbs'; value: 'up' | 'down' }
  | { kind: 'focus-corrected' }
  | { kind: 'submit' }
  | { kind: 'skip' };

/** The shortcuts as the page lists them. */
export const SHORTCUTS: [string, string][] = [
  ['1 – 5', 'score the response'], ['t', 'thumbs up'], ['f', 'thumbs down'], ['c', 'write a corrected answer'],
  ['Enter', 'submit and load the next item'], ['s', 'skip (it comes back after your other items)'],
  ['Ctrl + Enter', 'submit while typing in a field'],
];

export interface KeyInput {
  key: string;
  ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean;
  /** True while the focus is in a text field, text area, select or editable element: keys are text there. */
  typing: boolean;
  /** True while the focus is on a button or link, whose own Enter must keep working. */
  onControl?: boolean;
}

/** Whether an element takes typed text (so single-key shortcuts must not fire while it has the focus). */
export function isTyping(element: Element | null): boolean {
  if (!element) return false;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return (element as HTMLElement).isContentEditable === true;
}

/** The action a key press asks for, or null when the key is not a shortcut here (left to the browser). */
export function shortcutFor(e: KeyInput): ShortcutAction | null {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) return { kind: 'submit' };
  if (e.typing || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Enter') return e.onControl || e.shiftKey ? null : { kind: 'submit' };
  if (e.shiftKey) return null;
  if (/^[1-5]$/.test(e.key)) return { kind: 'score', value: Number(e.key) as 1 | 2 | 3 | 4 | 5 };
  switch (e.key.toLowerCase()) {
    case 't': return { kind: 'thumbs', value: 'up' };
    case 'f': return { kind: 'thumbs', value: 'down' };
    case 'c': return { kind: 'focus-corrected' };
    case 's': return { kind: 'skip' };
    default: return null;
  }
}

export interface Judgement { score: number | null; thumbs: 'up' | 'down' | null; label: string; comment: string; corrected: string }

export const emptyJudgement: Judgement = { score: null, thumbs: null, label: '', comment: '', corrected: '' };

/** A score replaces thumbs and thumbs replace a score: the API takes one of them. */
export function applyShortcut(j: Judgement, action: ShortcutAction): Judgement {
  if (action.kind === 'score') return { ...j, score: action.value, thumbs: null };
  if (action.kind === 'thumbs') return { ...j, thumbs: action.value, score: null };
  return j;
}

/** The feedback body, or the message naming the field the API would refuse. */
export function feedbackOf(j: Judgement): { body?: Record<string, unknown>; error?: string } {
  if (j.score === null && j.thumbs === null) return { error: 'give a score from 1 to 5, or thumbs: "up" or "down".' };
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    body: {
      ...(j.score !== null ? { score: j.score } : { thumbs: j.thumbs }),
      label: text(j.label), comment: text(j.comment), corrected_answer: text(j.corrected),
    },
  };
}
