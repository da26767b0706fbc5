/**
 * A memo that cannot grow without bound: two generations of at most `limit` entries each. When the
 * young map is full it becomes the old one (the previous old one is dropped), and an entry read
 * from the old map moves back to the young one, so the texts a city repeats survive a turnover
 * while a long-running server's memory stays flat. The pure rules remember readings of repeated
 * texts (indicator names, actual values, goals) with it: the review of a city asks the same
 * questions of the same few thousand strings hundreds of thousands of times.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const fresh = this.young.get(key);
    if (fresh !== undefined) return fresh;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** The remembered value for `key`, computing and remembering it the first time. */
  remember(key: K, compute: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
