/** Whether a string has the shape of a language code (`es`, `zh-TW`, `en-XA`), and so is safe as a folder name. */
export function isLanguageCode(value: string): boolean {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value);
}
