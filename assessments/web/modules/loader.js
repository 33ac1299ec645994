/* Python, loaded once per tab: runtime.json, Pyodide, the engine wheel, the specs.
 *
 * Everything loaded here is kept for the tab, so that Material's instant navigation back
 * to an assessment reuses it; a failed load is dropped so that a retry can load again.
 */

import { siteUrl } from "./dom.js";
import { readSnapshot, startPython } from "./snapshot.js";

/** The elements the build writes the engine's addresses onto: an assessment's form, and
 *  a tool (a scorecard to fill in, a debrief). */
export const ENGINE_HOLDERS = "form.pb-assessment[data-assessment], .pb-tool[data-tool]";

export const LOAD_STEPS = 4; // runtime.json, pyodide.js, the Python runtime, the engine wheel

let runtimePromise = null;
const specTexts = {}; // spec URL -> promise of its text; specs do not change within a tab
let scoreJsonFn = null; // the engine's score_json, once Python is ready
let python = null; // the Pyodide instance, once the engine is imported
const functions = {}; // name -> the bridge's function of that name
let pyodidePromise = null; // loadPyodide's promise
let loadStep = 0;
const progressListeners = [];

function fetched(url, read) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) { throw new Error(url + " answered HTTP " + response.status); }
    return read(response);
  });
}

function fetchText(url) { return fetched(url, function (r) { return r.text(); }); }

function fetchBytes(url) { return fetched(url, function (r) { return r.arrayBuffer(); }); }

/** `promise`, with `drop` called when it fails (so that a retry starts afresh). */
function kept(promise, drop) {
  promise.catch(drop);
  return promise;
}

/**
 * Where Pyodide and the engine are. The build writes them onto the form
 * (data-pyodide, data-engine, data-version), which saves a request on the way to a
 * first result; runtime.json, fetched once per tab, is the fallback.
 */
export function loadRuntime() {
  const form = document.querySelector(ENGINE_HOLDERS.replace(/\]/g, "][data-engine]"));
  if (form) {
    return Promise.resolve({ pyodide: form.getAttribute("data-pyodide"),
                             engine: form.getAttribute("data-engine"),
                             snapshot: form.getAttribute("data-snapshot"),
                             playbook_version: form.getAttribute("data-version") });
  }
  const named = document.querySelector(ENGINE_HOLDERS.replace(/\]/g, "][data-runtime]"));
  if (!named) { return Promise.reject(new Error("this page names no scoring engine")); }
  if (!runtimePromise) {
    const promise = fetchText(siteUrl(named.getAttribute("data-runtime"))).then(function (text) {
      const runtime = JSON.parse(text);
      if (!runtime || typeof runtime.engine !== "string") {
        throw new Error("runtime.json names no scoring engine");
      }
      return runtime;
    });
    runtimePromise = kept(promise, function () {
      if (runtimePromise === promise) { runtimePromise = null; }
    });
  }
  return runtimePromise;
}

/** The text of an assessment's spec (its scoring rules), fetched once per tab (by the page
 *  head's early loader, for the page's own spec). */
export function loadSpecText(url) {
  if (!specTexts[url]) {
    const early = window.__playbookEarly && window.__playbookEarly.spec;
    const promise = early && early.url === url
      ? early.text.catch(function () { return fetchText(url); }) : fetchText(url);
    specTexts[url] = kept(promise, function () {
      if (specTexts[url] === promise) { delete specTexts[url]; }
    });
  }
  return specTexts[url];
}

/** The engine's score_json once Python is ready, else null. */
export function scoreJson() { return scoreJsonFn; }

/**
 * A function of the engine's bridge (assessments/bridge.py) by name, once Python is ready
 * (else null): each takes and returns JSON text.
 */
export function engineFunction(name) {
  if (!python) { return null; }
  if (!functions[name]) {
    if (!/^[a-z_]+$/.test(name)) { throw new Error("no engine function " + name); }
    functions[name] = python.runPython("from assessments.bridge import " + name + "; " + name);
  }
  return functions[name];
}

/** Call the bridge's function `name` with `args` (strings) once Python is ready, and
 *  parse the JSON it returns (text when `asText`). */
export async function callEngine(name, args, asText) {
  await loadPython();
  const out = String(engineFunction(name).apply(null, args));
  return asText ? out : JSON.parse(out);
}

/** How far loading has come, from 0 to LOAD_STEPS. */
export function currentStep() { return loadStep; }

/** Call `listener(step)` as loading goes on, until `forget(listener)`. */
export function onProgress(listener) { progressListeners.push(listener); }

export function forget(listener) {
  const at = progressListeners.indexOf(listener);
  if (at !== -1) { progressListeners.splice(at, 1); }
}

function reportStep(step) {
  loadStep = step;
  progressListeners.slice().forEach(function (listener) { listener(step); });
}

function injectScript(src) {
  return new Promise(function (resolve, reject) {
    const script = document.createElement("script");
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

function noPyodideYet() {
  return !pyodidePromise && !window.__playbookPyodideEarly &&
    typeof window.loadPyodide !== "function";
}

/** Pyodide itself, started here or by the page head's early loader (whichever runs first
 *  starts it, the other reuses it), kept apart from the engine: a retry after a failed
 *  engine load reuses this runtime. */
async function startPyodide(indexURL, snapshotUrl) {
  const snapshot = window.__playbookPyodideEarly || pyodidePromise || !snapshotUrl ||
    typeof DecompressionStream !== "function" ? null : readSnapshot(snapshotUrl);
  if (noPyodideYet()) { await injectScript(indexURL + "pyodide.js"); }
  if (noPyodideYet()) { throw new Error("pyodide.js defines no loadPyodide"); }
  reportStep(2);
  if (!pyodidePromise) {
    pyodidePromise = window.__playbookPyodideEarly || startPython(indexURL, snapshot);
    window.__playbookPyodideEarly = pyodidePromise;
    pyodidePromise.catch(function () {
      pyodidePromise = null;
      window.__playbookPyodideEarly = null;
    });
  }
  return pyodidePromise;
}

async function loadEngine() {
  reportStep(0);
  const runtime = await loadRuntime();
  reportStep(1);
  const indexURL = siteUrl(runtime.pyodide).replace(/\/?$/, "/");
  const engineUrl = siteUrl(runtime.engine);
  // The page head's early loader may have fetched the wheel, and imported the engine.
  const early = window.__playbookEarly && window.__playbookEarly.engine === engineUrl
    ? window.__playbookEarly : null;
  // A wheel the early loader failed to fetch is fetched again (a retry after a failure).
  const wheel = early ? early.wheel.catch(function () { return fetchBytes(engineUrl); })
    : fetchBytes(engineUrl);
  wheel.catch(function () {}); // awaited below
  const pyodide = await startPyodide(
    indexURL, runtime.snapshot ? siteUrl(runtime.snapshot) : null);
  reportStep(3);
  const imported = early && early.imported
    ? await early.imported.then(function () { return true; }, function () { return false; })
    : false;
  if (!imported) {
    // The wheel was fetched while Pyodide started; installing it is a local unpack.
    pyodide.unpackArchive(new Uint8Array(await wheel), "wheel");
  }
  let fn;
  try {
    fn = pyodide.runPython("from assessments.bridge import score_json; score_json");
  } catch (err) {
    throw new Error(String(err.message || err).split("\n").slice(-2).join(" ").trim());
  }
  scoreJsonFn = fn;
  python = pyodide;
  reportStep(LOAD_STEPS);
  return pyodide;
}

/**
 * The one promise of a ready Python per tab, kept on window so that instant navigation
 * back to an assessment reuses it. It resolves to the Pyodide instance; the engine's
 * score_json is then given by scoreJson().
 */
export function loadPython() {
  if (window.__playbookPython) { return window.__playbookPython; }
  const promise = loadEngine();
  window.__playbookPython = promise;
  promise.catch(function () {
    if (window.__playbookPython === promise) { window.__playbookPython = null; }
  });
  return promise;
}
