import { el, fill } from './dom.js';

/** The address of an article's review in one language. */
export function articleHash(file, language) {
  return `#/article?${new URLSearchParams({ file, language })}`;
}

/** A one-line summary of segment counts. */
export function describeCounts(counts) {
  return `${counts.reviewed} reviewed · ${counts.machine} machine · ${counts.untranslated} untranslated (of ${counts.segments}) · ${counts.needsReview} needs review · ${counts.qaErrors} QA ${counts.qaErrors === 1 ? 'error' : 'errors'}`;
}

function countsCell(file, entry) {
  const { counts } = entry;
  return el(
    'td',
    { class: 'counts' },
    el('a', { href: articleHash(file, entry.language), class: 'open-article', 'data-language': entry.language }, entry.hasOutput ? 'open' : 'open (no output yet)'),
    el('progress', { max: String(Math.max(counts.segments, 1)), value: String(counts.reviewed), title: `${counts.reviewed} of ${counts.segments} reviewed` }),
    el('span', { class: 'figures', text: describeCounts(counts) }),
  );
}

/** Fills the table of articles × languages. */
export function renderList(data) {
  fill(document.getElementById('articles-head'), el('th', { scope: 'col', text: `article (${data.sourceLanguage})` }), data.languages.map((language) => el('th', { scope: 'col', text: language })));
  const rows = data.articles.map((article) =>
    el(
      'tr',
      { 'data-file': article.file },
      el('th', { scope: 'row', text: article.file }),
      data.languages.map((language) => {
        const entry = article.languages.find((candidate) => candidate.language === language);
        return entry ? countsCell(article.file, entry) : el('td', { text: '—' });
      }),
    ),
  );
  fill(document.getElementById('articles-body'), rows.length > 0 ? rows : el('tr', {}, el('td', { colspan: String(data.languages.length + 1), text: 'No articles found.' })));
}
