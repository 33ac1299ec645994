// A stand-in for the browser's localStorage, kept in memory: the Storage methods the widget
// uses, and a quota (in characters of keys and values) past which setItem throws the
// browser's QuotaExceededError.

export class MemoryStorage {
  constructor(entries = {}, quota = Infinity) {
    this.items = new Map(Object.entries(entries));
    this.quota = quota;
  }

  get length() { return this.items.size; }

  key(index) { return [...this.items.keys()][index] ?? null; }

  getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }

  setItem(key, value) {
    const text = String(value);
    let used = key.length + text.length;
    for (const [k, v] of this.items) { if (k !== key) { used += k.length + v.length; } }
    if (used > this.quota) {
      const error = new Error("The quota has been exceeded.");
      error.name = "QuotaExceededError";
      throw error;
    }
    this.items.set(key, text);
  }

  removeItem(key) { this.items.delete(key); }
}

/** A storage whose every call throws, as a browser that blocks storage does. */
export const blockedStorage = {
  get length() { throw new Error("SecurityError"); },
  key() { throw new Error("SecurityError"); },
  getItem() { throw new Error("SecurityError"); },
  setItem() { throw new Error("SecurityError"); },
  removeItem() { throw new Error("SecurityError"); },
};
