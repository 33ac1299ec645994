/* The early loader of assessment pages: the build inlines this function into the page
 * head (generators/render/assets.py, `early_loader`) and calls it with the addresses of
 * Pyodide, the engine wheel, the runtime cache's worker, the page's spec and the snapshot
 * of Python with the engine imported (null where the build made none).
 *
 * It gets an assessment scorable as soon as the browser can run Python:
 *   - Pyodide starts at once, not after the theme's and the widget's scripts have run,
 *     and, where the build made one, from the snapshot of Python's memory with the
 *     engine imported (generators/pyodide/snapshot.py), fetched alongside the runtime:
 *     that skips Python's own start, most of the wait; when the snapshot is missing,
 *     unreadable or refused, or would come in too slowly to pay for itself (see
 *     `snapshotWanted`), Python starts the usual way (`window.__playbookSnapshot` says
 *     "used", "refused" or "too slow"; the widget's loader does the same when it starts
 *     Python);
 *   - the engine wheel is fetched meanwhile, unpacked and imported as soon as Python
 *     is up, and the page's spec is fetched (the widget finds both in
 *     `window.__playbookEarly`);
 *   - the theme's search worker, which builds the search index from the whole site,
 *     starts a second after Python is ready (or when the reader opens search, or after
 *     ten seconds): on a machine with few cores, building the index alongside Pyodide's
 *     start delays a first result by a third of a second, and handing the index to the
 *     worker keeps the page busy just when the first result is drawn;
 *   - the theme's scripts (its bundle, and the site's extra scripts after it), which the
 *     build keeps in <template id="pb-theme-scripts"> on these pages, run once the first
 *     result is drawn (see `runThemeLater`): they take a tenth of a second or more of the
 *     page's one main thread, which Pyodide's start needs too;
 *   - a second after the first result is drawn, it registers the runtime cache's worker.
 *
 * A page reached by instant navigation with Python already loaded does nothing here.
 */
(function (pyodideUrl, engineUrl, workerUrl, specUrl, snapshotUrl) {
  "use strict";
  if (window.__playbookPyodideEarly || window.loadPyodide) { return; }
  const base = new URL(pyodideUrl, location.href).href;
  const engine = new URL(engineUrl, location.href).href;
  let pythonUp = null;
  const ready = new Promise(function (resolve) { pythonUp = resolve; });

  // `url`'s body, read by `read`; a failure is left to the widget, which fetches again
  // and reports it.
  const fetched = function (url, read) {
    const body = fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + " answered HTTP " + response.status); }
      return read(response);
    });
    body.catch(function () {});
    return body;
  };
  // What the widget picks up: the wheel's bytes, (once Pyodide is loading) the promise
  // of Python with the engine imported, and the page's spec, whose text is in hand when
  // the widget starts, so that it sets the form up before Pyodide's start takes the
  // page's main thread.
  const wheel = fetched(engine, function (r) { return r.arrayBuffer(); });
  const specAt = specUrl ? new URL(specUrl, location.href).href : null;
  const spec = specAt ? { url: specAt, text: fetched(specAt, function (r) { return r.text(); }) }
    : null;
  const snapshot = snapshotUrl && typeof DecompressionStream === "function"
    ? readSnapshot(new URL(snapshotUrl, location.href).href) : null;
  const early = { engine: engine, wheel: wheel, imported: null, spec: spec,
                  palette: earlyPalette };
  window.__playbookEarly = early;

  deferSearchWorker(ready);
  runThemeLater();

  const script = document.createElement("script");
  script.fetchPriority = "high"; // before the stylesheets and modules the head asks for
  script.src = base + "pyodide.js";
  script.onload = function () {
    if (window.__playbookPyodideEarly || !window.loadPyodide) { pythonUp(); return; }
    const pyodide = startPython(base, snapshot);
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

  /* readSnapshot, startPython, snapshotWanted and gunzipped are the same code as in
   * assessments/web/modules/snapshot.js, which the widget's loader imports (a test keeps
   * them the same): this script runs before any module can.
   *
   * The snapshot at `url`, read as it arrives: `bytes` (a promise of them, unpacked),
   * and how many came how fast, for `snapshotWanted`. `drop()` stops the download and,
   * unless the reader asks to save data, fetches it again once the first result is
   * drawn and the page is quiet, so that the runtime cache has it for the next visit. */
  function readSnapshot(url) {
    const stop = typeof AbortController === "function" ? new AbortController() : null;
    const state = { asked: performance.now(), first: 0, got: 0, size: 0, done: false,
                    failed: false, bytes: null };
    state.bytes = fetch(url, { credentials: "same-origin", signal: stop && stop.signal })
      .then(function (response) {
        if (!response.ok || !response.body) {
          throw new Error(url + " answered HTTP " + response.status);
        }
        state.size = Number(response.headers.get("Content-Length")) || 0;
        const reader = response.body.getReader();
        const chunks = [];
        const next = function () {
          return reader.read().then(function (step) {
            if (step.done) { return new Blob(chunks).arrayBuffer(); }
            state.first = state.first || performance.now();
            state.got += step.value.length;
            chunks.push(step.value);
            return next();
          });
        };
        return next();
      }).then(function (buffer) {
        state.done = true;
        return gunzipped(buffer);
      });
    state.bytes.catch(function () { state.failed = true; });
    state.drop = function () {
      if (stop) { stop.abort(); }
      const thrifty = typeof navigator !== "undefined" && navigator.connection &&
        navigator.connection.saveData;
      if (thrifty || typeof document === "undefined") { return; }
      document.addEventListener("playbook:engine-settled", function () {
        setTimeout(function () {
          fetch(url, { credentials: "same-origin" }).catch(function () {});
        }, 5000);
      }, { once: true });
    };
    return state;
  }

  /** Pyodide, started by `loadPyodide` with the Python files at `indexURL`: from `snapshot`
   *  (a `readSnapshot`, or null) when it is wanted and loads, else the usual way;
   *  `window.__playbookSnapshot` says which way it went. */
  function startPython(indexURL, snapshot) {
    const start = function (memory) {
      return window.loadPyodide(memory ? { indexURL: indexURL, _loadSnapshot: memory }
        : { indexURL: indexURL });
    };
    if (!snapshot) { return start(null); }
    return snapshotWanted(snapshot).then(function (wanted) {
      if (!wanted) {
        window.__playbookSnapshot = snapshot.failed ? "refused" : "too slow";
        snapshot.drop();
        return start(null);
      }
      return start(snapshot.bytes).then(function (python) {
        window.__playbookSnapshot = "used";
        return python;
      }, function () {
        window.__playbookSnapshot = "refused";
        return start(null);
      });
    });
  }

  /* Whether Python should start from the snapshot: yes once it is in; no when it failed;
   * otherwise yes when, at the rate its bytes have come so far, the rest will be in
   * within 1.2 s (on this page's own measure, the snapshot pays for its download only
   * above about 40 Mbit/s: Python's own start takes 1.5-2 s). The rate is taken over
   * 150 ms of its bytes at least; none 400 ms after it was asked for is a no. */
  function snapshotWanted(state) {
    return new Promise(function (resolve) {
      const judge = function () {
        if (state.done || state.failed) { resolve(state.done); return; }
        const now = performance.now();
        const seen = state.first ? now - state.first : 0;
        if (seen < 150 && now - state.asked < 400) { setTimeout(judge, 20); return; }
        if (!state.first || !state.size) { resolve(false); return; }
        resolve((state.size - state.got) / (state.got / seen) < 1200);
      };
      judge();
    });
  }

  /* The bytes of a gzip file, unpacked (a host may have unpacked them already, by its
   * Content-Encoding). */
  function gunzipped(buffer) {
    const bytes = new Uint8Array(buffer);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) { return bytes; }
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (unpacked) {
      return new Uint8Array(unpacked);
    });
  }

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

  /* Runs the theme's scripts kept in <template id="pb-theme-scripts"> once the widget has
   * drawn its first state (its "playbook:engine-settled" event, on a result or a failure),
   * at once when the reader presses a key, points or moves the focus, or after ten
   * seconds, whichever comes first. Until then the page reads, scrolls and answers
   * without them; the theme's header, search and instant navigation start with them.
   * They run in their order, as the parser would have run them. The DOMContentLoaded
   * listeners they add are called once they have all run (the event itself has passed),
   * and so are `load` listeners added after the page's load; then "playbook:theme" is
   * dispatched on the document. */
  function runThemeLater() {
    let started = false;
    let loaded = false;
    window.addEventListener("load", function () { loaded = true; });
    const start = function () {
      if (started) { return; }
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
        return;
      }
      started = true;
      const template = document.getElementById("pb-theme-scripts");
      if (template && template.content) { runScripts(template); }
    };
    const runScripts = function (template) {
      // The head's preloads have served; the theme would load them again.
      document.querySelectorAll("link[data-pb-early]").forEach(function (link) { link.remove(); });
      const late = [];
      [document, window].forEach(function (target) {
        target.addEventListener = function (type, listener, options) {
          if (listener && (type === "DOMContentLoaded" || (type === "load" && loaded &&
                                                           target === window))) {
            late.push([target, type, listener]);
          }
          return EventTarget.prototype.addEventListener.call(this, type, listener, options);
        };
      });
      const finish = function () {
        delete document.addEventListener;
        delete window.addEventListener;
        late.forEach(function (entry) {
          const event = new Event(entry[1]);
          try {
            if (typeof entry[2] === "function") { entry[2].call(entry[0], event); } else {
              entry[2].handleEvent(event);
            }
          } catch (err) { setTimeout(function () { throw err; }); }
        });
        document.dispatchEvent(new Event("playbook:theme"));
      };
      let left = 1;
      const done = function () { left -= 1; if (left === 0) { finish(); } };
      template.content.querySelectorAll("script").forEach(function (kept) {
        const script = document.createElement("script");
        Array.prototype.forEach.call(kept.attributes, function (attribute) {
          script.setAttribute(attribute.name, attribute.value);
        });
        if (kept.hasAttribute("src")) {
          left += 1;
          script.async = false;
          script.onload = done;
          script.onerror = done;
        } else {
          script.text = kept.text;
        }
        document.body.appendChild(script);
      });
      done();
    };
    // After the next frame: the first result is painted before the theme's scripts run.
    document.addEventListener("playbook:engine-settled", function () {
      requestAnimationFrame(function () { setTimeout(start); });
    });
    ["keydown", "pointerdown", "focusin"].forEach(function (type) {
      document.addEventListener(type, start, { capture: true, passive: true });
    });
    setTimeout(start, 10000);
  }

  /* Until the theme's scripts run, its palette toggle in the header shows nothing, and a
   * first visit gets the first palette even where the reader's system asks for another
   * (a dark one, say). The end of the header calls this (see `head_override`): it picks
   * the palette as the theme does (the one kept from an earlier visit, else the first
   * whose media query matches), applies it and shows its toggle. The theme does the same
   * when it runs, so nothing changes then. */
  function earlyPalette() {
    const inputs = document.querySelectorAll("input[name='__palette']");
    if (!inputs.length) { return; }
    let kept = null;
    try {
      kept = typeof window.__md_get === "function" ? window.__md_get("__palette") : null;
    } catch { kept = null; }
    let index = kept && typeof kept.index === "number" ? kept.index : -1;
    if (index < 0 || index >= inputs.length) {
      index = Math.max(0, Array.prototype.findIndex.call(inputs, function (input) {
        const media = input.getAttribute("data-md-color-media");
        return !!media && window.matchMedia(media).matches;
      }));
      // (A kept palette's colours are applied by the theme's own script in the body.)
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        const value = inputs[index].getAttribute("data-md-color-" + key);
        if (value !== null) { document.body.setAttribute("data-md-color-" + key, value); }
      });
    }
    inputs[index].checked = true;
    inputs.forEach(function (input, at) {
      const label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") { label.hidden = at !== index; }
    });
  }

  /* Registers the runtime cache's worker with the scope of its folder a second after the
   * page has loaded, Python has started and the widget has drawn its first state (or ten
   * seconds after the page's load), so that the worker's start, which copies megabytes
   * into its cache, never competes with them for the page's cores; then tells the worker
   * what the page has loaded and loads from then on: the worker copies the runtime's
   * files from the browser's HTTP cache, so the first visit already fills its cache
   * without downloading anything twice. Any failure (no service workers, a page not
   * served over http(s)) is ignored: the page works as without it. */
  function cacheRuntime(worker) {
    if (!("serviceWorker" in navigator) || !window.PerformanceObserver) { return; }
    const drawn = new Promise(function (resolve) {
      document.addEventListener("playbook:engine-settled", resolve, { once: true });
    });
    const register = function () {
      const settled = Promise.race([drawn, new Promise(function (resolve) {
        setTimeout(resolve, 10000);
      })]);
      Promise.all([ready, settled]).then(function () {
        return new Promise(function (resolve) { setTimeout(resolve, 1000); });
      }).then(function () {
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
