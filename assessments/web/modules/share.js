/* placeholder */

export function shareTools(w) { return w ? null : null; }
