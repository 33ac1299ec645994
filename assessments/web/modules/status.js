/* The status line above the questions (loading, ready, failed) and the notices above the
 * result. */

import { append, button, clear, h } from "./dom.js";
import { LOAD_STEPS, currentStep, forget, loadPython, onProgress, scoreJson } from "./loader.js";

/**
 * The status line at the top of the assessment, above its questions: it says that Python
 * is loading, then that the result is ready, or that it failed. The build writes it
 * (so it is in place, and announced, from the start); an older page gets one here.
 */
export function statusLine(w) {
  const lines = document.querySelectorAll(".pb-loading[data-loading-for]");
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i].getAttribute("data-loading-for") === w.id) { return lines[i]; }
  }
  const line = h("div", { class: "pb-loading", "data-loading-for": w.id, role: "status" });
  w.form.parentNode.insertBefore(line, w.form);
  return line;
}

/** A link down to the result, for the status line. */
function toResult(w, text) {
  return h("a", { href: "#" + w.results.id, class: "pb-to-result" }, text);
}

export function showLoading(w) {
  const progress = h("progress", { max: String(LOAD_STEPS), value: String(currentStep()),
                                   "aria-label": "Loading the scoring engine" });
  clear(w.loading);
  append(w.loading, [
    h("p", {}, "Loading the scoring engine\u2026 this takes a few seconds the first time. " +
               "You can start answering now."),
    progress
  ]);
  w.loading.setAttribute("data-status", "loading");
  w.onProgress = function (step) { progress.value = step; };
  onProgress(w.onProgress);
}

/** The status line once Python is ready: a short line after a wait, nothing otherwise;
 *  `outcome` is "ready" or "error". */
export function hideLoading(w, outcome) {
  const waited = w.loading.getAttribute("data-status") === "loading";
  forget(w.onProgress);
  clear(w.loading);
  w.loading.removeAttribute("data-status");
  if (outcome === "ready" && waited) {
    w.loading.setAttribute("data-status", "ready");
    append(w.loading, h("p", {}, ["Ready: your result updates as you answer. ",
                                  toResult(w, "Go to your result")]));
  } else if (outcome === "error") {
    w.loading.setAttribute("data-status", "error");
    append(w.loading, h("p", {}, ["No result can be shown, but the questions still work. ",
                                  toResult(w, "Why, below the questions")]));
  }
}

/** A notice above the result; kind is "info", "warning" or "error". */
export function addNotice(w, message, kind, extra) {
  const el = h("div", { class: "pb-notice pb-notice--" + (kind || "info"),
                        role: kind === "error" ? "alert" : "status" }, [h("p", {}, message), extra]);
  w.notices.appendChild(el);
  return el;
}

/** The engine is ready: the status line says so, the form's data-state is "ready", and
 *  `onReady(x)` draws the first result. `x` is an assessment's or a scorecard's state. */
export function engineReady(x, onReady) {
  hideLoading(x, "ready");
  x.form.setAttribute("data-state", "ready");
  onReady(x);
  settled();
}

/** Tells the page head's early loader that a first state (a result, or a failure) is
 *  drawn, so that the theme's scripts it holds back may run now. */
function settled() { document.dispatchEvent(new Event("playbook:engine-settled")); }

/**
 * Loading failed: the status line and the form say so, and an alert says `message`, then
 * `still` (what still works). With `retried(err)` (the message should a retry fail too),
 * the alert offers "Try again", which loads Python again and, once it is up, calls
 * `onReady` as `engineReady` does.
 */
export function engineFailed(x, message, still, onReady, retried) {
  hideLoading(x, "error");
  x.form.setAttribute("data-state", "error");
  const retry = retried ? button("Try again", function () {
    notice.remove();
    x.form.setAttribute("data-state", "loading");
    if (!scoreJson()) { showLoading(x); }
    return loadPython().then(function () { engineReady(x, onReady); }, function (err) {
      engineFailed(x, retried(err), still, onReady, retried);
    });
  }) : null;
  const notice = addNotice(x, message + " " + still, "error", retry);
  settled();
}
