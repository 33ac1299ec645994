/* The team view of an assessment, for anyone: each team member exports their answers and
 * sends the file; whoever gathers them imports them all here. The engine reads the files
 * (team_json) and words the view; the files and the view stay in this page's memory. */

import { button, h, printOnly } from "./dom.js";
import { exportButton, filePicker, problemsBox, readFiles, show } from "./files.js";
import { callEngine, loadSpecText } from "./loader.js";

/** The "Team view" part below an assessment's result. */
export function teamTools(w) {
  const state = { files: [], view: null };
  const status = h("p", { class: "pb-team-status pb-sr-only", role: "status" });
  const problems = h("div", { class: "pb-team-problems" });
  const output = h("div", { class: "pb-team-output", "aria-live": "off" });
  const section = h("section", { class: "pb-team", "aria-labelledby": w.id + "--team-title" });
  const load = async function (chosen, keep) {
    const added = await readFiles(chosen);
    const files = (keep ? state.files : []).concat(added);
    show(status, "Reading " + files.length + (files.length === 1 ? " file\u2026" : " files\u2026"));
    let view;
    try {
      view = await callEngine("team_json", [await specText(w), JSON.stringify(files)]);
    } catch (err) {
      view = { problems: ["the scoring engine could not read them (" + err.message + ")."] };
    }
    if (view.problems) {
      show(status, "");
      show(problems, problemsBox(view.problems, state.view
        ? "These files cannot be used, so the team view below is unchanged:" : null));
      return;
    }
    state.files = files;
    state.view = view;
    show(problems, "");
    show(status, String(view.people_text));
    // The view's drawing is loaded when a first view is shown, not with every page.
    const drawing = await import("./team-view.js");
    show(output, drawing.teamViewBlock(w, view, output.clientWidth || section.clientWidth));
    more.button.hidden = false;
    actions.hidden = false;
  };
  const first = filePicker("Import team files\u2026", function (f) { return load(f, false); },
                           { multiple: true });
  const more = filePicker("Add more files\u2026", function (f) { return load(f, true); },
                          { multiple: true });
  more.button.hidden = true;
  const view = function () { return state.view; };
  const actions = h("div", { class: "pb-controls pb-team-actions", role: "group",
                             "aria-label": "The team view" }, [
    exportButton("Export CSV", view, "csv", w.id + "-team.csv"),
    exportButton("Export JSON", view, "json", w.id + "-team.json"),
    button("Print", function () { printOnly(section); })
  ]);
  actions.hidden = true;
  section.append(
    h("h3", { id: w.id + "--team-title" }, "Team view"),
    h("p", { class: "pb-panel-note" },
      "Each team member answers on their own device, exports their answers (Export JSON) " +
      "and sends you the file; no names are needed. Import everyone's files here: they are " +
      "read in this browser, nothing is uploaded, and the view is gone when you leave the page."),
    h("div", { class: "pb-controls", role: "group", "aria-label": "Team files" },
      [first.elements, more.elements]),
    status, problems, actions, output);
  return section;
}

/** The spec's text: the page loads it once per tab (loader.js), and this waits for it. */
export function specText(w) { return loadSpecText(w.specUrl); }
