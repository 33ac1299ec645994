/* Calibrating two ratings of one person's skills: their own, and someone else's (their
 * manager's) rating of them. Offered on skills assessments only, once the spec says so
 * (showCalibration). The engine (calibration_json) reads both files and words the view;
 * the files and the view stay in this page's memory. */

import { button, h, printOnly } from "./dom.js";
import { exportButton, filePicker, problemsBox, readFiles, show } from "./files.js";
import { callEngine } from "./loader.js";
import { specText } from "./team.js";

/** The "Calibrate two ratings" part below a skills assessment's result: hidden until
 *  showCalibration(w) finds the assessment is one. */
export function calibrationTools(w) {
  const state = { own: null, other: null, view: null };
  const section = h("section", { class: "pb-calibration", hidden: true,
                                 "aria-labelledby": w.id + "--calibration-title" });
  const problems = h("div", { class: "pb-calibration-problems" });
  const output = h("div", { class: "pb-calibration-output", "aria-live": "off" });
  const roleSelect = h("select", { id: w.id + "--calibration-role" },
                       h("option", { value: "" }, "The role in the person's file"));
  const chosen = { own: h("span", { class: "pb-chosen" }, "No file chosen"),
                   other: h("span", { class: "pb-chosen" }, "No file chosen") };
  const compare = async function () {
    if (!state.own || !state.other) { return; }
    const files = JSON.stringify([state.own, state.other]);
    let view;
    try {
      view = await callEngine("calibration_json", [await specText(w), files, roleSelect.value]);
    } catch (err) {
      view = { problems: ["the scoring engine could not read them (" + err.message + ")."] };
    }
    if (view.problems) {
      show(problems, problemsBox(view.problems, state.view
        ? "These files cannot be used, so the calibration below is unchanged:" : null));
      return;
    }
    state.view = view;
    show(problems, "");
    // The view's drawing is loaded when a first calibration is shown, not with every page.
    show(output, (await import("./calibration-view.js")).calibrationBlock(
      view, w.spec, output.clientWidth || section.clientWidth));
    actions.hidden = false;
  };
  const pick = function (which) {
    return async function (fileList) {
      const file = (await readFiles(fileList))[0];
      state[which] = file;
      show(chosen[which], file.name);
      if (which === "own") { chooseRoleOf(roleSelect, file.text); }
      return compare();
    };
  };
  const own = filePicker("The person's own ratings\u2026", pick("own"));
  const other = filePicker("Your rating of them\u2026", pick("other"));
  roleSelect.addEventListener("change", function () { compare(); });
  const view = function () { return state.view; };
  const actions = h("div", { class: "pb-controls", role: "group", "aria-label": "The calibration" }, [
    exportButton("Export Markdown", view, "markdown", w.id + "-calibration.md"),
    exportButton("Export CSV", view, "csv", w.id + "-calibration.csv"),
    button("Print", function () { printOnly(section); })
  ]);
  actions.hidden = true;
  section.append(
    h("h3", { id: w.id + "--calibration-title" }, "Calibrate two ratings"),
    h("p", { class: "pb-panel-note" },
      "The person rates their own skills and exports them (Export JSON); you rate them with " +
      "\u201cSomeone else\u2019s\u201d chosen at the top of the questions and export yours. " +
      "Choose both files here to see where you agree, where you are two or more levels " +
      "apart, and what to discuss first. Nothing is uploaded."),
    h("div", { class: "pb-calibration-files" }, [
      h("div", { class: "pb-controls" }, [own.elements, chosen.own]),
      h("div", { class: "pb-controls" }, [other.elements, chosen.other]),
      h("p", { class: "pb-calibration-role" }, [
        h("label", { for: roleSelect.id }, "Compare with the targets of "), roleSelect])
    ]),
    problems, actions, output);
  w.calibration = { section: section, roleSelect: roleSelect };
  return section;
}

/** Show the calibration when the assessment (its spec, now loaded) rates skills. */
export function showCalibration(w) {
  if (!w.calibration || !isSkills(w.spec)) { return; }
  const select = w.calibration.roleSelect;
  (w.spec.roles || []).forEach(function (r) {
    select.appendChild(h("option", { value: r.id }, String(r.title || r.id)));
  });
  w.calibration.section.hidden = false;
}

/** Does the spec rate skills (a section with the skills-gap rule)? */
export function isSkills(spec) {
  return Boolean(spec && (spec.sections || []).some(function (s) { return s.rule === "skills-gap"; }));
}

/** Choose the role named in the person's own file, when it is one of the list. */
function chooseRoleOf(select, text) {
  let role = null;
  try { role = JSON.parse(text).role; } catch { return; }
  if (typeof role === "string" && Array.prototype.some.call(select.options, function (o) {
    return o.value === role;
  })) { select.value = role; }
}
