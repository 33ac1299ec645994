/* placeholder */

export function calibrationTools(w) { return w ? null : null; }
