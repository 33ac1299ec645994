/* placeholder */

export function teamTools(w) { return w ? null : null; }
