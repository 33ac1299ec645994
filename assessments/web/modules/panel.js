/* The panel below the result: save this result, export (JSON, CSV), import, start over. */

import { append, button, clear, download, guard, h } from "./dom.js";
import { answersFromForm, applyAnswers, roleFromForm } from "./form.js";
import { mergeHistories, newEntry } from "./history.js";
import { renderHistory } from "./saved.js";
import { persist } from "./saving.js";
import { rescore } from "./scoring.js";
import { MAX_IMPORT_BYTES, csvText, exportText, importMessage, readImport } from "./transfer.js";

export function buildPanel(w) {
  const fileInput = h("input", {
    type: "file", accept: ".json,application/json", class: "pb-file",
    id: w.id + "--import", tabindex: "-1", "aria-hidden": "true"
  });
  fileInput.addEventListener("change", guard(function () {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = ""; // the same file can be chosen again
    if (file) { return importFile(w, file); }
    return null;
  }));
  w.saveButton = button("Save this result", function () { saveResult(w); }, "md-button--primary");
  w.saveButton.disabled = true;
  w.panelMessage = h("div", { class: "pb-panel-message", role: "status" });
  w.historyBox = h("div", { class: "pb-history" });
  w.compareBox = h("div", { class: "pb-compare" });
  return h("div", { class: "pb-panel" }, [
    h("h3", {}, "Keep and compare your results"),
    h("p", { class: "pb-panel-note" },
      "Your answers are kept in this browser as you go. Save a result to compare it with a " +
      "later one, or export your answers to keep a copy or move them to another browser."),
    h("div", { class: "pb-controls", role: "group", "aria-label": "Your answers and results" }, [
      w.saveButton,
      button("Export JSON", function () { exportJson(w); }),
      button("Export CSV", function () { exportCsv(w); }),
      button("Import JSON\u2026", function () { fileInput.click(); }),
      button("Start over", function () { startOver(w); }),
      fileInput
    ]),
    w.panelMessage, w.historyBox, w.compareBox
  ]);
}

function panelMessage(w, message, kind, extra) {
  clear(w.panelMessage);
  append(w.panelMessage, h("p", { class: "pb-notice pb-notice--" + (kind || "info") },
                           [message, extra ? " " : null, extra]));
}

function results(count) { return count + " saved " + (count === 1 ? "result" : "results"); }

function saveResult(w) {
  if (!w.lastResult) {
    panelMessage(w, "There is no result to save yet.", "warning");
    return;
  }
  w.history.push(newEntry(w.history, w.lastResult, {
    version: w.version, answers: answersFromForm(w), role: roleFromForm(w)
  }));
  const saved = persist(w);
  renderHistory(w);
  panelMessage(w, "Result saved" + (saved ? "" : " for as long as this page is open") +
                  " (" + w.history.length + " saved in all).", "info");
}

function exportJson(w) {
  const name = w.exportName || w.id + "-answers.json"; // rating someone else: rater.js
  download(name, exportText({
    id: w.id, version: w.version, role: roleFromForm(w), answers: answersFromForm(w),
    history: w.history
  }), "application/json");
  panelMessage(w, "Exported " + (w.exportName ? "your rating of someone else" : "your answers") +
                  " and " + results(w.history.length) + " as " + name + ".");
}

function exportCsv(w) {
  if (!w.history.length) {
    panelMessage(w, "Save a result first: the CSV lists your saved results.", "warning");
    return;
  }
  download(w.id + "-history.csv", csvText(w.history, w.spec ? w.spec.sections : []), "text/csv");
  panelMessage(w, "Exported " + results(w.history.length) + " as " + w.id + "-history.csv.");
}

async function importFile(w, file) {
  // A file too large is refused before it is read.
  const text = file.size > MAX_IMPORT_BYTES ? "" : await file.text();
  const read = readImport(text, file.size, w.id);
  if (read.problem) { panelMessage(w, read.problem, "error"); return; }
  const before = w.history.length;
  w.history = mergeHistories(w.history, read.entries);
  const added = w.history.length - before;
  const applied = applyAnswers(w, read.data.answers, read.data.role || null, false);
  w.touched = {};
  persist(w);
  renderHistory(w);
  rescore(w);
  panelMessage(w, importMessage(file.name, read, applied, added), "info");
}

function startOver(w) {
  const before = { answers: answersFromForm(w), role: roleFromForm(w) };
  if (!Object.keys(before.answers).length && !before.role) {
    panelMessage(w, "There are no answers to clear.");
    return;
  }
  applyAnswers(w, {}, null, false);
  persist(w);
  rescore(w);
  const undo = button("Undo", function () {
    applyAnswers(w, before.answers, before.role, false);
    persist(w);
    rescore(w);
    panelMessage(w, "Your answers are back.");
  });
  panelMessage(w, "Answers cleared; your saved results are kept.", "info", undo);
}
