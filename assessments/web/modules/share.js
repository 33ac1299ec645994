/* "Copy a link to this result", and the read-only view a result link opens. The link holds
 * the answers in its fragment, which no server ever receives; the result is scored again
 * here, by the engine, against this version's questions. */

import { append, button, clear, guard, h, printOnly, report } from "./dom.js";
import { answersFromForm, questionBoxes, roleFromForm } from "./form.js";
import { newEntry } from "./history.js";
import { loadPython, loadSpecText, scoreJson } from "./loader.js";
import { render } from "./result.js";
import { renderHistory } from "./saved.js";
import { persist } from "./saving.js";
import { readFragment, resultLink } from "./sharing.js";

export function shareTools(w) {
  const output = h("div", { class: "pb-share-output", role: "status" });
  const box = h("section", { class: "pb-share", "aria-labelledby": w.id + "--share-title" }, [
    h("h3", { id: w.id + "--share-title" }, "Share this result"),
    h("p", { class: "pb-panel-note" },
      "The link holds your answers after its \u201c#\u201d, a part of an address that is " +
      "never sent to a web server. Whoever opens it sees this result, read-only, scored " +
      "in their own browser."),
    h("div", { class: "pb-controls" }, [
      button("Copy a link to this result", function () { return copyLink(w, output); })
    ]),
    output
  ]);
  openFromAddress(w);
  const onHash = guard(function () {
    if (!w.form.isConnected) { window.removeEventListener("hashchange", onHash); return; }
    openFromAddress(w);
  });
  window.addEventListener("hashchange", onHash);
  return box;
}

async function copyLink(w, output) {
  const link = resultLink(location.href, {
    id: w.id, version: w.version, role: roleFromForm(w), answers: answersFromForm(w)
  });
  let copied = false;
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(link);
      copied = true;
    }
  } catch { copied = false; }
  const field = h("input", { type: "text", readonly: true, value: link, class: "pb-share-link",
                             id: w.id + "--share-link", "aria-label": "Link to this result" });
  clear(output);
  append(output, [
    h("p", {}, copied ? "Link copied. It is also here, to copy by hand:"
      : "Copy this link (select it, then copy):"),
    field
  ]);
  field.addEventListener("focus", function () { field.select(); });
  if (!copied) { field.focus(); }
}

/** The answers of the link that match a question of this page, and how many do not. */
function matching(w, answers) {
  const kept = {};
  questionBoxes(w).forEach(function (box) {
    const qid = box.getAttribute("data-question");
    if (!Object.prototype.hasOwnProperty.call(answers, qid)) { return; }
    const fits = Array.prototype.some.call(box.querySelectorAll("input[type=radio]"),
      function (radio) { return radio.value === answers[qid]; });
    if (fits) { kept[qid] = answers[qid]; }
  });
  return { kept: kept, unmatched: Object.keys(answers).length - Object.keys(kept).length };
}

function sharedBox(w) {
  if (!w.shared || !w.shared.isConnected) {
    w.shared = h("section", { class: "pb-shared", id: w.id + "--shared", tabindex: "-1",
                              "aria-labelledby": w.id + "--shared-title" });
    const before = w.loading && w.loading.parentNode === w.form.parentNode ? w.loading : w.form;
    w.form.parentNode.insertBefore(w.shared, before);
  }
  clear(w.shared);
  append(w.shared, h("h2", { id: w.id + "--shared-title" }, "A shared result"));
  return w.shared;
}

function closeShared(w) {
  if (w.shared) { w.shared.remove(); w.shared = null; }
  try {
    history.replaceState(history.state, "", location.pathname + location.search);
  } catch (err) { report(err); }
}

async function openFromAddress(w) {
  const link = readFragment(location.hash);
  if (!link) { return; }
  const box = sharedBox(w);
  const note = h("p", { class: "pb-shared-note", role: "status" }, "Scoring the shared result\u2026");
  append(box, note);
  if (link.problem) { note.textContent = link.problem; return; }
  if (link.id !== w.id) {
    note.textContent = "The link you followed holds a result of \u201c" + link.id +
      "\u201d, not of this assessment, so it is not shown here.";
    return;
  }
  let specText;
  try {
    specText = await loadSpecText(w.specUrl);
    await loadPython();
  } catch (err) {
    note.textContent = "The shared result could not be scored (" + err.message + ").";
    return;
  }
  const match = matching(w, link.answers);
  const result = JSON.parse(String(scoreJson()(specText, JSON.stringify({
    answers: match.kept, role: link.role }))));
  if (!result || result.error) {
    note.textContent = "The shared result could not be scored (" +
      (result && result.error ? result.error : "unexpected answer") + ").";
    return;
  }
  let text = "Shared with you through a link" +
    (link.version ? " (playbook version " + link.version + ")" : "") + ". Shown read-only: " +
    "your own answers below are not changed.";
  if (match.unmatched > 0) {
    text += " " + match.unmatched + (match.unmatched === 1 ? " answer no longer matches"
      : " answers no longer match") + " a question of this version and " +
      (match.unmatched === 1 ? "was" : "were") + " left out.";
  }
  note.textContent = text;
  const view = { id: w.id + "--shared", spec: w.spec || JSON.parse(specText), results: box,
                 body: h("div", { class: "pb-result-body" }), placeholder: null,
                 saveButton: {}, announce: h("p", { class: "pb-sr-only" }), readOnly: true };
  render(view, result);
  const added = h("p", { class: "pb-shared-added", role: "status" });
  const add = button("Add to my history", function () {
    w.history.push(newEntry(w.history, result, {
      version: link.version || w.version, answers: match.kept, role: link.role }));
    const kept = persist(w);
    renderHistory(w);
    add.disabled = true;
    added.textContent = "Added to your saved results" +
      (kept ? "" : " for as long as this page is open") + " (" + w.history.length +
      " saved in all).";
  }, "md-button--primary");
  append(box, [view.body, h("div", { class: "pb-controls" }, [
    add, button("Print", function () { printOnly(box); }),
    button("Close the shared result", function () {
      closeShared(w);
      const first = w.form.querySelector("input, select");
      if (first) { first.focus(); }
    })
  ]), added]);
  box.focus({ preventScroll: false });
}
