const placeholder = '[DEEPL_AUTH_KEY]';
// Parts shorter than this (the "fx" of a Free API key, a UUID's four-digit groups) say too little to be worth hiding.
const minPartLength = 8;

/**
 * A function that hides the key in text from deepl-node or a server: the whole key, the part before `:fx`, each part
 * between `:` and `-` of 8 characters or more, and each of those URL-encoded, since a server or proxy may echo any.
 */
export function createKeyRedactor(authKey: string | undefined): (text: string) => string {
  if (!authKey) return (text) => text;
  const parts = new Set([authKey, authKey.replace(/:fx$/i, ''), ...authKey.split(/[:-]/)].filter((part) => part.length >= minPartLength));
  const secrets = [...parts].flatMap((part) => [part, encodeURIComponent(part)]).sort((a, b) => b.length - a.length);
  const pattern = new RegExp([...new Set(secrets)].map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return (text) => text.replace(pattern, placeholder);
}
