/* A scorecard filled in on screen: the live score and the file the interviewer exports. */

/** Bring the scorecard form in `el` to life. */
export function setupScorecard(el) { return el; }
