import { el, highlightTerms } from './dom.js';

const stateNames = { initial: 'untranslated', translated: 'machine', reviewed: 'reviewed' };

/** The markdown of tagged text (`<g1>…</g1>`, `<x2/>`, XML-escaped) spelled with this segment's own tags; unknown tags stay as written. */
export function taggedToMarkdown(tagged, tags) {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const entities = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return tagged.replace(/<(\/?)g(\d+)>|<x(\d+)\/>|&(lt|gt|amp|quot|apos);/g, (whole, closing, pairId, atomId, entity) => {
    if (entity) return entities[entity];
    const tag = byId.get(Number(pairId ?? atomId));
    if (!tag) return whole;
    if (atomId !== undefined) return tag.open;
    return closing ? (tag.close ?? '') : tag.open;
  });
}

function describeTag(tag) {
  return tag.kind === 'pair'
    ? el('li', {}, el('span', { class: 'tag-id', text: `g${tag.id}` }), ' ', el('code', { text: tag.open }), ' … ', el('code', { text: tag.close ?? '' }))
    : el('li', {}, el('span', { class: 'tag-id', text: `x${tag.id}` }), ' ', el('code', { text: tag.open }));
}

function describeTerm(term) {
  const { isPresent } = term;
  return el(
    'li',
    { class: isPresent ? 'term-present' : 'term-missing' },
    el('mark', { class: 'term', text: term.source }),
    ' → ',
    el('strong', { text: term.target }),
    ' ',
    el('span', { class: 'term-check', text: isPresent ? '✓ in the translation' : 'not in the translation' }),
    term.notes.map((note) => el('span', { class: 'term-note', text: note })),
  );
}

function describeFinding(finding) {
  return el('li', { class: `finding finding-${finding.severity}` }, el('span', { class: 'check', text: `${finding.severity} · ${finding.check}` }), ' ', finding.message, finding.text ? el('q', { text: finding.text }) : null);
}

function describeEarlier(segment, article, handlers) {
  const { earlier } = segment;
  if (!earlier) return null;
  const diff = earlier.sourceDiff.map((part) => (part.type === 'same' ? part.text : el(part.type === 'added' ? 'ins' : 'del', { text: part.text })));
  return el(
    'div',
    { class: 'earlier' },
    el('h3', { text: 'the source changed since a person reviewed it' }),
    el('p', { class: 'source-diff', lang: article.sourceLanguage }, diff),
    el(
      'p',
      {},
      'reviewed translation of the earlier source: ',
      el('span', { class: 'earlier-target', lang: article.language, text: earlier.targetMarkdown ?? taggedToMarkdown(earlier.target, segment.tags) }),
      ' ',
      el('button', { type: 'button', class: 'use-earlier', title: 'Alt+R', onclick: () => handlers.useEarlier(segment.index) }, 'Use it'),
    ),
  );
}

function section(title, className, items) {
  return items.length === 0 ? null : el('div', { class: `detail ${className}` }, el('h3', { text: title }), el('ul', {}, items));
}

/** A list item for one segment: source with glossary terms marked, the editor, formatting, terms, findings and suggestions. */
export function segmentRow(segment, article, draft, handlers) {
  const editor = el('textarea', {
    class: 'editor',
    lang: article.language,
    'aria-label': `Translation of segment ${segment.index + 1} (markdown)`,
    placeholder: 'Not translated yet: type the translation',
    oninput: () => {
      row.classList.toggle('is-dirty', editor.value !== (segment.targetMarkdown ?? ''));
      editor.rows = rowsFor(editor.value);
    },
  });
  editor.value = draft ?? segment.targetMarkdown ?? '';
  editor.rows = rowsFor(editor.value);
  const problems = el('ul', { class: 'problems', role: 'alert' });
  const saveState = el('span', { class: 'save-state' });
  const approve = el('button', { type: 'button', class: 'approve', onclick: () => handlers.approve(segment.index) }, 'Approve');

  const suggestions = segment.suggestions.map((suggestion, position) =>
    el(
      'li',
      { class: 'suggestion' },
      el('button', { type: 'button', class: 'use-suggestion', title: position < 9 ? `Alt+${position + 1}` : undefined, onclick: () => handlers.useSuggestion(segment.index, position) }, `Use ${position + 1}`),
      ' ',
      el('span', { class: 'similarity', text: `${Math.round(suggestion.similarity * 100)}%${suggestion.status === 'reviewed' ? ' · reviewed' : ''}` }),
      ' ',
      el('span', { class: 'suggestion-target', lang: article.language, text: suggestion.targetMarkdown ?? taggedToMarkdown(suggestion.targetText, segment.tags) }),
      el('span', { class: 'suggestion-source', text: `for: ${taggedToMarkdown(suggestion.sourceText, segment.tags)}` }),
    ),
  );

  const row = el(
    'li',
    { class: `segment state-${segment.state}${segment.needsReview ? ' needs-review' : ''}${draft !== undefined ? ' is-dirty' : ''}`, tabindex: '-1', 'data-index': String(segment.index) },
    el(
      'div',
      { class: 'meta' },
      el('span', { text: `#${segment.index + 1} · ${segment.kind} · line ${segment.line}` }),
      el('span', { class: 'state', text: stateNames[segment.state] ?? segment.state }),
      segment.needsReview ? el('span', { class: 'state needs-review-badge', text: 'needs review: the source changed since a person reviewed it' }) : null,
    ),
    describeEarlier(segment, article, handlers),
    el(
      'div',
      { class: 'columns' },
      el('div', { class: 'source', lang: article.sourceLanguage }, el('div', { class: 'text' }, highlightTerms(segment.sourceMarkdown, segment.termRanges, segment.terms))),
      el('div', { class: 'target' }, editor, el('div', { class: 'actions' }, approve, saveState), problems),
    ),
    el(
      'div',
      { class: 'details' },
      section('formatting', 'tags', segment.tags.map(describeTag)),
      section('glossary', 'terms', segment.terms.map(describeTerm)),
      section('checks', 'findings', segment.findings.map(describeFinding)),
      section('suggestions from the memory', 'suggestions', suggestions),
    ),
  );
  return { segment, row, editor, problems, saveState };
}

function rowsFor(text) {
  return Math.min(12, Math.max(2, text.split('\n').length + Math.floor(text.length / 50)));
}
