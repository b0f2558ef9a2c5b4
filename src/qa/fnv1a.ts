/** FNV-1a, 32 bits, as an unsigned integer: a quick hash for telling short texts apart where a rare clash is harmless. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
