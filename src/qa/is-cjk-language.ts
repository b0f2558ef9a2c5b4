const cjkLanguages = new Set(['zh', 'ja', 'ko', 'yue', 'wuu', 'cmn']);

/** Whether a language tag names Chinese, Japanese or Korean, whose texts take far fewer characters than alphabetic ones. */
export function isCjkLanguage(language: string): boolean {
  return cjkLanguages.has(language.toLowerCase().split(/[-_]/)[0]!);
}
