/* What an assessment offers beyond one person's result: a link that shares it, the team
 * view of many people's files, and (skills) the calibration of two ratings. Each part
 * returns its element, or null when it does not apply to this assessment. */

import { h } from "./dom.js";
import { calibrationTools } from "./calibration.js";
import { shareTools } from "./share.js";
import { teamTools } from "./team.js";

export function buildTogether(w) {
  const parts = [shareTools(w), calibrationTools(w), teamTools(w)].filter(Boolean);
  return parts.length ? h("div", { class: "pb-together" }, parts) : null;
}
