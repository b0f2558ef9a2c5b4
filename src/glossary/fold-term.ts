const lowerCache = new Map<number, number>();

/** A term form as matching sees it: trimmed, inner whitespace as one space, typographic apostrophes as `'`. */
export function normalizeTermForm(form: string): string {
  return form.trim().replace(/\s+/g, ' ').replaceAll('\u2019', "'");
}

/**
 * The lower-case of one UTF-16 code unit, or the unit itself when lower-casing would change the
 * length (`İ` → `i̇`): folding unit by unit keeps offsets in the folded text equal to the original's.
 */
export function foldCharCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if (code === 0x2019) return 39;
  let folded = lowerCache.get(code);
  if (folded === undefined) {
    const lower = String.fromCharCode(code).toLowerCase();
    folded = lower.length === 1 ? lower.charCodeAt(0) : code;
    lowerCache.set(code, folded);
  }
  return folded;
}

/** A string folded with `foldCharCode`, for comparing forms without regard to case. */
export function foldText(text: string): string {
  let folded = '';
  for (let index = 0; index < text.length; index++) folded += String.fromCharCode(foldCharCode(text.charCodeAt(index)));
  return folded;
}
