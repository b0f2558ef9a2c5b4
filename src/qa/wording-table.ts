import { fnv1a } from './fnv1a.ts';

// The wording a text has once it has had two.
const mixed = -0x8000_0000;

/**
 * For each source text of one language, keyed by a 32-bit fingerprint of its id: the first wording seen, or
 * `mixed` once another one followed. Open addressing over typed arrays, 8 bytes a slot, so that a run of any
 * size can tell at its end whether any text was translated two ways without keeping its places in memory. A
 * text can read as mixed when it is not (two ids with the same fingerprint, or a first wording equal to `mixed`):
 * the caller checks a text found mixed against its places.
 */
export class WordingTable {
  // A free slot has the key 0, which no fingerprint is.
  #keys = new Uint32Array(1024);
  #wordings = new Int32Array(1024);
  #size = 0;

  /** Notes one place of a text; true when the text has now been seen with more than one wording. */
  note(fingerprint: number, wording: number): boolean {
    const slot = this.#find(fingerprint);
    if (this.#keys[slot] === 0) {
      this.#keys[slot] = fingerprint;
      this.#wordings[slot] = wording;
      if (++this.#size * 4 > this.#keys.length * 3) this.#grow();
      return false;
    }
    if (this.#wordings[slot] !== wording) this.#wordings[slot] = mixed;
    return this.#wordings[slot] === mixed;
  }

  /** Whether a text was seen with more than one wording (or shares its fingerprint with one that was). */
  isMixed(fingerprint: number): boolean {
    const slot = this.#find(fingerprint);
    return this.#keys[slot] !== 0 && this.#wordings[slot] === mixed;
  }

  // The key's slot, or the free slot where it belongs.
  #find(fingerprint: number): number {
    const mask = this.#keys.length - 1;
    // FNV's low bits follow the characters' low bits: scrambled before they pick a slot.
    let bits = Math.imul(fingerprint ^ (fingerprint >>> 16), 0x45d9f3b);
    bits ^= bits >>> 16;
    let slot = bits & mask;
    while (this.#keys[slot] !== 0 && this.#keys[slot] !== fingerprint) slot = (slot + 1) & mask;
    return slot;
  }

  #grow(): void {
    const keys = this.#keys;
    const wordings = this.#wordings;
    this.#keys = new Uint32Array(keys.length * 2);
    this.#wordings = new Int32Array(keys.length * 2);
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === 0) continue;
      const slot = this.#find(keys[old]!);
      this.#keys[slot] = keys[old]!;
      this.#wordings[slot] = wordings[old]!;
    }
  }
}

/** A text id's fingerprint for `WordingTable`, never 0. */
export function fingerprintOf(sourceId: string): number {
  return fnv1a(sourceId) || 1;
}
