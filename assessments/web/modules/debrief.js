/* The interview debrief: several interviewers' scorecard files, side by side.
 *
 * The files are read in this browser and kept in memory only, for "Add more scorecards";
 * the engine's debrief_json checks them and makes the view (debrief-view.js draws it).
 * Files it cannot use leave the view shown before as it was. Hooks for tests, on the
 * tool: data-state (empty|working|shown|problems) and data-debriefs (views shown). */

import { append, button, h, printOnly, report, siteUrl } from "./dom.js";
import { debriefView } from "./debrief-view.js";
import { exportButton, filePicker, problemsBox, readFiles, show } from "./files.js";
import { callEngine, loadSpecText, scoreJson } from "./loader.js";
import { debriefFileName } from "./scorecard-card.js";

/** Bring the debrief in `el` to life. */
export function setupDebrief(el) {
  const d = { el: el, specUrl: siteUrl(el.getAttribute("data-spec")), files: [], view: null,
              shown: 0 };
  const first = filePicker("Import scorecards\u2026", function (files) {
    return importFiles(d, files, false);
  }, { multiple: true, primary: true });
  const more = filePicker("Add more scorecards\u2026", function (files) {
    return importFiles(d, files, true);
  }, { multiple: true });
  d.more = more.button;
  d.status = h("p", { class: "pb-debrief-status", role: "status" });
  d.problems = h("div", { class: "pb-debrief-problems" });
  d.body = h("div", { class: "pb-debrief-view", "aria-live": "off" });
  const filename = function (extension) {
    return function () { return debriefFileName(d.view && d.view.candidate, extension); };
  };
  d.exports = h("div", { class: "pb-controls", hidden: true }, [
    exportButton("Export CSV", function () { return d.view; }, "csv", filename("csv")),
    exportButton("Export JSON", function () { return d.view; }, "json", filename("json")),
    button("Print", function () { printOnly(d.el); })
  ]);
  d.more.hidden = true;
  append(el, [
    h("div", { class: "pb-controls" }, first.elements.concat(more.elements)),
    d.status, d.problems, d.body, d.exports
  ]);
  el.setAttribute("data-state", "empty");
  return d;
}

async function importFiles(d, fileList, adding) {
  d.el.setAttribute("data-state", "working");
  d.status.textContent = scoreJson() ? "Reading the scorecards\u2026"
    : "Loading the scoring engine\u2026 this takes a few seconds the first time.";
  let view;
  let files;
  try {
    files = (adding ? d.files : []).concat(await readFiles(fileList));
    const specText = await loadSpecText(d.specUrl);
    view = await callEngine("debrief_json", [specText, JSON.stringify(files)]);
  } catch (err) {
    report(err);
    view = { problems: ["The scoring engine could not read the files (" +
                        String(err.message || err) + ")."] };
  }
  d.status.textContent = "";
  if (view.problems) {
    show(d.problems, problemsBox(view.problems));
    d.el.setAttribute("data-state", "problems");
    return;
  }
  d.files = files;
  d.view = view;
  show(d.problems, []);
  show(d.body, debriefView(view));
  d.exports.hidden = false;
  d.more.hidden = false;
  d.shown += 1;
  d.el.setAttribute("data-debriefs", String(d.shown));
  d.el.setAttribute("data-state", "shown");
}
