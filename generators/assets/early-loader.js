/* The early loader of assessment pages: the build inlines this function into the page
 * head (generators/render/assets.py, `early_loader`) and calls it with the addresses of
 * Pyodide, the engine wheel and the runtime cache's worker.
 *
 * It gets an assessment scorable as soon as the browser can run Python:
 *   - Pyodide starts at once, not after the theme's and the widget's scripts have run;
 *   - the engine wheel is fetched meanwhile, unpacked and imported as soon as Python
 *     is up (the widget finds it in `window.__playbookEarly`);
 *   - the theme's search worker, which builds the search index from the whole site,
 *     starts a second after Python is ready (or when the reader opens search, or after
 *     ten seconds): on a machine with few cores, building the index alongside Pyodide's
 *     start delays a first result by a third of a second, and handing the index to the
 *     worker keeps the page busy just when the first result is drawn;
 *   - once the page and Python have loaded, it registers the runtime cache's worker.
 *
 * A page reached by instant navigation with Python already loaded does nothing here.
 */
(function (pyodideUrl, engineUrl, workerUrl) {
  "use strict";
  if (window.__playbookPyodideEarly || window.loadPyodide) { return; }
  const base = new URL(pyodideUrl, location.href).href;
  const engine = new URL(engineUrl, location.href).href;
  let pythonUp = null;
  const ready = new Promise(function (resolve) { pythonUp = resolve; });

  const wheel = fetch(engine, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) { throw new Error(engine + " answered HTTP " + response.status); }
    return response.arrayBuffer();
  });
  wheel.catch(function () {}); // the widget reports a failure
  // What the widget picks up: the wheel's bytes, and (once Pyodide is loading) the
  // promise of Python with the engine imported.
  const early = { engine: engine, wheel: wheel, imported: null };
  window.__playbookEarly = early;

  deferSearchWorker(ready);

  const script = document.createElement("script");
  script.src = base + "pyodide.js";
  script.onload = function () {
    if (window.__playbookPyodideEarly || !window.loadPyodide) { pythonUp(); return; }
    const pyodide = window.loadPyodide({ indexURL: base });
    window.__playbookPyodideEarly = pyodide;
    pyodide.catch(function () { window.__playbookPyodideEarly = null; });
    early.imported = Promise.all([pyodide, wheel]).then(function (loaded) {
      loaded[0].unpackArchive(new Uint8Array(loaded[1]), "wheel");
      loaded[0].runPython("import assessments.bridge");
      return loaded[0];
    });
    early.imported.then(pythonUp, pythonUp);
  };
  script.onerror = function () { pythonUp(); };
  document.head.appendChild(script);

  if (workerUrl) { cacheRuntime(workerUrl); }

  /* The theme creates its search worker while its bundle starts. The first worker made
   * from a `workers/search.` script is handed out as a stand-in that keeps the messages
   * and listeners it is given and passes them on to the real worker a second after
   * `until` settles, when the reader goes to the search field, or after ten seconds. */
  function deferSearchWorker(until) {
    const RealWorker = window.Worker;
    if (typeof RealWorker !== "function") { return; }
    window.Worker = function (url, options) {
      if (!/\/workers\/search\./.test(String(url))) { return new RealWorker(url, options); }
      window.Worker = RealWorker;
      let real = null;
      let messages = [];
      const listeners = [];
      const start = function () {
        if (real) { return; }
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        messages.forEach(function (m) { real.postMessage(m[0], m[1]); });
        messages = [];
      };
      until.then(function () { setTimeout(start, 1000); });
      setTimeout(start, 10000);
      document.addEventListener("focusin", function (event) {
        if (event.target && event.target.matches && event.target.matches(".md-search__input")) {
          start();
        }
      });
      return {
        postMessage: function (message, transfer) {
          if (real) { real.postMessage(message, transfer); } else { messages.push([message, transfer]); }
        },
        addEventListener: function (type, listener, opts) {
          if (real) { real.addEventListener(type, listener, opts); } else { listeners.push([type, listener, opts]); }
        },
        removeEventListener: function (type, listener, opts) {
          if (real) { real.removeEventListener(type, listener, opts); return; }
          const at = listeners.findIndex(function (l) { return l[0] === type && l[1] === listener; });
          if (at !== -1) { listeners.splice(at, 1); }
        },
        terminate: function () { start(); real.terminate(); },
      };
    };
  }

  /* Registers the runtime cache's worker with the scope of its folder, once the page has
   * loaded and Python has started, so it never competes with them; then tells the worker
   * what the page has loaded and loads from then on: the worker copies the runtime's
   * files from the browser's HTTP cache, so the first visit already fills its cache
   * without downloading anything twice. Any failure (no service workers, a page not
   * served over http(s)) is ignored: the page works as without it. */
  function cacheRuntime(worker) {
    if (!("serviceWorker" in navigator) || !window.PerformanceObserver) { return; }
    const register = function () {
      ready.then(function () {
        const url = new URL(worker, location.href);
        return navigator.serviceWorker.register(url.href, { scope: new URL("./", url).href });
      }).then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          const tell = function (entries) {
            if (registration.active) {
              registration.active.postMessage({ playbookLoaded: entries.map(
                function (entry) { return entry.name; }) });
            }
          };
          tell(performance.getEntriesByType("resource"));
          new PerformanceObserver(function (list) { tell(list.getEntries()); })
            .observe({ type: "resource" });
        }).catch(function () {});
    };
    if (document.readyState === "complete") { register(); } else {
      window.addEventListener("load", register);
    }
  }
})
