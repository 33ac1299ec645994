/* Scoring the form's answers with the engine and showing the result. */

import { append, clear, h, report } from "./dom.js";
import { answersFromForm, roleFromForm } from "./form.js";
import { scoreJson } from "./loader.js";
import { render } from "./result.js";
import { isObject } from "./words.js";

/** Score the answers now in the form and redraw the result (once Python is ready). */
export function rescore(w) {
  const scoreJsonFn = scoreJson();
  if (!scoreJsonFn || !w.specText) { return; }
  const started = performance.now();
  const payload = JSON.stringify({ answers: answersFromForm(w), role: roleFromForm(w) });
  let result;
  try {
    result = JSON.parse(String(scoreJsonFn(w.specText, payload)));
  } catch (err) {
    report(err);
    showScoringError(w, err.message);
    return;
  }
  const took = performance.now() - started;
  if (!isObject(result) || result.error) {
    showScoringError(w, result && result.error ? result.error : "unexpected answer");
    return;
  }
  w.lastResult = result;
  window.__playbookLastResult = window.__playbookLastResult || {};
  window.__playbookLastResult[w.id] = result;
  try {
    render(w, result);
  } catch (err) {
    report(err);
    showScoringError(w, "the result could not be shown");
    return;
  }
  w.form.setAttribute("data-score-ms", took.toFixed(2));
  w.form.setAttribute("data-rescore-ms", (performance.now() - started).toFixed(2));
  w.counter += 1;
  w.form.setAttribute("data-scored", String(w.counter));
}

function showScoringError(w, message) {
  clear(w.body);
  append(w.body, h("div", { class: "pb-notice pb-notice--error", role: "alert" },
                   h("p", {}, "Your answers could not be scored (" + message + ").")));
}
