import { ApiError, saveEdits } from './api.js';
import { el, fill } from './dom.js';
import { describeCounts } from './list-view.js';
import { segmentRow, taggedToMarkdown } from './segment-row.js';

/** The article being reviewed: its data, one entry per segment row, and which row is current. */
let view;

/** Shows an article; drafts (segment index → markdown) are put back into their editors. */
export function renderArticle(article, drafts = new Map(), announce = () => {}) {
  const current = view?.article.file === article.file && view.article.language === article.language ? view.current : 0;
  const rows = article.segments.map((segment) => segmentRow(segment, article, drafts.get(segment.index), { approve, useSuggestion, useEarlier }));
  view = { article, rows, current: Math.min(current, Math.max(rows.length - 1, 0)), isSaving: false, announce };
  document.title = `${article.file} (${article.language}) · jialing review`;
  fill(document.getElementById('article-title'), el('span', { text: article.file }), ' ', el('span', { class: 'language', text: `${article.sourceLanguage} → ${article.language}` }));
  fill(document.getElementById('article-counts'), describeCounts(article.counts));
  fill(document.getElementById('article-output'), `Approving rewrites ${article.outputPath}`);
  const alerts = [article.conflict, ...(article.findings ?? []).map((finding) => `${finding.severity} · ${finding.check}: ${finding.message}`)].filter(Boolean);
  fill(document.getElementById('article-alerts'), alerts.map((message) => el('li', { class: 'article-alert', text: message })));
  fill(document.getElementById('segments'), rows.length > 0 ? rows.map((entry) => entry.row) : el('li', { text: 'This article has no segments to translate.' }));
  for (const [position, entry] of rows.entries()) entry.row.addEventListener('focusin', () => markCurrent(position));
  markCurrent(view.current);
  applyFinder();
}

const filters = {
  all: () => true,
  'needs-review': (segment) => segment.needsReview,
  'qa-errors': (segment) => segment.findings.some((finding) => finding.severity === 'error'),
  untranslated: (segment) => segment.state === 'initial',
  machine: (segment) => segment.state === 'translated',
  reviewed: (segment) => segment.state === 'reviewed',
};

/** Shows only the segments that pass the filter and contain the search text (in source or translation). */
export function applyFinder() {
  if (!view) return;
  const filter = filters[document.getElementById('filter').value] ?? filters.all;
  const search = document.getElementById('search').value.trim().toLocaleLowerCase();
  const contains = (text) => (text ?? '').toLocaleLowerCase().includes(search);
  for (const entry of view.rows) {
    entry.row.hidden = !(filter(entry.segment) && (search === '' || contains(entry.segment.sourceMarkdown) || contains(entry.editor.value)));
  }
  const shown = view.rows.filter((entry) => !entry.row.hidden).length;
  fill(document.getElementById('finder-count'), `${shown} of ${view.rows.length} segments shown`);
  if (view.rows[view.current]?.row.hidden) {
    const first = view.rows.findIndex((entry) => !entry.row.hidden);
    if (first !== -1) markCurrent(first);
  }
}

/** The position of the nearest shown row from `position` on, going by `delta`; -1 when there is none. */
function shownFrom(position, delta) {
  for (let at = position; at >= 0 && at < view.rows.length; at += delta) if (!view.rows[at].row.hidden) return at;
  return -1;
}

/** Forgets the article (when the page shows the list). */
export function closeArticle() {
  view = undefined;
}

/** Whether an editor holds text not approved yet. */
export function hasDrafts() {
  return Boolean(view?.rows.some((entry) => entry.editor.value !== (entry.segment.targetMarkdown ?? '')));
}

function markCurrent(position) {
  if (!view || !view.rows[position]) return;
  view.rows[view.current]?.row.classList.remove('is-current');
  view.rows[view.current]?.row.removeAttribute('aria-current');
  view.current = position;
  view.rows[position].row.classList.add('is-current');
  view.rows[position].row.setAttribute('aria-current', 'true');
}

/** Makes a segment current and focuses it, or its editor. */
export function select(position, { edit = false } = {}) {
  if (!view || view.rows.length === 0) return;
  const clamped = Math.min(Math.max(position, 0), view.rows.length - 1);
  const shown = shownFrom(clamped, 1) === -1 ? shownFrom(clamped, -1) : shownFrom(clamped, 1);
  if (shown === -1) return;
  const target = view.rows[shown];
  (edit ? target.editor : target.row).focus();
  target.row.scrollIntoView({ block: 'nearest' });
}

/** Moves to the next (1) or previous (-1) segment, keeping the editor focused when it was. */
export function move(delta) {
  if (!view) return;
  const next = shownFrom(view.current + delta, delta);
  if (next !== -1) select(next, { edit: document.activeElement?.classList.contains('editor') });
}

/** Moves to the next shown segment after the current one that is not reviewed, or needs review again; from the top when a filter is on. */
export function moveToNextOpen() {
  if (!view) return;
  const open = (entry) => !entry.row.hidden && (entry.segment.state !== 'reviewed' || entry.segment.needsReview);
  const isFiltered = view.rows.some((entry) => entry.row.hidden);
  const after = view.rows.findIndex((entry, position) => position > view.current && open(entry));
  const next = after === -1 && isFiltered ? view.rows.findIndex(open) : after;
  if (next === -1 || (next === view.current && !isFiltered)) view.announce('No segment after this one is waiting for review.');
  else select(next);
}

/** Focuses the current segment's editor. */
export function editCurrent() {
  if (view) select(view.current, { edit: true });
}

/** Approves the current segment. */
export function approveCurrent() {
  if (view?.rows[view.current]) return approve(view.rows[view.current].segment.index);
}

/** Puts the current segment's source markdown into its editor, for text that stays as it is (names, code-like words). */
export function copySourceOfCurrent() {
  const entry = view?.rows[view.current];
  if (!entry) return;
  entry.editor.value = entry.segment.sourceMarkdown;
  entry.editor.dispatchEvent(new Event('input'));
  select(view.current, { edit: true });
}

/** Puts the reviewed translation of the current segment's earlier source into its editor. */
export function useEarlierOfCurrent() {
  if (view?.rows[view.current]) useEarlier(view.rows[view.current].segment.index);
}

/** Puts suggestion `position` (0-based) of the current segment into its editor. */
export function useSuggestionOfCurrent(position) {
  if (view?.rows[view.current]) useSuggestion(view.rows[view.current].segment.index, position);
}

function entryOf(index) {
  return view?.rows.find((entry) => entry.segment.index === index);
}

function useEarlier(index) {
  const entry = entryOf(index);
  const earlier = entry?.segment.earlier;
  if (!earlier) return;
  entry.editor.value = earlier.targetMarkdown ?? taggedToMarkdown(earlier.target, entry.segment.tags);
  entry.editor.dispatchEvent(new Event('input'));
  select(view.rows.indexOf(entry), { edit: true });
}

function useSuggestion(index, position) {
  const entry = entryOf(index);
  const suggestion = entry?.segment.suggestions[position];
  if (!suggestion) return;
  entry.editor.value = suggestion.targetMarkdown ?? taggedToMarkdown(suggestion.targetText, entry.segment.tags);
  entry.editor.dispatchEvent(new Event('input'));
  select(view.rows.indexOf(entry), { edit: true });
}

async function approve(index, { isConfirmed = false } = {}) {
  const entry = entryOf(index);
  if (!entry || view.isSaving) return;
  // Approving again the text the checks refused, unchanged, is the reviewer's "save anyway".
  const confirm = isConfirmed || (entry.refusedText !== undefined && entry.refusedText === entry.editor.value);
  const { article } = view;
  const wasEditing = document.activeElement === entry.editor;
  view.isSaving = true;
  entry.row.classList.add('is-saving');
  fill(entry.saveState, 'saving…');
  fill(entry.problems);
  try {
    const updated = await saveEdits(article.file, article.language, [{ index, id: entry.segment.id, markdown: entry.editor.value }], { confirm });
    const drafts = new Map(view.rows.filter((other) => other !== entry && other.editor.value !== (other.segment.targetMarkdown ?? '')).map((other) => [other.segment.index, other.editor.value]));
    const position = view.rows.indexOf(entry);
    renderArticle(updated, drafts, view.announce);
    view.announce(`Segment ${index + 1} approved; ${updated.outputPath} rewritten.`);
    fill(view.rows[position].saveState, 'saved as reviewed');
    // The approved segment may have left the filter: go on to the next one shown.
    const next = shownFrom(position + 1, 1);
    select(next === -1 ? position : next, { edit: wasEditing });
  } catch (error) {
    view.isSaving = false;
    entry.row.classList.remove('is-saving');
    fill(entry.saveState, 'not saved');
    const problems = error instanceof ApiError && Array.isArray(error.body.problems) ? error.body.problems.filter((problem) => problem.index === index) : [];
    const messages = problems.length > 0 ? problems.map((problem) => problem.message) : [error.message, error.body?.hint].filter(Boolean);
    const isQaOnly = problems.length > 0 && problems.every((problem) => problem.isFinding);
    entry.refusedText = isQaOnly ? entry.editor.value : undefined;
    const saveAnyway = isQaOnly
      ? el('li', { class: 'save-anyway' }, el('button', { type: 'button', class: 'save-anyway-button', onclick: () => approve(index, { isConfirmed: true }) }, 'Save anyway'), ' or press Ctrl+Enter again to keep this translation as it is.')
      : null;
    fill(entry.problems, messages.map((message) => el('li', { text: isQaOnly ? `QA error: ${message}` : message })), saveAnyway);
    view.announce(`Segment ${index + 1} was not saved${isQaOnly ? ': the quality checks found an error' : ''}.`);
  }
}
