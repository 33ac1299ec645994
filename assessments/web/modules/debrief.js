/* The interview debrief: several interviewers' scorecard files, side by side. */

/** Bring the debrief in `el` to life. */
export function setupDebrief(el) { return el; }
