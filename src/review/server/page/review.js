import { fetchArticle, fetchArticles } from './api.js';
import { applyFinder, approveCurrent, closeArticle, copySourceOfCurrent, useEarlierOfCurrent, editCurrent, hasDrafts, move, moveToNextOpen, renderArticle, select, useSuggestionOfCurrent } from './article-view.js';
import { el, fill } from './dom.js';
import { renderList } from './list-view.js';

const status = document.getElementById('status');
let shownHash;
// Each navigation's number: an answer that arrives after a later navigation started is dropped, so a slow
// article cannot replace the list the reviewer went back to.
let navigation = 0;

function announce(message) {
  fill(status, message);
}

function show(viewId) {
  for (const id of ['loading', 'list-view', 'article-view']) document.getElementById(id).hidden = id !== viewId;
}

function showError(error) {
  fill(document.getElementById('loading'), el('strong', { text: 'Could not load: ' }), error.message, error.body?.hint ? ` (${error.body.hint})` : '');
  show('loading');
}

async function route() {
  if (location.hash === shownHash) return;
  if (hasDrafts() && !window.confirm('Some translations are edited but not approved. Leave them?')) {
    history.replaceState(null, '', shownHash || '#/');
    return;
  }
  shownHash = location.hash;
  const current = ++navigation;
  const isStale = () => current !== navigation;
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  try {
    if (path === '/article') {
      const params = new URLSearchParams(query);
      const article = await fetchArticle(params.get('file') ?? '', params.get('language') ?? '');
      if (isStale()) return;
      closeArticle();
      fill(document.getElementById('where'), `${article.file} · ${article.language}`);
      renderArticle(article, new Map(), announce);
      show('article-view');
      select(0);
    } else {
      closeArticle();
      const data = await fetchArticles();
      if (isStale()) return;
      fill(document.getElementById('where'), `${data.articles.length} articles · ${data.languages.join(', ')}`);
      document.title = 'jialing review';
      renderList(data);
      show('list-view');
    }
  } catch (error) {
    if (!isStale()) showError(error);
  }
}

function isTyping(target) {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
}

function onKey(event) {
  if (document.getElementById('article-view').hidden) return;
  const { key, code, altKey, ctrlKey, metaKey, shiftKey } = event;
  let handled = true;
  if ((ctrlKey || metaKey) && key === 'Enter') approveCurrent();
  else if (altKey && key === 'ArrowDown') move(1);
  else if (altKey && key === 'ArrowUp') move(-1);
  else if (altKey && /^Digit[1-9]$/.test(code)) useSuggestionOfCurrent(Number(code.slice(5)) - 1);
  else if (altKey && code === 'KeyC') copySourceOfCurrent();
  else if (altKey && code === 'KeyR') useEarlierOfCurrent();
  else if (key === 'Escape' && event.target.closest?.('#finder')) editCurrentRow();
  else if (key === 'Escape' && isTyping(event.target)) event.target.closest('.segment')?.focus();
  else if (isTyping(event.target) || altKey || ctrlKey || metaKey || shiftKey) handled = false;
  else if (key === 'j') move(1);
  else if (key === 'k') move(-1);
  else if (key === 'n') moveToNextOpen();
  else if (key === 'f') document.getElementById('filter').focus();
  else if (key === '/') document.getElementById('search').focus();
  else if (key === 'e' || (key === 'Enter' && event.target.classList?.contains('segment'))) editCurrent();
  else handled = false;
  if (handled) event.preventDefault();
}

function editCurrentRow() {
  document.querySelector('#segments > li.is-current')?.focus();
}

document.getElementById('filter').addEventListener('change', applyFinder);
document.getElementById('search').addEventListener('input', applyFinder);
window.addEventListener('hashchange', route);
window.addEventListener('beforeunload', (event) => {
  if (hasDrafts()) event.preventDefault();
});
document.addEventListener('keydown', onKey);
route();
