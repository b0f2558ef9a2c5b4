/** An API answer other than 2xx, with the server's JSON body (`message`, `hint`, `problems`). */
export class ApiError extends Error {
  constructor(status, body) {
    super(body.message ?? `The server answered ${status}.`);
    this.status = status;
    this.body = body;
  }
}

// The access token travels in an HttpOnly cookie the server set when the page was first opened.
async function request(path, init = {}) {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
  const body = await response.json().catch(() => ({ message: `The server answered ${response.status} ${response.statusText}.` }));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** Articles × languages with their counts. */
export function fetchArticles() {
  return request('/api/articles');
}

/** One article in one language, segment by segment. */
export function fetchArticle(file, language) {
  return request(`/api/article?${new URLSearchParams({ file, language })}`);
}

/** Saves edits (`{ index, id, markdown }`, `id` naming the source the translation was made for) as reviewed; answers the updated article. */
export function saveEdits(file, language, edits) {
  return request('/api/save', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ file, language, edits }),
  });
}
