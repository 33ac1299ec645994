/* Playbook self-assessments, scored in the reader's browser.
 *
 * Every page of the site loads this file, but it does nothing (and fetches nothing) unless
 * the page holds a <form class="pb-assessment">. On such a page it
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
(function () {
  "use strict";

  // Material re-runs nothing outside its content container, but guard anyway: two copies
  // of this script would set every form up twice.
  if (window.__playbookAssessmentWidget) { return; }
  window.__playbookAssessmentWidget = true;

  var KEY_PREFIX = "pbk:assessment:";
  var EXPORT_FORMAT = "playbook-assessment";
  var EXPORT_VERSION = 1;
  var MAX_IMPORT_BYTES = 5 * 1024 * 1024;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var LOAD_STEPS = 4; // runtime.json, pyodide.js, the Python runtime, the engine wheel

  /* ------------------------------------------------------------------ site root, fetch */

  // Every address the widget needs is written onto the assessment form by the build
  // (generators/render/assets.py holds them all): the way to the site root (data-root),
  // the spec, Pyodide, the engine wheel and runtime.json, relative to the root.

  /** The site root of the page now shown (with instant navigation, pages change). */
  function siteRoot() {
    var form = document.querySelector("form.pb-assessment[data-root]");
    return new URL((form && form.getAttribute("data-root")) || "./", location.href).href;
  }

  /** An absolute URL for a site-root-relative one (absolute URLs stay as they are). */
  function siteUrl(url) { return new URL(url, siteRoot()).href; }

  function fetchText(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + " answered HTTP " + response.status); }
      return response.text();
    });
  }

  var runtimePromise = null;

  /**
   * Where Pyodide and the engine are. The build writes them onto the form
   * (data-pyodide, data-engine, data-version), which saves a request on the way to a
   * first result; runtime.json, fetched once per tab, is the fallback.
   */
  function loadRuntime() {
    var form = document.querySelector("form.pb-assessment[data-engine]");
    if (form) {
      return Promise.resolve({ pyodide: form.getAttribute("data-pyodide"),
                               engine: form.getAttribute("data-engine"),
                               playbook_version: form.getAttribute("data-version") });
    }
    var named = document.querySelector("form.pb-assessment[data-runtime]");
    if (!named) { return Promise.reject(new Error("this page names no scoring engine")); }
    if (!runtimePromise) {
      var promise = fetchText(siteUrl(named.getAttribute("data-runtime"))).then(function (text) {
        var runtime = JSON.parse(text);
        if (!runtime || typeof runtime.engine !== "string") {
          throw new Error("runtime.json names no scoring engine");
        }
        return runtime;
      });
      runtimePromise = promise;
      promise.catch(function () { if (runtimePromise === promise) { runtimePromise = null; } });
    }
    return runtimePromise;
  }

  function fetchBytes(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + " answered HTTP " + response.status); }
      return response.arrayBuffer();
    });
  }

  var specTexts = {}; // spec URL -> promise of its text; specs do not change within a tab

  function loadSpecText(url) {
    if (!specTexts[url]) {
      var promise = fetchText(url);
      specTexts[url] = promise;
      promise.catch(function () { if (specTexts[url] === promise) { delete specTexts[url]; } });
    }
    return specTexts[url];
  }

  /* ------------------------------------------------------------------ Python */

  var scoreJsonFn = null; // the engine's score_json, once Python is ready
  var pyodidePromise = null; // loadPyodide's promise
  var loadStep = 0;
  var progressListeners = [];

  function reportStep(step) {
    loadStep = step;
    progressListeners.slice().forEach(function (listener) { listener(step); });
  }

  function injectScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.setAttribute("data-playbook-pyodide", "");
      script.onload = function () { resolve(); };
      script.onerror = function () {
        script.remove();
        reject(new Error(src + " could not be loaded"));
      };
      document.head.appendChild(script);
    });
  }

  /**
   * The one promise of a ready Python per tab, kept on window so that instant navigation
   * back to an assessment reuses it. It resolves to the Pyodide instance; the engine's
   * score_json is kept in scoreJsonFn. After a failure the promise is dropped so that a
   * retry can load again.
   */
  function loadPython() {
    if (window.__playbookPython) { return window.__playbookPython; }
    var promise = (async function () {
      reportStep(0);
      var runtime = await loadRuntime();
      reportStep(1);
      var indexURL = siteUrl(runtime.pyodide).replace(/\/?$/, "/");
      var wheel = fetchBytes(siteUrl(runtime.engine));
      wheel.catch(function () {}); // awaited below
      // The page's head may already have started Pyodide (see early_loader in the build).
      if (!pyodidePromise && !window.__playbookPyodideEarly &&
          typeof window.loadPyodide !== "function") {
        await injectScript(indexURL + "pyodide.js");
      }
      if (!pyodidePromise && !window.__playbookPyodideEarly &&
          typeof window.loadPyodide !== "function") {
        throw new Error("pyodide.js defines no loadPyodide");
      }
      reportStep(2);
      // Kept apart from the engine: a retry after a failed engine load reuses this runtime.
      // Shared with the head's early loader through window.__playbookPyodideEarly, so that
      // whichever runs first starts Pyodide and the other reuses it.
      if (!pyodidePromise) {
        pyodidePromise = window.__playbookPyodideEarly ||
          window.loadPyodide({ indexURL: indexURL });
        window.__playbookPyodideEarly = pyodidePromise;
        pyodidePromise.catch(function () {
          pyodidePromise = null;
          window.__playbookPyodideEarly = null;
        });
      }
      var pyodide = await pyodidePromise;
      reportStep(3);
      // The wheel was fetched while Pyodide started; installing it is a local unpack.
      pyodide.unpackArchive(new Uint8Array(await wheel), "wheel");
      var fn;
      try {
        fn = pyodide.runPython("from assessments.bridge import score_json; score_json");
      } catch (err) {
        throw new Error(String(err.message || err).split("\n").slice(-2).join(" ").trim());
      }
      scoreJsonFn = fn;
      reportStep(LOAD_STEPS);
      return pyodide;
    })();
    window.__playbookPython = promise;
    promise.catch(function () {
      if (window.__playbookPython === promise) { window.__playbookPython = null; }
    });
    return promise;
  }

  /* ------------------------------------------------------------------ small helpers */

  /** An element: h("p", {class: "x"}, ["text", child]). Strings become text, never HTML. */
  function h(tag, attrs, children) {
    return fill(document.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, children) {
    return fill(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function fill(el, attrs, children) {
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { el.textContent = value; }
      else if (name.slice(0, 2) === "on") { el.addEventListener(name.slice(2), guard(value)); }
      else { el.setAttribute(name, value === true ? "" : String(value)); }
    });
    append(el, children);
    return el;
  }

  function append(el, children) {
    if (children === null || children === undefined || children === false) { return; }
    if (Array.isArray(children)) { children.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof children === "object" ? children : document.createTextNode(String(children)));
  }

  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }

  /** Wrap an event handler so that a bug shows in the console, never as an uncaught error. */
  function guard(fn) {
    return function () {
      try {
        var out = fn.apply(this, arguments);
        if (out && typeof out.catch === "function") { out.catch(report); }
      } catch (err) { report(err); }
    };
  }

  function report(err) {
    if (window.console) { console.error("[playbook assessment]", err); }
  }

  function link(url, text) {
    return url ? h("a", { href: siteUrl(url) }, text) : text;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /** A number for reading: at most two decimals, no trailing zeros. */
  function num(value) {
    if (typeof value !== "number" || !isFinite(value)) { return "\u2013"; }
    var rounded = Math.round(value * 100) / 100;
    return (rounded < 0 ? "\u2212" : "") + String(Math.abs(rounded)); // a real minus sign
  }

  function signed(value) {
    if (Math.abs(value) < 1e-9) { return "\u00b10"; }
    return (value > 0 ? "+" : "\u2212") + num(Math.abs(value));
  }

  var dateFormat = (function () {
    try { return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }); }
    catch (err) { return null; }
  })();

  function showDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return String(iso); }
    return dateFormat ? dateFormat.format(date) : date.toLocaleString();
  }

  function capitalise(text) { return text ? text.charAt(0).toUpperCase() + text.slice(1) : text; }

  /** "1 point", "2 points", "0.5 points": the noun agrees with the number. */
  function plural(value, one, many) {
    return num(value) + " " + (value === 1 ? one : (many || one + "s"));
  }

  /** "A", "A and B", "A, B and C" (the engine joins names the same way). */
  function listed(parts) {
    var out = [];
    parts.forEach(function (part, i) {
      if (i) { out.push(i === parts.length - 1 ? " and " : ", "); }
      out.push(part);
    });
    return out;
  }

  var COLOURS = ["red", "amber", "green"];

  /** The band's colour when the playbook gives it one (red, amber, green), else null. */
  function colourOf(band) {
    return band && COLOURS.indexOf(band.colour) !== -1 ? band.colour : null;
  }

  /** A band's label, with its colour's name when the label does not say it already:
   *  the colour is never the only way to tell bands apart. */
  function bandText(band) {
    var colour = colourOf(band);
    var label = String(band.label);
    return colour && label.toLowerCase().indexOf(colour) === -1 ? label + ", " + colour : label;
  }

  /** A band as a badge, in its colour when it has one. */
  function bandBadge(band, extra) {
    var colour = colourOf(band);
    return h("span", { class: "pb-badge" + (colour ? " pb-band--" + colour : "") +
                              (extra ? " " + extra : "") }, bandText(band));
  }

  /** What the assessment's model calls a stage ("stage", "level"...). */
  function stageWord(w) {
    return (w.spec && typeof w.spec.stage_word === "string" && w.spec.stage_word) || "stage";
  }

  function download(filename, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = h("a", { href: url, download: filename, hidden: true });
    // Material's instant navigation listens for clicks on links: keep this one to ourselves.
    a.addEventListener("click", function (event) { event.stopPropagation(); });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  /* ------------------------------------------------------------------ storage */

  function store() {
    try { return window.localStorage || null; } catch (err) { return null; } // blocked storage
  }

  function storageKey(version, id) { return KEY_PREFIX + version + ":" + id; }

  function validAnswers(value) {
    return isObject(value) && Object.keys(value).every(function (k) {
      return typeof value[k] === "string";
    });
  }

  function validRole(value) { return value === undefined || value === null || typeof value === "string"; }

  /** A history entry in its stored shape, or null when it is not one. */
  function normaliseEntry(entry) {
    if (!isObject(entry) || typeof entry.date !== "string" || isNaN(Date.parse(entry.date))) {
      return null;
    }
    if (entry.answers !== undefined && !validAnswers(entry.answers)) { return null; }
    if (!validRole(entry.role)) { return null; }
    var summary = isObject(entry.summary) ? entry.summary : {};
    var sections = Array.isArray(summary.sections) ? summary.sections.filter(isObject) : [];
    return {
      date: entry.date,
      playbook_version: typeof entry.playbook_version === "string" ? entry.playbook_version : null,
      answers: entry.answers || {},
      role: entry.role || null,
      summary: {
        overall: typeof summary.overall === "string" ? summary.overall : null,
        verdict: typeof summary.verdict === "string" ? summary.verdict : null,
        sections: sections.map(function (s) {
          return {
            id: String(s.id), title: typeof s.title === "string" ? s.title : String(s.id),
            score: typeof s.score === "number" ? s.score : null,
            max: typeof s.max === "number" ? s.max : null,
            band: typeof s.band === "string" ? s.band : null,
            stage: typeof s.stage === "string" ? s.stage : null
          };
        })
      }
    };
  }

  /** A stored record in its shape, or null when the value is not one. */
  function normaliseRecord(value) {
    if (!isObject(value) || !validAnswers(value.answers) || !validRole(value.role)) { return null; }
    if (value.history !== undefined && !Array.isArray(value.history)) { return null; }
    var history = (value.history || []).map(normaliseEntry);
    if (history.some(function (e) { return e === null; })) { return null; }
    return {
      answers: value.answers, role: value.role || null,
      updated: typeof value.updated === "string" ? value.updated : null, history: history
    };
  }

  /** {status: "none"|"ok"|"corrupt"|"blocked", record, raw} for one key. */
  function readRecord(key) {
    var storage = store();
    if (!storage) { return { status: "blocked" }; }
    var raw;
    try { raw = storage.getItem(key); } catch (err) { return { status: "blocked" }; }
    if (raw === null) { return { status: "none" }; }
    var record = null;
    try { record = normaliseRecord(JSON.parse(raw)); } catch (err) { record = null; }
    return record ? { status: "ok", record: record, raw: raw } : { status: "corrupt", raw: raw };
  }

  /** The newest readable record of this assessment under another playbook version. */
  function findOtherVersion(id, version) {
    var storage = store();
    if (!storage) { return null; }
    var best = null;
    try {
      var suffix = ":" + id;
      for (var i = 0; i < storage.length; i += 1) {
        var key = storage.key(i);
        if (!key || key.indexOf(KEY_PREFIX) !== 0 || key.slice(-suffix.length) !== suffix) { continue; }
        var other = key.slice(KEY_PREFIX.length, key.length - suffix.length);
        // Versions hold no ":"; this also skips the ":corrupt:" copies.
        if (!other || other === version || other.indexOf(":") !== -1) { continue; }
        var found = readRecord(key);
        if (found.status !== "ok") { continue; }
        var time = Date.parse(found.record.updated || "") || 0;
        if (!best || time > best.time || (time === best.time &&
            other.localeCompare(best.version, undefined, { numeric: true }) > 0)) {
          best = { version: other, record: found.record, time: time };
        }
      }
    } catch (err) {
      return null;
    }
    return best;
  }

  function mergeHistories(a, b) {
    var byDate = {};
    a.concat(b).forEach(function (entry) { if (!byDate[entry.date]) { byDate[entry.date] = entry; } });
    return Object.keys(byDate).map(function (d) { return byDate[d]; }).sort(function (x, y) {
      return Date.parse(x.date) - Date.parse(y.date);
    });
  }

  /* ------------------------------------------------------------------ page setup */

  function setupPage() {
    var forms = document.querySelectorAll("form.pb-assessment[data-assessment]");
    Array.prototype.forEach.call(forms, function (form) {
      try { setupForm(form); } catch (err) { report(err); }
    });
  }

  function resultsFor(form, id) {
    var sections = document.querySelectorAll("section.pb-results[data-results-for]");
    for (var i = 0; i < sections.length; i += 1) {
      if (sections[i].getAttribute("data-results-for") === id) { return sections[i]; }
    }
    // Not rendered by the build: make one after the form.
    var section = h("section", { class: "pb-results", "data-results-for": id,
                                 "aria-label": "Your result", "aria-live": "polite" });
    form.parentNode.insertBefore(section, form.nextSibling);
    return section;
  }

  function setupForm(form) {
    if (form.__playbookWidget) { return; }
    var id = form.getAttribute("data-assessment");
    var w = {
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
    var placeholder = w.results.querySelector(".pb-results-placeholder");
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
      w.announce, w.notices, w.body, w.panel
    ]);
    if (placeholder) { w.results.insertBefore(placeholder, w.body); }
  }

  /**
   * The status line at the top of the assessment, above its questions: it says that Python
   * is loading, then that the result is ready, or that it failed. The build writes it
   * (so it is in place, and announced, from the start); an older page gets one here.
   */
  function statusLine(w) {
    var lines = document.querySelectorAll(".pb-loading[data-loading-for]");
    for (var i = 0; i < lines.length; i += 1) {
      if (lines[i].getAttribute("data-loading-for") === w.id) { return lines[i]; }
    }
    var line = h("div", { class: "pb-loading", "data-loading-for": w.id, role: "status" });
    w.form.parentNode.insertBefore(line, w.form);
    return line;
  }

  /** A link down to the result, for the status line. */
  function toResult(w, text) {
    return h("a", { href: "#" + w.results.id, class: "pb-to-result" }, text);
  }

  function buildPanel(w) {
    var fileInput = h("input", {
      type: "file", accept: ".json,application/json", class: "pb-file",
      id: w.id + "--import", tabindex: "-1", "aria-hidden": "true"
    });
    fileInput.addEventListener("change", guard(function () {
      var file = fileInput.files && fileInput.files[0];
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

  function button(label, onclick, extra) {
    return h("button", { type: "button", class: "md-button pb-button" + (extra ? " " + extra : ""),
                         onclick: onclick }, label);
  }

  /** Restore, load Python, score. Restoring comes before the first scoring. */
  async function start(w) {
    var python = loadPython();
    python.catch(function () {}); // handled below, after the answers are restored
    if (!scoreJsonFn) { showLoading(w); }
    var runtime = null;
    try {
      var got = await Promise.all([loadRuntime().catch(function () { return null; }),
                                   loadSpecText(w.specUrl)]);
      runtime = got[0];
      w.specText = got[1];
      w.spec = JSON.parse(w.specText);
    } catch (err) {
      fail(w, "The scoring rules of this assessment could not be loaded (" + err.message + ").");
      return;
    }
    w.version = (runtime && runtime.playbook_version) || w.spec.playbook_version || "unversioned";
    w.key = storageKey(w.version, w.id);
    restore(w);
    var fromAddress = roleFromAddress(w);
    w.restored = true;
    if (fromAddress || Object.keys(w.touched).length) { persist(w); } // answered while loading
    renderHistory(w);
    try {
      await python;
    } catch (err) {
      fail(w, "The scoring engine could not be loaded (" + err.message + "), so no result " +
              "can be shown. Your answers are still kept in this browser.", true);
      return;
    }
    ready(w);
  }

  function ready(w) {
    hideLoading(w, "ready");
    w.form.setAttribute("data-state", "ready");
    rescore(w);
  }

  function showLoading(w) {
    var progress = h("progress", { max: String(LOAD_STEPS), value: String(loadStep),
                                   "aria-label": "Loading the scoring engine" });
    clear(w.loading);
    append(w.loading, [
      h("p", {}, "Loading the scoring engine\u2026 this takes a few seconds the first time. " +
                 "You can start answering now."),
      progress
    ]);
    w.loading.setAttribute("data-status", "loading");
    w.onProgress = function (step) { progress.value = step; };
    progressListeners.push(w.onProgress);
  }

  /** The status line once Python is ready: a short line after a wait, nothing otherwise. */
  function hideLoading(w, outcome) {
    var waited = w.loading.getAttribute("data-status") === "loading";
    var at = progressListeners.indexOf(w.onProgress);
    if (at !== -1) { progressListeners.splice(at, 1); }
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

  function fail(w, message, canRetry) {
    hideLoading(w, "error");
    w.form.setAttribute("data-state", "error");
    var retry = canRetry ? button("Try again", function () {
      notice.remove();
      w.form.setAttribute("data-state", "loading");
      if (!scoreJsonFn) { showLoading(w); }
      return loadPython().then(function () { ready(w); }, function (err) {
        fail(w, "The scoring engine could not be loaded (" + err.message + "), so no result " +
                "can be shown. Your answers are still kept in this browser.", true);
      });
    }) : null;
    var notice = addNotice(w, message + " The questions still work.", "error", retry);
  }

  /** A notice above the result; kind is "info", "warning" or "error". */
  function addNotice(w, message, kind, extra) {
    var el = h("div", { class: "pb-notice pb-notice--" + (kind || "info"),
                        role: kind === "error" ? "alert" : "status" }, [h("p", {}, message), extra]);
    w.notices.appendChild(el);
    return el;
  }

  function panelMessage(w, message, kind, extra) {
    clear(w.panelMessage);
    append(w.panelMessage, h("p", { class: "pb-notice pb-notice--" + (kind || "info") },
                             [message, extra ? " " : null, extra]));
  }

  /* ------------------------------------------------------------------ answers in the form */

  function questionBoxes(w) {
    return Array.prototype.slice.call(w.form.querySelectorAll("fieldset.pb-question[data-question]"));
  }

  function roleSelect(w) { return w.form.querySelector("select[name=role]"); }

  function answersFromForm(w) {
    var answers = {};
    questionBoxes(w).forEach(function (box) {
      var checked = box.querySelector("input[type=radio]:checked");
      if (checked) { answers[box.getAttribute("data-question")] = checked.value; }
    });
    return answers;
  }

  function roleFromForm(w) {
    var select = roleSelect(w);
    return select && select.value ? select.value : null;
  }

  /**
   * Tick the given answers and choose the role, clearing the rest. Questions the reader has
   * touched since the page opened keep the reader's answer when `keepTouched` is set.
   * Returns how many answers matched this page and how many did not.
   */
  function applyAnswers(w, answers, role, keepTouched) {
    var matched = 0;
    var boxes = questionBoxes(w);
    var known = {};
    boxes.forEach(function (box) {
      var qid = box.getAttribute("data-question");
      known[qid] = true;
      if (keepTouched && w.touched[qid]) { return; }
      var wanted = Object.prototype.hasOwnProperty.call(answers, qid) ? answers[qid] : null;
      var radios = box.querySelectorAll("input[type=radio]");
      var found = false;
      Array.prototype.forEach.call(radios, function (radio) {
        radio.checked = wanted !== null && radio.value === wanted;
        if (radio.checked) { found = true; }
      });
      if (found) { matched += 1; }
    });
    var unmatched = Object.keys(answers).length - matched;
    var select = roleSelect(w);
    var roleMatched = true;
    if (select && !(keepTouched && w.touched.role)) {
      var has = role && Array.prototype.some.call(select.options, function (o) { return o.value === role; });
      select.value = has ? role : "";
      roleMatched = !role || has;
    }
    return { matched: matched, unmatched: unmatched, roleMatched: roleMatched, known: known };
  }

  /**
   * The role named by the page's address (?role=<id>, as a role page links here): it is
   * chosen over a remembered one, so a shared link shows what its sender saw. True when the
   * address chose a role.
   */
  function roleFromAddress(w) {
    var wanted = null;
    try { wanted = new URLSearchParams(location.search).get("role"); } catch (err) { return false; }
    var select = roleSelect(w);
    if (!wanted || !select || w.touched.role) { return false; }
    var known = Array.prototype.some.call(select.options, function (o) {
      return o.value && o.value === wanted;
    });
    if (!known) {
      addNotice(w, "The link you followed asks for the role \u201c" + wanted + "\u201d, which is " +
                   "not a role of this playbook. Choose your role above the questions.", "warning");
      return false;
    }
    select.value = wanted;
    return true;
  }

  /** After the reader picks a role, an address that names one names the new one. */
  function roleToAddress(role) {
    try {
      var url = new URL(location.href);
      if (!url.searchParams.has("role")) { return; }
      if (role) { url.searchParams.set("role", role); } else { url.searchParams.delete("role"); }
      history.replaceState(history.state, "", url.href);
    } catch (err) { report(err); }
  }

  function onChange(w, event) {
    var target = event.target;
    if (!target || !target.closest) { return; }
    if (target.name === "role" && target.tagName === "SELECT") {
      w.touched.role = true;
      roleToAddress(target.value);
    }
    var box = target.closest("fieldset.pb-question[data-question]");
    if (box) { w.touched[box.getAttribute("data-question")] = true; }
    if (!w.restored) { return; } // answers are read from the form once restoring is done
    persist(w);
    rescore(w);
  }

  /* ------------------------------------------------------------------ restore and save */

  function restore(w) {
    var found = readRecord(w.key);
    if (found.status === "blocked") {
      w.canSave = false;
      warnNotSaved(w);
      return;
    }
    if (found.status === "corrupt") {
      keepCorrupt(w, found.raw);
      return;
    }
    if (found.status === "ok") {
      w.history = found.record.history;
      applyAnswers(w, found.record.answers, found.record.role, true);
      return;
    }
    var other = findOtherVersion(w.id, w.version);
    if (!other) { return; }
    var applied = applyAnswers(w, other.record.answers, other.record.role, true);
    w.history = other.record.history.slice();
    var text = "Answers from " + other.version + " restored";
    var total = Object.keys(other.record.answers).length;
    if (applied.unmatched > 0) {
      text += " (" + applied.matched + " of " + total + "; the others no longer match a " +
              "question of this version)";
    }
    if (!applied.roleMatched) { text += "; the role you chose then is not in this version"; }
    addNotice(w, text + ".", "info");
    persist(w);
  }

  /** Set the unreadable value aside under "<key>:corrupt:<timestamp>" and start fresh. */
  function keepCorrupt(w, raw) {
    var backup = w.key + ":corrupt:" + new Date().toISOString();
    try {
      var storage = store();
      storage.setItem(backup, raw);
      storage.removeItem(w.key);
    } catch (err) {
      // Could not set it aside: never write over it either.
      w.canSave = false;
      addNotice(w, "Your saved answers for this assessment could not be read, and this " +
                   "browser could not set them aside. They are left untouched, so your " +
                   "answers could not be saved in this browser this time.", "error");
      return;
    }
    addNotice(w, "Your saved answers for this assessment could not be read, so this page " +
                 "starts fresh. The unreadable data is kept in this browser's storage under " +
                 "\u201c" + backup + "\u201d.", "warning");
  }

  function warnNotSaved(w) {
    if (w.saveWarned) { return; }
    w.saveWarned = true;
    addNotice(w, "Your answers could not be saved in this browser (its storage is full or " +
                 "blocked). They are kept while this page is open; export them to keep a copy.",
              "warning");
  }

  /** Save answers, role and history; on failure, warn once and go on in memory. */
  function persist(w) {
    if (!w.key) { return false; }
    if (!w.canSave) { warnNotSaved(w); return false; }
    var record = {
      answers: answersFromForm(w), role: roleFromForm(w),
      updated: new Date().toISOString(), history: w.history
    };
    try {
      var storage = store();
      if (!storage) { throw new Error("no storage"); }
      storage.setItem(w.key, JSON.stringify(record));
      return true;
    } catch (err) {
      warnNotSaved(w);
      return false;
    }
  }

  /* ------------------------------------------------------------------ scoring */

  function rescore(w) {
    if (!scoreJsonFn || !w.specText) { return; }
    var started = performance.now();
    var payload = JSON.stringify({ answers: answersFromForm(w), role: roleFromForm(w) });
    var result;
    try {
      result = JSON.parse(String(scoreJsonFn(w.specText, payload)));
    } catch (err) {
      report(err);
      showScoringError(w, err.message);
      return;
    }
    var took = performance.now() - started;
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

  /* ------------------------------------------------------------------ rendering */

  function render(w, r) {
    if (w.placeholder) { w.placeholder.remove(); w.placeholder = null; }
    var sections = Array.isArray(r.sections) ? r.sections : [];
    var parts = [headline(w, r), issuesList(w, r)];
    sections.forEach(function (section) { parts.push(sectionBlock(w, r, section)); });
    sections.forEach(function (section) {
      if (section.rule === "skills-gap") { parts.push(planBlock(w, section)); }
    });
    parts.push(whyBlock(r, sections), adviceBlock(r));
    clear(w.body);
    append(w.body, parts);
    w.saveButton.disabled = false;
    announce(w, r);
  }

  /** The one line a screen reader hears after each change (only when it changes). */
  function announce(w, r) {
    var text = (r.overall ? "Result: " + r.overall.label + "."
                : r.complete ? "Results by part below." : "No result yet.") +
      (r.verdict ? " " + r.verdict.label + "." : "") +
      " Answered " + r.answered + " of " + r.total + ".";
    if (w.announce.textContent !== text) { w.announce.textContent = text; }
  }

  function headline(w, r) {
    var o = r.overall;
    var box = h("div", { class: "pb-headline" });
    if (o) {
      var tied = Array.isArray(o.tied) && o.tied.length > 1 ? o.tied : null;
      var kicker = o.kind === "stage" ? "Your " + (o.word || stageWord(w))
        : o.kind === "outcome" ? (tied ? "Equal best fits" : "Best fit") : "Your result";
      var colour = colourOf(o);
      if (colour) { box.className += " pb-tone pb-tone--" + colour; }
      var score = o.position ? o.position
        : typeof o.score === "number" && typeof o.max === "number"
          ? num(o.score) + " of " + num(o.max) : null;
      append(box, [
        h("p", { class: "pb-headline-kicker" }, kicker),
        h("p", { class: "pb-headline-label" }, [
          colour ? h("span", { class: "pb-swatch", "aria-hidden": "true" }) : null,
          // A tie names every outcome that fits equally, each linked to its page.
          tied ? listed(tied.map(function (t) { return link(t.url, t.label); })).concat(" fit equally")
            : link(o.url, colour ? bandText(o) : o.label),
          o.fit && o.fit.label ? bandBadge(o.fit) : null,
          score ? h("span", { class: "pb-headline-score" }, score) : null
        ]),
        o.summary ? h("p", { class: "pb-headline-summary" }, o.summary) : null
      ]);
    } else if (r.complete) {
      // Every question is answered, but the assessment has no single overall result.
      append(box, [
        h("p", { class: "pb-headline-kicker" }, "Your result"),
        h("p", { class: "pb-headline-label" }, "Results by part"),
        h("p", { class: "pb-headline-summary" }, "Each part's result is shown below.")
      ]);
    } else {
      append(box, [
        h("p", { class: "pb-headline-kicker" }, "Your result"),
        h("p", { class: "pb-headline-label" }, "No result yet"),
        h("p", { class: "pb-headline-summary" },
          "Answer the questions above: the result updates with every answer.")
      ]);
    }
    if (r.verdict) {
      append(box, h("div", { class: "pb-verdict" }, [
        h("p", { class: "pb-verdict-label" }, r.verdict.label),
        r.verdict.summary ? h("p", {}, r.verdict.summary) : null
      ]));
    }
    var roleInfo = null;
    if (r.role && w.spec && Array.isArray(w.spec.roles)) {
      var role = w.spec.roles.filter(function (x) { return x.id === r.role; })[0];
      if (role) { roleInfo = [" Compared with the targets for ", link(role.url, role.title), "."]; }
    }
    var progress = h("p", { class: "pb-answered" }, [
      "Answered " + r.answered + " of " + plural(r.total, "question") +
        (r.complete ? "." : ": the result firms up as you answer the rest."),
      roleInfo
    ]);
    append(box, progress);
    if (!r.complete && Array.isArray(r.unanswered) && r.unanswered.length) {
      append(box, h("p", { class: "pb-answered" }, h("button", {
        type: "button", class: "pb-link-button",
        onclick: function () { focusQuestion(w, r.unanswered[0]); }
      }, "Go to the first unanswered question")));
    }
    return box;
  }

  function focusQuestion(w, qid) {
    var box = questionBoxes(w).filter(function (b) { return b.getAttribute("data-question") === qid; })[0];
    if (!box) { return; }
    box.scrollIntoView({ block: "center" });
    var radio = box.querySelector("input[type=radio]");
    if (radio) { radio.focus({ preventScroll: true }); }
  }

  function questionText(w, qid) {
    if (qid === "role") { return "Role"; }
    if (!w.spec) { return qid; }
    for (var i = 0; i < w.spec.sections.length; i += 1) {
      var qs = w.spec.sections[i].questions || [];
      for (var j = 0; j < qs.length; j += 1) { if (qs[j].id === qid) { return qs[j].text; } }
    }
    return qid;
  }

  function issuesList(w, r) {
    if (!Array.isArray(r.issues) || !r.issues.length) { return null; }
    return h("div", { class: "pb-notice pb-notice--info pb-issues" }, [
      h("p", { class: "pb-issues-title" }, "Note"),
      h("ul", {}, r.issues.map(function (issue) {
        var where = issue.question ? questionText(w, issue.question) + ": " : "";
        return h("li", {}, where + capitalise(String(issue.message || "")));
      }))
    ]);
  }

  /** How to read one chart entry's number, by the section's scoring rule. */
  function valueText(section, entry) {
    if (entry.value === null || entry.value === undefined) { return "not answered"; }
    var v = num(entry.value);
    var max = num(entry.max);
    switch (section.rule) {
      case "cumulative-stages": return Math.round(entry.value) + "%";
      case "anchored-stages": return v + " of " + plural(entry.max, "answer");
      case "points": return v + " of " + plural(entry.max, "point");
      case "dimension-mean":
        return v + " of " + max + (entry.band && entry.band.label ? " \u00b7 " + bandText(entry.band) : "");
      case "skills-gap":
        return v + " of " + max +
          (typeof entry.target === "number" ? " \u00b7 target " + num(entry.target) : "") +
          (entry.below_target ? " \u00b7 below target" : "");
      default: return v + " of " + max;
    }
  }

  function scoreText(section) {
    if (section.score === null || section.score === undefined) { return null; }
    switch (section.rule) {
      case "cumulative-stages":
      case "anchored-stages":
        return section.position || null;
      case "points":
        return Array.isArray(section.tied) && section.tied.length > 1 ? "Tied for first place"
          : "The best fit leads by " + plural(section.score, "point");
      case "dimension-mean":
        return capitalise(section.measure || "average") + " " + num(section.score) + " of " +
          num(section.max);
      case "skills-gap": return "Average " + num(section.score) + " of " + num(section.max);
      default: return "Score " + num(section.score) + " of " + num(section.max);
    }
  }

  function sectionBlock(w, r, section) {
    var lines = [];
    var overallSummary = r.overall ? r.overall.summary : null;
    var score = scoreText(section);
    var band = section.band;
    if (section.stage && section.rule !== "dimension-mean") {
      lines.push(h("p", { class: "pb-section-result" }, [
        capitalise(stageWord(w)) + ": ", h("strong", {}, link(section.stage.url, section.stage.name)),
        score ? " (" + score + ")" : null
      ]));
    } else if (score || band) {
      lines.push(h("p", { class: "pb-section-result" }, [
        score, score && band ? ": " : null,
        band ? (colourOf(band) ? bandBadge(band, "pb-section-band-badge")
                               : h("strong", {}, band.label)) : null
      ]));
    }
    if (band && band.summary && band.summary !== overallSummary) {
      lines.push(h("p", { class: "pb-section-band" }, band.summary));
    }
    if (Array.isArray(section.categories) && section.categories.length) {
      lines.push(h("p", { class: "pb-categories" }, ["Averages: "].concat(
        section.categories.map(function (c, i) {
          return [i ? " \u00b7 " : "", c.label + " ", h("strong", {}, num(c.value))];
        }))));
    }
    var scores = Array.isArray(section.scores) ? section.scores : [];
    if (!scores.length && !lines.length) {
      lines.push(h("p", { class: "pb-section-result" },
                   "Nothing to show yet: answer the questions of this part."));
    }
    var groups = Array.isArray(section.groups) ? section.groups : [];
    return h("section", { class: "pb-result-section" }, [
      h("h3", {}, section.title),
      lines,
      groups.length ? groupTree(groups, section.title) : null,
      scores.length ? chart(w, section, scores) : null,
      scores.length ? scoreTable(section, scores) : null
    ]);
  }

  /** Groups and their members (groups or dimensions), nested, each with its score and band. */
  function groupTree(items, title) {
    return h("ul", { class: "pb-groups", "aria-label": title ? "Scores by group: " + title : null },
      items.map(function (item) {
        var members = Array.isArray(item.members) ? item.members : [];
        var answered = typeof item.value === "number";
        return h("li", { class: "pb-group pb-group--" + (item.kind === "group" ? "group" : "dimension"),
                         "data-id": String(item.id) }, [
          h("span", { class: "pb-group-label" }, String(item.label)),
          " ",
          h("span", { class: "pb-group-score" },
            answered ? num(item.value) + " of " + num(item.max) : "not answered"),
          item.band ? bandBadge(item.band, "pb-group-band") : null,
          members.length ? groupTree(members, null) : null
        ]);
      }));
  }

  /** The share of a stage's statements needed to reach it (cumulative stages), or null. */
  function stageThreshold(w, section) {
    if (section.rule !== "cumulative-stages" || !w.spec) { return null; }
    var found = w.spec.sections.filter(function (s) { return s.id === section.id; })[0];
    var t = found ? Number(found.threshold) : NaN;
    return isFinite(t) && t > 0 && t <= 1 ? t : null;
  }

  /** A horizontal bar chart: a label line per entry, then its bar (and target marker). */
  function chart(w, section, scores) {
    var width = Math.max(280, Math.min(760, Math.round(w.results.clientWidth || 640)));
    var labelH = 18, barH = 14, gap = 12, rowH = labelH + barH + gap, charW = 7.2;
    var hasTarget = scores.some(function (e) { return typeof e.target === "number"; });
    var hasBelow = scores.some(function (e) { return e.below_target; });
    var threshold = stageThreshold(w, section);
    var legend = [];
    if (hasTarget) {
      legend.push({ kind: "bar", text: "your rating" }, { kind: "target", text: "target for the role" });
    }
    if (hasBelow) { legend.push({ kind: "gap", text: "short of the target" }); }
    if (threshold !== null) {
      legend.push({ kind: "threshold", text: Math.round(threshold * 100) + "% needed to reach a stage" });
    }
    var height = scores.length * rowH + (legend.length ? 22 : 0);
    var description = section.title + ": " + scores.map(function (e) {
      return e.label + " " + valueText(section, e);
    }).join("; ") + (threshold !== null ? "; " + Math.round(threshold * 100) + "% needed" : "");
    var el = svg("svg", {
      class: "pb-chart", role: "img", "aria-label": "Bar chart of " + description,
      viewBox: "0 0 " + width + " " + height, width: "100%", preserveAspectRatio: "xMinYMin meet",
      focusable: "false"
    }, svg("title", {}, "Bar chart: " + section.title));
    el.style.maxWidth = width + "px";
    if (hasBelow) {
      var hatch = w.id + "--hatch-" + section.id;
      append(el, svg("defs", {}, svg("pattern", {
        id: hatch, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"
      }, svg("line", { class: "pb-chart-hatch", x1: 0, y1: 0, x2: 0, y2: 6 }))));
    }
    var gapFill = hasBelow ? "url(#" + w.id + "--hatch-" + section.id + ")" : null;
    scores.forEach(function (entry, i) {
      var y = i * rowH;
      var value = valueText(section, entry);
      var room = Math.floor((width - value.length * charW - 20) / charW);
      var label = String(entry.label);
      if (label.length > room) { label = label.slice(0, Math.max(4, room - 1)).trimEnd() + "\u2026"; }
      var max = typeof entry.max === "number" && entry.max > 0 ? entry.max : 1;
      var ratio = typeof entry.value === "number" ? Math.max(0, Math.min(1, entry.value / max)) : 0;
      var colour = colourOf(entry.band);
      append(el, [
        svg("text", { class: "pb-chart-label", x: 0, y: y + 13 }, [
          label, label !== entry.label ? svg("title", {}, entry.label) : null
        ]),
        svg("text", { class: "pb-chart-value", x: width, y: y + 13, "text-anchor": "end" }, value),
        svg("rect", { class: "pb-chart-track", x: 0, y: y + labelH, width: width, height: barH, rx: 2 }),
        ratio > 0 ? svg("rect", { class: "pb-chart-bar" + (colour ? " pb-band--" + colour : ""),
                                  x: 0, y: y + labelH, width: (width * ratio).toFixed(1),
                                  height: barH, rx: 2 }) : null
      ]);
      if (typeof entry.target === "number") {
        var tx = Math.max(3, Math.min(width - 3, width * Math.min(1, entry.target / max)));
        if (entry.below_target) {
          // The shortfall, from the rating to the target: a hatched, outlined stretch.
          var bx = width * ratio;
          append(el, svg("rect", { class: "pb-chart-gap", fill: gapFill, x: bx.toFixed(1), y: y + labelH + 1,
                                   width: Math.max(0, tx - bx).toFixed(1), height: barH - 2 }));
        }
        append(el, svg("rect", { class: "pb-chart-target", x: (tx - 2.5).toFixed(1), y: y + labelH - 4,
                                 width: 5, height: barH + 8, rx: 1 }));
      }
      if (threshold !== null) {
        var hx = Math.min(width - 1, width * threshold).toFixed(1);
        append(el, svg("line", { class: "pb-chart-threshold", x1: hx, x2: hx,
                                 y1: y + labelH - 3, y2: y + labelH + barH + 3 }));
      }
    });
    var lx = 0, ly = scores.length * rowH + 4;
    legend.forEach(function (item) {
      if (item.kind === "bar") {
        append(el, svg("rect", { class: "pb-chart-bar", x: lx, y: ly + 2, width: 20, height: 10, rx: 2 }));
      } else if (item.kind === "target") {
        append(el, svg("rect", { class: "pb-chart-target", x: lx + 8, y: ly, width: 5, height: 14, rx: 1 }));
      } else if (item.kind === "gap") {
        append(el, svg("rect", { class: "pb-chart-gap", fill: gapFill, x: lx, y: ly + 3, width: 20, height: 8 }));
      } else {
        append(el, svg("line", { class: "pb-chart-threshold", x1: lx + 10, x2: lx + 10,
                                 y1: ly, y2: ly + 14 }));
      }
      append(el, svg("text", { class: "pb-chart-value", x: lx + 26, y: ly + 12 }, item.text));
      lx += 26 + item.text.length * charW + 20;
    });
    return el;
  }

  /** The chart's numbers as a table: for screen readers on screen, and for print. */
  function scoreTable(section, scores) {
    var hasBand = scores.some(function (e) { return e.band; });
    var hasTarget = scores.some(function (e) { return typeof e.target === "number"; });
    return h("table", { class: "pb-score-table pb-sr-only pb-print-only" }, [
      h("caption", {}, "Scores: " + section.title),
      h("thead", {}, h("tr", {}, [
        h("th", { scope: "col" }, "Item"), h("th", { scope: "col" }, "Score"),
        h("th", { scope: "col" }, "Out of"),
        hasTarget ? h("th", { scope: "col" }, "Target") : null,
        hasBand ? h("th", { scope: "col" }, "Band") : null
      ])),
      h("tbody", {}, scores.map(function (e) {
        var answered = typeof e.value === "number";
        return h("tr", {}, [
          h("th", { scope: "row" }, e.label),
          h("td", {}, !answered ? "not answered"
            : section.rule === "cumulative-stages" ? Math.round(e.value) + "%" : num(e.value)),
          h("td", {}, section.rule === "cumulative-stages" ? "100%" : num(e.max)),
          hasTarget ? h("td", {}, typeof e.target === "number"
            ? num(e.target) + (e.below_target ? " (below target)" : "") : "\u2013") : null,
          hasBand ? h("td", {}, e.band ? bandText(e.band) : "\u2013") : null
        ]);
      }))
    ]);
  }

  /** A label for a 1-5 rating from the question's own options ("2, Basic"). */
  function ratingText(w, qid, value) {
    var label = null;
    (w.spec ? w.spec.sections : []).forEach(function (s) {
      (s.questions || []).forEach(function (q) {
        if (q.id !== qid) { return; }
        (q.options || []).forEach(function (o) { if (o.value === value) { label = o.label; } });
      });
    });
    return num(value) + (label ? " \u00b7 " + label : "");
  }

  function planBlock(w, section) {
    var plan = Array.isArray(section.plan) ? section.plan : [];
    var rows = Array.isArray(section.rows) ? section.rows : [];
    var block = h("section", { class: "pb-plan" }, h("h3", {}, "Your development plan"));
    if (!plan.length) {
      append(block, h("p", {}, rows.length
        ? "No gaps: every skill you rated meets the target."
        : "Rate your skills to see which ones to develop first."));
      return block;
    }
    append(block, h("p", {}, "Skills below the target, most urgent first."));
    var table = h("table", { class: "pb-plan-table" }, [
      h("thead", {}, h("tr", {}, ["Priority", "Skill", "Your rating", "Target", "Gap",
                                  "Resources and links"].map(function (t) {
        return h("th", { scope: "col" }, t);
      }))),
      h("tbody", {}, plan.map(function (row) {
        var competency = row.competency || null;
        var links = [];
        if (competency && competency.url) { links.push({ title: competency.title, url: competency.url }); }
        (row.links || []).forEach(function (l) {
          if (l && l.url && !links.some(function (x) { return x.url === l.url; })) { links.push(l); }
        });
        var resources = competency && Array.isArray(competency.resources) ? competency.resources : [];
        // "High priority - develop now": the first part as a badge, the rest below it.
        var label = row.priority ? String(row.priority.label) : "";
        var cut = label.indexOf(" \u2013 ");
        return h("tr", {}, [
          h("td", { "data-label": "Priority" }, row.priority ? [
            h("span", { class: "pb-priority pb-priority--" + row.priority.id },
              cut === -1 ? label : label.slice(0, cut)),
            cut === -1 ? null : h("small", { class: "pb-priority-when" }, label.slice(cut + 3))
          ] : "\u2013"),
          h("th", { scope: "row" }, [
            row.name, row.category ? h("small", { class: "pb-category" }, row.category) : null
          ]),
          h("td", { "data-label": "Your rating" }, ratingText(w, row.question, row.rating)),
          h("td", { "data-label": "Target" }, ratingText(w, row.question, row.target)),
          h("td", { class: "pb-num", "data-label": "Gap" }, num(row.gap)),
          h("td", { "data-label": "Resources and links" }, [
            resources.length ? h("p", { class: "pb-resources" }, resources.join("; ")) : null,
            links.length ? h("p", { class: "pb-plan-links" }, ["Read: "].concat(links.map(function (l, i) {
              return [i ? ", " : "", link(l.url, l.title || l.url)];
            }))) : null,
            !resources.length && !links.length ? "\u2013" : null
          ])
        ]);
      }))
    ]);
    append(block, h("div", { class: "pb-wide-table" }, table));
    // The advice of each priority present, once: how to work on those skills.
    var seen = {};
    plan.forEach(function (row) {
      if (!row.priority || seen[row.priority.id]) { return; }
      seen[row.priority.id] = true;
      var advice = Array.isArray(row.advice) ? row.advice : [];
      append(block, h("div", { class: "pb-priority-advice" }, [
        h("h4", {}, row.priority.label),
        row.priority.summary ? h("p", {}, row.priority.summary) : null,
        advice.length ? adviceList(advice) : null
      ]));
    });
    return block;
  }

  /** Why lines; lines indented with two spaces explain the line above them. */
  function whyList(lines) {
    var list = h("ul", { class: "pb-why" });
    var last = null;
    lines.forEach(function (line) {
      var text = String(line);
      if (/^\s+/.test(text) && last) {
        var sub = last.querySelector("ul") || last.appendChild(h("ul"));
        append(sub, h("li", {}, text.trim()));
      } else {
        last = h("li", {}, text.trim());
        list.appendChild(last);
      }
    });
    return list;
  }

  function whyBlock(r, sections) {
    var withWhy = sections.filter(function (s) { return Array.isArray(s.why) && s.why.length; });
    if (!withWhy.length) {
      if (!Array.isArray(r.why) || !r.why.length) { return null; }
      return h("section", { class: "pb-why-block" }, [h("h3", {}, "Why this result"), whyList(r.why)]);
    }
    return h("section", { class: "pb-why-block" }, [h("h3", {}, "Why this result")].concat(
      withWhy.map(function (s) {
        return withWhy.length > 1 ? [h("h4", {}, s.title), whyList(s.why)] : whyList(s.why);
      })));
  }

  function adviceList(advice) {
    return h("ul", { class: "pb-advice" }, advice.map(function (item) {
      var links = (item.links || []).filter(function (l) { return l && l.url; });
      return h("li", {}, [
        String(item.text || ""),
        links.length ? h("span", { class: "pb-advice-links" }, [" Read: "].concat(
          links.map(function (l, i) { return [i ? ", " : "", link(l.url, l.title || l.url)]; }))) : null
      ]);
    }));
  }

  /** The advice the playbook wrote for this result; nothing when it wrote none. */
  function adviceBlock(r) {
    var advice = (Array.isArray(r.advice) ? r.advice : []).filter(function (item) {
      return item && String(item.text || "").trim();
    });
    if (!advice.length && r.complete) { return null; }
    return h("section", { class: "pb-next" }, [
      h("h3", {}, "What to do next"),
      advice.length ? adviceList(advice) : h("p", {}, "Advice appears here as you answer.")
    ]);
  }

  /* ------------------------------------------------------------------ history and compare */

  function summarise(result) {
    return {
      overall: result.overall ? result.overall.label : null,
      verdict: result.verdict ? result.verdict.label : null,
      sections: (result.sections || []).map(function (s) {
        return { id: s.id, title: s.title, score: s.score, max: s.max,
                 band: s.band ? s.band.label : null, stage: s.stage ? s.stage.name : null };
      })
    };
  }

  function saveResult(w) {
    if (!w.lastResult) {
      panelMessage(w, "There is no result to save yet.", "warning");
      return;
    }
    var date = new Date();
    var last = w.history[w.history.length - 1];
    // Two saves in the same millisecond would share a date, and dates identify entries.
    if (last && Date.parse(last.date) >= date.getTime()) { date = new Date(Date.parse(last.date) + 1); }
    w.history.push({
      date: date.toISOString(), playbook_version: w.version,
      answers: answersFromForm(w), role: roleFromForm(w), summary: summarise(w.lastResult)
    });
    var saved = persist(w);
    renderHistory(w);
    panelMessage(w, "Result saved" + (saved ? "" : " for as long as this page is open") +
                    " (" + w.history.length + " saved in all).", "info");
  }

  function entryLabel(entry, index) {
    return (index + 1) + ". " + showDate(entry.date) + " \u2014 " +
      (entry.summary.overall || "no result") +
      (entry.playbook_version ? " (" + entry.playbook_version + ")" : "");
  }

  function renderHistory(w) {
    clear(w.historyBox);
    clear(w.compareBox);
    var history = w.history;
    if (!history.length) {
      append(w.historyBox, h("p", { class: "pb-history-empty" },
        "No saved results yet. Save this result to compare it with a later one."));
      return;
    }
    var hasVerdict = history.some(function (e) { return e.summary.verdict; });
    append(w.historyBox, [
      h("h4", {}, "Saved results"),
      h("div", { class: "pb-wide-table" }, h("table", { class: "pb-history-table" }, [
        h("thead", {}, h("tr", {}, [
          h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Saved"),
          h("th", { scope: "col" }, "Version"), h("th", { scope: "col" }, "Result"),
          hasVerdict ? h("th", { scope: "col" }, "Verdict") : null
        ])),
        h("tbody", {}, history.map(function (entry, i) {
          return h("tr", {}, [
            h("td", {}, String(i + 1)),
            h("td", {}, h("time", { datetime: entry.date }, showDate(entry.date))),
            h("td", {}, entry.playbook_version || "\u2013"),
            h("td", {}, entry.summary.overall || "no result"),
            hasVerdict ? h("td", {}, entry.summary.verdict || "\u2013") : null
          ]);
        }).reverse())
      ]))
    ]);
    if (history.length < 2) { return; }
    var pick = function (name, label, selected) {
      var select = h("select", { id: w.id + "--compare-" + name },
        history.map(function (entry, i) {
          return h("option", { value: entry.date, selected: i === selected }, entryLabel(entry, i));
        }));
      return [h("span", { class: "pb-compare-pick" }, [h("label", { for: select.id }, label), " ", select]),
              select];
    };
    var earlier = pick("a", "Compare", history.length - 2);
    var later = pick("b", "with", history.length - 1);
    var output = h("div", { class: "pb-compare-output" });
    append(w.compareBox, [
      h("h4", {}, "Compare two saved results"),
      h("div", { class: "pb-compare-form" }, [
        earlier[0], later[0],
        button("Compare", function () {
          compare(w, earlier[1].value, later[1].value, output);
        })
      ]),
      output
    ]);
  }

  function summaryCell(s) {
    if (!s) { return "\u2013"; }
    var parts = [];
    if (typeof s.score === "number" && typeof s.max === "number") {
      parts.push(num(s.score) + " of " + num(s.max));
    }
    if (s.stage) { parts.push(s.stage); } else if (s.band) { parts.push(s.band); }
    return parts.length ? parts.join(" \u00b7 ") : "not answered";
  }

  function compare(w, dateA, dateB, output) {
    clear(output);
    var find = function (d) { return w.history.filter(function (e) { return e.date === d; })[0]; };
    var a = find(dateA), b = find(dateB);
    if (!a || !b) { return; }
    if (a === b) {
      append(output, h("p", { class: "pb-notice pb-notice--info", role: "status" },
                       "Pick two different saved results to compare."));
      return;
    }
    var ids = [];
    var titles = {};
    [a, b].forEach(function (entry) {
      entry.summary.sections.forEach(function (s) {
        if (ids.indexOf(s.id) === -1) { ids.push(s.id); titles[s.id] = s.title; }
      });
    });
    var section = function (entry, id) {
      return entry.summary.sections.filter(function (s) { return s.id === id; })[0] || null;
    };
    var change = function (x, y) {
      var parts = [];
      if (x && y && typeof x.score === "number" && typeof y.score === "number" &&
          Math.abs(y.score - x.score) > 1e-9) {
        parts.push(signed(y.score - x.score));
      }
      var lx = x ? (x.stage || x.band) : null, ly = y ? (y.stage || y.band) : null;
      if (lx !== ly && (lx || ly)) { parts.push((lx || "\u2013") + " \u2192 " + (ly || "\u2013")); }
      return parts.length ? parts.join(", ") : "no change";
    };
    var rows = [h("tr", {}, [
      h("th", { scope: "row" }, "Overall"),
      h("td", {}, a.summary.overall || "no result"), h("td", {}, b.summary.overall || "no result"),
      h("td", {}, a.summary.overall === b.summary.overall ? "no change"
        : (a.summary.overall || "\u2013") + " \u2192 " + (b.summary.overall || "\u2013"))
    ])];
    if (a.summary.verdict || b.summary.verdict) {
      rows.push(h("tr", {}, [
        h("th", { scope: "row" }, "Verdict"),
        h("td", {}, a.summary.verdict || "\u2013"), h("td", {}, b.summary.verdict || "\u2013"),
        h("td", {}, a.summary.verdict === b.summary.verdict ? "no change" : "changed")
      ]));
    }
    ids.forEach(function (id) {
      var x = section(a, id), y = section(b, id);
      rows.push(h("tr", {}, [
        h("th", { scope: "row" }, titles[id]),
        h("td", {}, summaryCell(x)), h("td", {}, summaryCell(y)), h("td", {}, change(x, y))
      ]));
    });
    var ia = w.history.indexOf(a), ib = w.history.indexOf(b);
    append(output, h("div", { class: "pb-wide-table" }, h("table", { class: "pb-compare-table" }, [
      h("caption", {}, "Saved result " + (ia + 1) + " compared with saved result " + (ib + 1)),
      h("thead", {}, h("tr", {}, [
        h("th", { scope: "col" }, "Section"),
        h("th", { scope: "col" }, ["#" + (ia + 1) + " ", h("time", { datetime: a.date }, showDate(a.date))]),
        h("th", { scope: "col" }, ["#" + (ib + 1) + " ", h("time", { datetime: b.date }, showDate(b.date))]),
        h("th", { scope: "col" }, "Change")
      ])),
      h("tbody", {}, rows)
    ])));
  }

  /* ------------------------------------------------------------------ export, import, start over */

  function exportJson(w) {
    var data = {
      format: EXPORT_FORMAT, format_version: EXPORT_VERSION, assessment: w.id,
      playbook_version: w.version, exported: new Date().toISOString(),
      role: roleFromForm(w), answers: answersFromForm(w), history: w.history
    };
    download(w.id + "-answers.json", JSON.stringify(data, null, 2) + "\n", "application/json");
    panelMessage(w, "Exported your answers and " + w.history.length + " saved " +
                    (w.history.length === 1 ? "result" : "results") + " as " + w.id + "-answers.json.");
  }

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function exportCsv(w) {
    if (!w.history.length) {
      panelMessage(w, "Save a result first: the CSV lists your saved results.", "warning");
      return;
    }
    // One column per section: this version's sections first, then any only older results have.
    var columns = [];
    var add = function (id, title) {
      if (!columns.some(function (c) { return c.id === id; })) { columns.push({ id: id, title: title }); }
    };
    (w.spec ? w.spec.sections : []).forEach(function (s) { add(s.id, s.title); });
    w.history.forEach(function (e) { e.summary.sections.forEach(function (s) { add(s.id, s.title); }); });
    var lines = [["date", "playbook_version", "overall", "verdict"].concat(
      columns.map(function (c) { return c.title; }))];
    w.history.forEach(function (e) {
      lines.push([e.date, e.playbook_version, e.summary.overall, e.summary.verdict].concat(
        columns.map(function (c) {
          var s = e.summary.sections.filter(function (x) { return x.id === c.id; })[0];
          if (!s) { return ""; }
          if (typeof s.score === "number" && typeof s.max === "number") { return s.score + "/" + s.max; }
          return s.band || s.stage || "";
        })));
    });
    var text = lines.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    download(w.id + "-history.csv", text, "text/csv");
    panelMessage(w, "Exported " + w.history.length + " saved " +
                    (w.history.length === 1 ? "result" : "results") + " as " + w.id + "-history.csv.");
  }

  /** The import's problem in words, or null when `data` is an export of this assessment. */
  function importProblem(w, data) {
    var not = "That file is not an export of this assessment";
    if (!isObject(data) || data.format !== EXPORT_FORMAT) {
      return not + ": it is not a playbook assessment export.";
    }
    if (data.assessment !== w.id) {
      return not + ": it holds answers to \u201c" + String(data.assessment) + "\u201d.";
    }
    if (!validAnswers(data.answers)) { return not + ": its answers are not in the expected form."; }
    if (!validRole(data.role)) { return not + ": its role is not in the expected form."; }
    if (data.history !== undefined && !Array.isArray(data.history)) {
      return not + ": its saved results are not in the expected form.";
    }
    return null;
  }

  async function importFile(w, file) {
    var nothing = " Nothing was changed.";
    if (file.size > MAX_IMPORT_BYTES) {
      panelMessage(w, "That file is too large to be an export of this assessment." + nothing, "error");
      return;
    }
    var data;
    try {
      data = JSON.parse(await file.text());
    } catch (err) {
      panelMessage(w, "That file is not an export of this assessment: it is not valid JSON." + nothing,
                   "error");
      return;
    }
    var problem = importProblem(w, data);
    if (problem) { panelMessage(w, problem + nothing, "error"); return; }
    var entries = (data.history || []).map(normaliseEntry);
    var skipped = entries.filter(function (e) { return e === null; }).length;
    var before = w.history.length;
    w.history = mergeHistories(w.history, entries.filter(Boolean));
    var added = w.history.length - before;
    var applied = applyAnswers(w, data.answers, data.role || null, false);
    w.touched = {};
    persist(w);
    renderHistory(w);
    rescore(w);
    var text = "Imported " + applied.matched + " " + (applied.matched === 1 ? "answer" : "answers") +
      " from " + file.name +
      (typeof data.playbook_version === "string" ? " (" + data.playbook_version + ")" : "") + ".";
    if (applied.unmatched > 0) {
      text += " " + (applied.unmatched === 1 ? "1 answer no longer matches"
        : applied.unmatched + " answers no longer match") +
        " a question of this version and " + (applied.unmatched === 1 ? "was" : "were") + " left out.";
    }
    if (!applied.roleMatched) { text += " The role in the file is not a role of this version."; }
    if (added) { text += " " + added + " saved " + (added === 1 ? "result" : "results") + " added."; }
    if (skipped) {
      text += " " + plural(skipped, "unreadable saved result") + (skipped === 1 ? " was" : " were") +
        " left out.";
    }
    panelMessage(w, text, "info");
  }

  function startOver(w) {
    var before = { answers: answersFromForm(w), role: roleFromForm(w) };
    if (!Object.keys(before.answers).length && !before.role) {
      panelMessage(w, "There are no answers to clear.");
      return;
    }
    applyAnswers(w, {}, null, false);
    persist(w);
    rescore(w);
    var undo = button("Undo", function () {
      applyAnswers(w, before.answers, before.role, false);
      persist(w);
      rescore(w);
      panelMessage(w, "Your answers are back.");
    });
    panelMessage(w, "Answers cleared; your saved results are kept.", "info", undo);
  }

  /* ------------------------------------------------------------------ start */

  // On a first visit straight to an assessment, start loading Python now, while the theme
  // is still setting up the page: the form is already parsed (this script ends the body).
  if (document.querySelector("form.pb-assessment[data-assessment]")) {
    try { loadPython().catch(function () {}); } catch (err) { report(err); }
  }

  var run = guard(setupPage);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run); // every page, including those reached by instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
