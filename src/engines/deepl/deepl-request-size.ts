/** DeepL refuses request bodies above 128 KiB; deepl-node does not check. */
export const deeplMaxBodyBytes = 128 * 1024;

/**
 * UTF-8 bytes of text the pipeline may pack into one request. deepl-node form-encodes the body, which
 * turns each byte outside `[A-Za-z0-9*-._ ]` into three (`<` → `%3C`, `é` → `%C3%A9`), so 40 000 bytes of
 * text can grow to 120 000 on the wire; the other 11 072 bytes are left for the other fields (context,
 * tag lists, languages). Packing rarely reaches it: 50 texts of ordinary prose are far smaller.
 */
export const deeplMaxTextBytes = 40_000;

/** Most code points of context sent, so the context cannot eat the room left beside the texts. */
export const deeplMaxContextLength = 500;

// Fields deepl-node adds that are not passed here (target_lang, show_billed_characters, tag_handling, …) fit in this.
const fixedFieldsBytes = 400;

/** Size on the wire of a form-encoded translate request with these texts and fields, as deepl-node builds it. */
export function formBodyBytes(texts: readonly string[], fields: Readonly<Record<string, string | undefined>>): number {
  const form = new URLSearchParams(texts.map((text) => ['text', text]));
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return form.toString().length + fixedFieldsBytes;
}
