/**
 * A small seeded pseudo-random number generator (mulberry32), so that the
 * benchmark corpus is byte-for-byte the same on every machine and every run.
 */

/**
 * A deterministic random source with the helpers the corpus builder needs.
 */
export class Prng {
  /**
   * @param {number} seed Any 32-bit integer.
   */
  constructor(seed) {
    /** @type {number} */
    this.state = seed >>> 0
  }

  /**
   * The next number in [0, 1).
   * @returns {number}
   */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /**
   * An integer in [min, max], both inclusive.
   * @param {number} min
   * @param {number} max
   * @returns {number}
   */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /**
   * One element of a non-empty array.
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  pick(items) {
    return items[Math.floor(this.next() * items.length)]
  }

  /**
   * True with the given probability.
   * @param {number} probability In [0, 1].
   * @returns {boolean}
   */
  chance(probability) {
    return this.next() < probability
  }
}
