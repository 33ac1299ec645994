/* Playbook self-assessments, scored in the reader's browser: the entry module.
 *
 * Every page of the site loads it, but it does nothing (and fetches nothing) unless the
 * page holds a <form class="pb-assessment"> or a tool (tools.js: a scorecard, a debrief). On such a page it
 *   - restores the reader's answers from localStorage (also from an older playbook version),
 *   - loads Pyodide and the scoring engine wheel once per tab (window.__playbookPython),
 *   - rescores on every change with the engine's score_json and renders the result,
 *   - keeps a history of saved results, compares two of them, exports JSON/CSV, imports JSON.
 *
 * Material's instant navigation swaps pages without reloading, so the per-page setup runs
 * from document$ and everything loaded once (Python, runtime.json, specs) is kept per tab.
 * Hooks for tests and benchmarks, on the form: data-state (loading|ready|error),
 * data-scored (render counter), data-score-ms (duration of the last scoring), and
 * window.__playbookLastResult[assessment id] (the last result object); on the status line
 * above the questions (.pb-loading[role=status]): data-status (loading|ready|error).
 * A page opened with ?role=<id> (as role pages link here) compares with that role.
 */

import { guard, report } from "./dom.js";
import { ENGINE_HOLDERS, loadPython } from "./loader.js";
import { setupTools } from "./tools.js";
import { setupPage } from "./widget.js";

// A module runs once per document, but guard anyway: two copies of the widget (say, under
// two addresses) would set every form up twice.
if (!window.__playbookAssessmentWidget) {
  window.__playbookAssessmentWidget = true;
  // On a first visit straight to an assessment, start loading Python now, while the theme
  // is still setting up the page: a module runs once the document is parsed.
  if (document.querySelector(ENGINE_HOLDERS)) {
    try { loadPython().catch(function () {}); } catch (err) { report(err); }
  }
  const run = guard(function () { setupPage(); setupTools(); });
  const theme = function () { return window.document$ && typeof window.document$.subscribe === "function"; };
  if (theme()) {
    window.document$.subscribe(run); // every page, including those reached by instant navigation
  } else {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
    // On an assessment page the theme's scripts run after the first result (see the
    // early loader): from then on, set up each page instant navigation brings. The theme
    // replays the page already set up to a new subscriber, which is skipped.
    document.addEventListener("playbook:theme", function () {
      if (!theme()) { return; }
      let replayed = true;
      window.document$.subscribe(function () { if (!replayed) { run(); } });
      replayed = false;
    }, { once: true });
  }
}
