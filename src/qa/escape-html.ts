const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attributes, so article text can never become markup. */
export function escapeHtml(text: string): string {
  // Most texts need nothing escaped: a test costs far less than a replace that finds nothing.
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}
