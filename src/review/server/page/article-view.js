import { ApiError, saveEdits } from './api.js';
import { el, fill } from './dom.js';
import { describeCounts } from './list-view.js';
import { segmentRow, taggedToMarkdown } from './segment-row.js';

/** The article being reviewed: its data, one entry per segment row, and which row is current. */
let view;

/** Shows an article; drafts (segment index → markdown) are put back into their editors. */
export function renderArticle(article, drafts = new Map(), announce = () => {}) {
  const current = view?.article.file === article.file && view.article.language === article.language ? view.current : 0;
  const rows = article.segments.map((segment) => segmentRow(segment, article, drafts.get(segment.index), { approve, useSuggestion }));
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
  const target = view.rows[Math.min(Math.max(position, 0), view.rows.length - 1)];
  (edit ? target.editor : target.row).focus();
  target.row.scrollIntoView({ block: 'nearest' });
}

/** Moves to the next (1) or previous (-1) segment, keeping the editor focused when it was. */
export function move(delta) {
  if (!view) return;
  select(view.current + delta, { edit: document.activeElement?.classList.contains('editor') });
}

/** Moves to the next segment after the current one that is not reviewed, or needs review again. */
export function moveToNextOpen() {
  if (!view) return;
  const open = (entry) => entry.segment.state !== 'reviewed' || entry.segment.needsReview;
  const next = view.rows.findIndex((entry, position) => position > view.current && open(entry));
  if (next === -1) view.announce('No segment after this one is waiting for review.');
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

/** Puts suggestion `position` (0-based) of the current segment into its editor. */
export function useSuggestionOfCurrent(position) {
  if (view?.rows[view.current]) useSuggestion(view.rows[view.current].segment.index, position);
}

function entryOf(index) {
  return view?.rows.find((entry) => entry.segment.index === index);
}

function useSuggestion(index, position) {
  const entry = entryOf(index);
  const suggestion = entry?.segment.suggestions[position];
  if (!suggestion) return;
  entry.editor.value = suggestion.targetMarkdown ?? taggedToMarkdown(suggestion.targetText, entry.segment.tags);
  entry.editor.dispatchEvent(new Event('input'));
  select(view.rows.indexOf(entry), { edit: true });
}

async function approve(index) {
  const entry = entryOf(index);
  if (!entry || view.isSaving) return;
  const { article } = view;
  const wasEditing = document.activeElement === entry.editor;
  view.isSaving = true;
  entry.row.classList.add('is-saving');
  fill(entry.saveState, 'saving…');
  fill(entry.problems);
  try {
    const updated = await saveEdits(article.file, article.language, [{ index, id: entry.segment.id, markdown: entry.editor.value }]);
    const drafts = new Map(view.rows.filter((other) => other !== entry && other.editor.value !== (other.segment.targetMarkdown ?? '')).map((other) => [other.segment.index, other.editor.value]));
    const position = view.rows.indexOf(entry);
    renderArticle(updated, drafts, view.announce);
    view.announce(`Segment ${index + 1} approved; ${updated.outputPath} rewritten.`);
    fill(view.rows[position].saveState, 'saved as reviewed');
    select(position + 1 < view.rows.length ? position + 1 : position, { edit: wasEditing });
  } catch (error) {
    view.isSaving = false;
    entry.row.classList.remove('is-saving');
    fill(entry.saveState, 'not saved');
    const problems = error instanceof ApiError && Array.isArray(error.body.problems) ? error.body.problems.filter((problem) => problem.index === index) : [];
    const messages = problems.length > 0 ? problems.map((problem) => problem.message) : [error.message, error.body?.hint].filter(Boolean);
    fill(entry.problems, messages.map((message) => el('li', { text: message })));
    view.announce(`Segment ${index + 1} was not saved.`);
  }
}
