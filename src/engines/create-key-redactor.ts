// Shorter runs (the "fx" of a DeepL Free key, the "sk-" of an OpenAI one) say too little about a key to be worth hiding.
const minRunLength = 8;

/**
 * A function that puts `placeholder` where text from a client or a server shows the key or any run of 8 or more of
 * its characters (a server may quote the part before DeepL's `:fx`, or a key without its `sk-`), raw or URL-encoded.
 */
export function createKeyRedactor(authKey: string | undefined, placeholder: string): (text: string) => string {
  if (!authKey || authKey.length < minRunLength) return (text) => text;
  const forms = [...new Set([authKey, encodeURIComponent(authKey)].map((form) => form.toLowerCase()))];
  // Where in which form each window starts: a run found by one window is then followed as far as it goes.
  const starts = new Map<string, { form: string; offset: number }[]>();
  for (const form of forms) {
    for (let offset = 0; offset + minRunLength <= form.length; offset++) {
      const window = form.slice(offset, offset + minRunLength);
      starts.set(window, [...(starts.get(window) ?? []), { form, offset }]);
    }
  }
  return (text) => hideRuns(text, starts, placeholder);
}

/** Replaces every run of `text` that is a run of the key in one of its forms (ignoring case), at least `minRunLength` long. */
function hideRuns(text: string, starts: ReadonlyMap<string, readonly { form: string; offset: number }[]>, placeholder: string): string {
  const lower = text.toLowerCase();
  let result = '';
  let copied = 0;
  for (let position = 0; position + minRunLength <= text.length; ) {
    const offsets = starts.get(lower.slice(position, position + minRunLength));
    if (!offsets) {
      position++;
      continue;
    }
    let end = position;
    for (const { form, offset } of offsets) {
      let length = minRunLength;
      while (position + length < text.length && offset + length < form.length && lower[position + length] === form[offset + length]) length++;
      end = Math.max(end, position + length);
    }
    result += text.slice(copied, position) + placeholder;
    copied = position = end;
  }
  return result + text.slice(copied);
}
