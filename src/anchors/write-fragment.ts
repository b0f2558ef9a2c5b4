// What a fragment may hold as is in a markdown destination or a quoted HTML attribute.
const plainFragment = /^[\p{L}\p{M}\p{N}\p{Pc}\-.~]*$/u;

/** A new fragment as it goes into a link: percent-encoded like the one it replaces, or when it holds anything else than letters, digits, `-`, `_`, `.`, `~`. */
export function writeFragment(fragment: string, isPercentEncoded: boolean): string {
  return isPercentEncoded || !plainFragment.test(fragment) ? encodeURIComponent(fragment) : fragment;
}
