/* The tools beside the assessments: elements `.pb-tool[data-tool=NAME]` the build writes
 * (a scorecard to fill in, an interview debrief), each brought to life once. */

import { report } from "./dom.js";

// Each tool's module is loaded only on a page that has the tool: assessment pages (and
// every other page) never fetch them.
const TOOLS = {
  scorecard: function (el) { return import("./scorecard.js").then(function (m) { return m.setupScorecard(el); }); },
  debrief: function (el) { return import("./debrief.js").then(function (m) { return m.setupDebrief(el); }); }
};

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
