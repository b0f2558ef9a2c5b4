import { escapeTaggedText } from '../markdown/tagged-text.ts';
import type { TermMask } from './mask-terms.ts';

/**
 * Puts the placeholders back into a translation whose glossary terms a person spelled out: each mask's target
 * form is replaced, once, by `<x{id}/>`, so the text is stored as the engine's translations are. Longer forms
 * are placed first so that one form inside another is not taken for it. Lists the masks whose form is missing.
 */
export function remaskTerms(text: string, masks: readonly TermMask[], targetForm: (termId: string) => string): { readonly text: string; readonly missing: readonly TermMask[] } {
  const taken: { start: number; end: number; id: number }[] = [];
  const missing: TermMask[] = [];
  const ordered = [...masks].sort((a, b) => targetForm(b.termId).length - targetForm(a.termId).length);
  for (const mask of ordered) {
    const form = escapeTaggedText(targetForm(mask.termId));
    let start = form === '' ? -1 : text.indexOf(form);
    while (start !== -1 && taken.some((range) => start < range.end && range.start < start + form.length)) start = text.indexOf(form, start + 1);
    if (start === -1) missing.push(mask);
    else taken.push({ start, end: start + form.length, id: mask.id });
  }
  let result = text;
  for (const range of taken.sort((a, b) => b.start - a.start)) result = `${result.slice(0, range.start)}<x${range.id}/>${result.slice(range.end)}`;
  return { text: result, missing };
}
