/* One assessment form brought to life: restore, load Python, score on every change. */

import { append, guard, h, report, siteUrl } from "./dom.js";
import { roleFromAddress, roleToAddress } from "./form.js";
import { loadPython, loadRuntime, loadSpecText, scoreJson } from "./loader.js";
import { buildPanel } from "./panel.js";
import { renderHistory } from "./saved.js";
import { setupSkillsTools } from "./rater.js";
import { persist, restore } from "./saving.js";
import { rescore } from "./scoring.js";
import { addNotice, engineFailed, engineReady, showLoading, statusLine } from "./status.js";
import { buildTogether } from "./together.js";
import { storageKey } from "./storage.js";

/** Set up every assessment form of the page now shown (once per form). */
export function setupPage() {
  const forms = document.querySelectorAll("form.pb-assessment[data-assessment]");
  Array.prototype.forEach.call(forms, function (form) {
    try { setupForm(form); } catch (err) { report(err); }
  });
}

function resultsFor(form, id) {
  const sections = document.querySelectorAll("section.pb-results[data-results-for]");
  for (let i = 0; i < sections.length; i += 1) {
    if (sections[i].getAttribute("data-results-for") === id) { return sections[i]; }
  }
  // Not rendered by the build: make one after the form.
  const section = h("section", { class: "pb-results", "data-results-for": id,
                                 "aria-label": "Your result", "aria-live": "polite" });
  form.parentNode.insertBefore(section, form.nextSibling);
  return section;
}

function setupForm(form) {
  if (form.__playbookWidget) { return; }
  const id = form.getAttribute("data-assessment");
  const w = {
    form: form, id: id, results: resultsFor(form, id),
    specUrl: siteUrl(form.getAttribute("data-spec")),
    spec: null, specText: null, version: null, key: null,
    history: [], lastResult: null, counter: 0,
    restored: false, touched: {}, canSave: true, saveWarned: false
  };
  form.__playbookWidget = w;
  form.setAttribute("data-state", "loading");
  buildUi(w);
  form.addEventListener("change", guard(function (event) { onChange(w, event); }));
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  start(w).catch(report);
}

/** The fixed parts of the results area; only the result body is redrawn on each score. */
function buildUi(w) {
  const placeholder = w.results.querySelector(".pb-results-placeholder");
  w.placeholder = placeholder;
  w.notices = h("div", { class: "pb-notices" });
  // Only the one-line summary is announced: the full result is redrawn on every answer,
  // and reading all of it aloud each time would drown the reader.
  w.announce = h("p", { class: "pb-sr-only", role: "status" });
  w.loading = statusLine(w);
  w.body = h("div", { class: "pb-result-body", "aria-live": "off" });
  w.panel = buildPanel(w);
  if (!w.results.id) { w.results.id = w.id + "--result"; }
  append(w.results, [
    h("h2", { class: "pb-results-title" }, "Your result"),
    w.announce, w.notices, w.body, w.panel, buildTogether(w)
  ]);
  if (placeholder) { w.results.insertBefore(placeholder, w.body); }
}

const STILL = "The questions still work.";

function engineFailure(err) {
  return "The scoring engine could not be loaded (" + err.message + "), so no result can " +
    "be shown. Your answers are still kept in this browser.";
}

/** Restore, load Python, score. Restoring comes before the first scoring. */
async function start(w) {
  const python = loadPython();
  python.catch(function () {}); // handled below, after the answers are restored
  if (!scoreJson()) { showLoading(w); }
  let runtime = null;
  try {
    const got = await Promise.all([loadRuntime().catch(function () { return null; }),
                                   loadSpecText(w.specUrl)]);
    runtime = got[0];
    w.specText = got[1];
    w.spec = JSON.parse(w.specText);
  } catch (err) {
    engineFailed(w, "The scoring rules of this assessment could not be loaded (" + err.message +
                    ").", STILL, rescore);
    return;
  }
  w.version = (runtime && runtime.playbook_version) || w.spec.playbook_version || "unversioned";
  w.key = storageKey(w.version, w.id);
  setupSkillsTools(w); // a skills assessment also rates someone else, and calibrates
  restore(w);
  const fromAddress = roleFromAddress(w);
  if (fromAddress.unknown) {
    addNotice(w, "The link you followed asks for the role \u201c" + fromAddress.unknown +
                 "\u201d, which is not a role of this playbook. Choose your role above the " +
                 "questions.", "warning");
  }
  w.restored = true;
  if (fromAddress.chosen || Object.keys(w.touched).length) { persist(w); } // answered while loading
  renderHistory(w);
  try {
    await python;
  } catch (err) {
    engineFailed(w, engineFailure(err), STILL, rescore, engineFailure);
    return;
  }
  engineReady(w, rescore);
}

function onChange(w, event) {
  const target = event.target;
  if (!target || !target.closest) { return; }
  if (target.name === "role" && target.tagName === "SELECT") {
    w.touched.role = true;
    roleToAddress(target.value);
  }
  const box = target.closest("fieldset.pb-question[data-question]");
  if (box) { w.touched[box.getAttribute("data-question")] = true; }
  if (!w.restored) { return; } // answers are read from the form once restoring is done
  persist(w);
  rescore(w);
}
