/* The tools beside the assessments: elements `.pb-tool[data-tool=NAME]` the build writes
 * (a scorecard to fill in, an interview debrief), each brought to life once. */

import { report } from "./dom.js";
import { setupDebrief } from "./debrief.js";
import { setupScorecard } from "./scorecard.js";

const TOOLS = { scorecard: setupScorecard, debrief: setupDebrief };

/** Set up every tool of the page now shown (once per element). */
export function setupTools() {
  const tools = document.querySelectorAll(".pb-tool[data-tool]");
  Array.prototype.forEach.call(tools, function (el) {
    const setup = TOOLS[el.getAttribute("data-tool")];
    if (!setup || el.__playbookTool) { return; }
    el.__playbookTool = true;
    try {
      const out = setup(el);
      if (out && typeof out.catch === "function") { out.catch(report); }
    } catch (err) { report(err); }
  });
}
