import { describe, expect, it } from 'vitest';
import { applyShortcut, emptyJudgement, feedbackOf, isTyping, shortcutFor } from './shortcuts';

describe('annotate shortcuts', () => {
  it('maps 1–5, t, f, c, s and Enter outside fields', () => {
    expect(shortcutFor({ key: '1', typing: false })).toEqual({ kind: 'score', value: 1 });
    expect(shortcutFor({ key: '5', typing: false })).toEqual({ kind: 'score', value: 5 });
    expect(shortcutFor({ key: 't', typing: false })).toEqual({ kind: 'thumbs', value: 'up' });
    expect(shortcutFor({ key: 'f', typing: false })).toEqual({ kind: 'thumbs', value: 'down' });
    expect(shortcutFor({ key: 'c', typing: false })).toEqual({ kind: 'focus-corrected' });
    expect(shortcutFor({ key: 's', typing: false })).toEqual({ kind: 'skip' });
    expect(shortcutFor({ key: 'Enter', typing: false })).toEqual({ kind: 'submit' });
  });

  it('leaves other keys to the browser', () => {
    for (const key of ['0', '6', 'x', 'Tab', 'Escape', ' ']) expect(shortcutFor({ key, typing: false })).toBeNull();
  });

  it('is silent while typing in a field, except Ctrl or Cmd + Enter which submits', () => {
    for (const key of ['1', 't', 'f', 'c', 's', 'Enter']) expect(shortcutFor({ key, typing: true })).toBeNull();
    expect(shortcutFor({ key: 'Enter', ctrlKey: true, typing: true })).toEqual({ kind: 'submit' });
    expect(shortcutFor({ key: 'Enter', metaKey: true, typing: true })).toEqual({ kind: 'submit' });
  });

  it('does not take Enter from a focused button or link, nor keys with modifiers', () => {
    expect(shortcutFor({ key: 'Enter', typing: false, onControl: true })).toBeNull();
    expect(shortcutFor({ key: '3', ctrlKey: true, typing: false })).toBeNull();
    expect(shortcutFor({ key: 's', altKey: true, typing: false })).toBeNull();
    expect(shortcutFor({ key: 'S', shiftKey: true, typing: false })).toBeNull();
  });

  it('knows which elements take text', () => {
    const el = (html: string) => { const d = document.createElement('div'); d.innerHTML = html; return d.firstElementChild; };
    expect(isTyping(el('<textarea></textarea>'))).toBe(true);
    expect(isTyping(el('<input type="text">'))).toBe(true);
    expect(isTyping(el('<input>'))).toBe(true);
    expect(isTyping(el('<select></select>'))).toBe(true);
    expect(isTyping(el('<input type="checkbox">'))).toBe(false);
    expect(isTyping(el('<button>Go</button>'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('a score replaces thumbs and thumbs replace a score', () => {
    const scored = applyShortcut(emptyJudgement, { kind: 'score', value: 4 });
    expect(scored).toMatchObject({ score: 4, thumbs: null });
    expect(applyShortcut(scored, { kind: 'thumbs', value: 'down' })).toMatchObject({ score: null, thumbs: 'down' });
  });

  it('builds the feedback body, and names score when nothing was given', () => {
    expect(feedbackOf(emptyJudgement).error).toContain('score');
    expect(feedbackOf({ ...emptyJudgement, score: 2, corrected: ' Paris ' }).body).toEqual({ score: 2, label: undefined, comment: undefined, corrected_answer: 'Paris' });
    expect(feedbackOf({ ...emptyJudgement, thumbs: 'up' }).body).toMatchObject({ thumbs: 'up' });
  });
});
