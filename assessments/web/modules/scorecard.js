/* A scorecard filled in on screen: the live score and the file the interviewer exports.
 *
 * The build writes the whole form (it reads and prints without JavaScript); this keeps
 * what is typed in localStorage (scorecard-card.js), asks the engine's scorecard_json for
 * the score on every change and exports the file it returns. Hooks for tests, on the form:
 * data-state (loading|ready|error) and data-scored (render counter). */

import { append, button, download, guard, h, report, siteUrl } from "./dom.js";
import { show } from "./files.js";
import { engineFunction, loadPython, loadRuntime, loadSpecText, scoreJson } from "./loader.js";
import { cardFileName, cardKey, emptyCard, isEmpty, readCard, writeCard } from "./scorecard-card.js";
import { addNotice, engineFailed, engineReady, showLoading } from "./status.js";
import { browserStorage } from "./storage.js";

const WHO = ["candidate", "round", "interviewer"];

/** Bring the scorecard form in `el` to life. */
export function setupScorecard(el) {
  const form = el.querySelector("form.pb-scorecard-form");
  if (!form) { return null; }
  const id = el.getAttribute("data-scorecard");
  const s = {
    el: el, form: form, id: "scorecard--" + id, scorecard: id,
    specUrl: siteUrl(el.getAttribute("data-spec")), specText: null, key: null,
    canSave: true, restored: false, touched: false, last: null, counter: 0
  };
  s.results = el.querySelector(".pb-card-result") ||
    form.parentNode.insertBefore(h("section", { class: "pb-card-result" }), form.nextSibling);
  if (!s.results.id) { s.results.id = s.id + "--score"; }
  s.loading = el.querySelector(".pb-loading[data-loading-for]") ||
    form.parentNode.insertBefore(h("div", { class: "pb-loading", role: "status" }), form);
  buildUi(s);
  const changed = guard(function () { onChange(s); });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.setAttribute("data-state", "loading");
  return start(s).catch(report);
}

function buildUi(s) {
  s.notices = h("div", { class: "pb-notices" });
  s.progress = h("p", { class: "pb-answered", role: "status" });
  s.body = h("div", { class: "pb-card-body", "aria-live": "off" });
  s.message = h("div", { class: "pb-panel-message", role: "status" });
  const controls = h("div", { class: "pb-controls" }, [
    button("Export scorecard", function () { exportCard(s); }, "md-button--primary"),
    button("Start a new scorecard", function () { startNew(s); })
  ]);
  append(s.results, [h("h3", {}, "Score"), s.notices, s.progress, s.body, controls, s.message]);
}

/** What the form holds now, as the engine's bridge takes it. */
export function cardFromForm(form) {
  const card = emptyCard();
  WHO.forEach(function (field) {
    const input = form.querySelector("input[name='" + field + "']");
    card[field] = input ? input.value : "";
  });
  Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-criterion]"), function (box) {
    const checked = box.querySelector("input[type=radio]:checked");
    if (checked) { card.ratings[box.getAttribute("data-criterion")] = checked.value; }
  });
  Array.prototype.forEach.call(form.querySelectorAll("textarea[data-field]"), function (area) {
    if (area.value.trim()) { card.notes[area.getAttribute("data-field")] = area.value; }
  });
  return card;
}

function applyCard(form, card) {
  WHO.forEach(function (field) {
    const input = form.querySelector("input[name='" + field + "']");
    if (input) { input.value = card[field] || ""; }
  });
  Array.prototype.forEach.call(form.querySelectorAll("fieldset[data-criterion]"), function (box) {
    const level = card.ratings[box.getAttribute("data-criterion")];
    Array.prototype.forEach.call(box.querySelectorAll("input[type=radio]"), function (radio) {
      radio.checked = radio.value === level;
    });
  });
  Array.prototype.forEach.call(form.querySelectorAll("textarea[data-field]"), function (area) {
    area.value = card.notes[area.getAttribute("data-field")] || "";
  });
}

async function start(s) {
  const python = loadPython();
  python.catch(function () {}); // handled below, once what was typed is restored
  if (!scoreJson()) { showLoading(s); }
  let runtime = null;
  try {
    const got = await Promise.all([loadRuntime().catch(function () { return null; }),
                                   loadSpecText(s.specUrl)]);
    runtime = got[0];
    s.specText = got[1];
    const spec = JSON.parse(s.specText);
    s.key = cardKey((runtime && runtime.playbook_version) || spec.playbook_version ||
                    "unversioned", s.scorecard);
  } catch (err) {
    engineFailed(s, "The rules of this scorecard could not be loaded (" + err.message +
                    "), so no score can be shown.", STILL, rescore);
    return;
  }
  restore(s);
  s.restored = true;
  if (s.touched) { persist(s); } // typed while the page loaded
  try {
    await python;
  } catch (err) {
    engineFailed(s, engineFailure(err), STILL, rescore, engineFailure);
    return;
  }
  engineReady(s, rescore);
}

const STILL = "What you type is still kept in this browser.";

function engineFailure(err) {
  return "The scoring engine could not be loaded (" + err.message + "), so no score can be " +
    "shown.";
}

/** Restore what was typed into this scorecard in this browser, unless the form was
 *  filled in while the page loaded. */
function restore(s) {
  const found = readCard(browserStorage(), s.key);
  if (found.status === "blocked" || found.status === "stuck") {
    s.canSave = false;
    addNotice(s, found.status === "blocked"
      ? "This browser does not let the page keep what you type: export the scorecard " +
        "before you leave the page."
      : "What this browser kept of this scorecard could not be read, nor set aside, so it " +
        "is left untouched and nothing new is kept: export the scorecard before you leave " +
        "the page.", "warning");
  } else if (found.status === "corrupt") {
    addNotice(s, "What this browser kept of this scorecard could not be read, so the form " +
                 "starts empty. The unreadable data is kept in this browser's storage under " +
                 "\u201c" + found.backup + "\u201d.", "warning");
  } else if (found.status === "ok" && isEmpty(cardFromForm(s.form))) {
    applyCard(s.form, found.card);
  }
}

function persist(s) {
  if (!s.key || !s.canSave) { return; }
  if (!writeCard(browserStorage(), s.key, cardFromForm(s.form))) {
    s.canSave = false;
    addNotice(s, "This browser could not keep what you type (its storage is full or " +
                 "blocked): export the scorecard before you leave the page.", "warning");
  }
}

function onChange(s) {
  s.touched = true;
  if (!s.restored) { return; }
  persist(s);
  rescore(s);
}

/** Score the card as it is now with the engine, and show the engine's sentences. */
function rescore(s) {
  const scorecardJson = scoreJson() ? engineFunction("scorecard_json") : null;
  if (!scorecardJson || !s.specText) { return; }
  const out = JSON.parse(String(scorecardJson(s.specText, JSON.stringify(cardFromForm(s.form)))));
  if (out.error) { report(new Error(out.error)); return; }
  s.last = out;
  const view = out.view;
  s.progress.textContent = out.progress_text;
  show(s.body, [
    h("p", { class: "pb-card-score" }, view.score_text),
    h("p", { class: "pb-card-recommendation" }, h("strong", {}, view.recommendation_text)),
    view.recommendation ? h("p", { class: "pb-card-guidance" }, view.recommendation.guidance) : null
  ]);
  const placeholder = s.results.querySelector(".pb-card-placeholder");
  if (placeholder) { placeholder.remove(); }
  s.counter += 1;
  s.form.setAttribute("data-scored", String(s.counter));
}

function say(s, text, extra) { show(s.message, [h("p", {}, text), extra]); }

function labelOf(s, field) {
  const input = s.form.querySelector("input[name='" + field + "']");
  const label = input && input.id ? s.form.querySelector("label[for='" + input.id + "']") : null;
  return label ? label.textContent.trim() : field;
}

function exportCard(s) {
  rescore(s);
  if (!s.last) {
    say(s, "The scoring engine is still loading: export the scorecard once the score shows.");
    return;
  }
  if (s.last.missing.length) {
    const names = s.last.missing.map(function (f) { return labelOf(s, f); });
    say(s, "Fill in these fields first, so that the file says whose scorecard it is: " +
           names.join(", ") + ".");
    const first = s.form.querySelector("input[name='" + s.last.missing[0] + "']");
    if (first) { first.focus(); }
    return;
  }
  const file = s.last.file;
  download(cardFileName(file), JSON.stringify(file, null, 2) + "\n", "application/json");
  say(s, "Scorecard exported as " + cardFileName(file) + ".");
}

function startNew(s) {
  const before = cardFromForm(s.form);
  if (isEmpty(before)) { say(s, "The scorecard is already empty."); return; }
  applyCard(s.form, emptyCard());
  persist(s);
  rescore(s);
  say(s, "The scorecard is cleared.", button("Undo", function () {
    applyCard(s.form, before);
    persist(s);
    rescore(s);
    say(s, "Your scorecard is back.");
  }));
}
