/* The snapshot of Python with the engine imported (the build makes it: see
 * generators/pyodide/snapshot.py): read as it arrives, and judged worth waiting for or not.
 *
 * The page head's early loader (generators/assets/early-loader.js) keeps its own copy of
 * these four functions: it runs before any module can. This one serves the widget's
 * loader, which starts Python on a page reached by the theme's instant navigation.
 */

/** The snapshot at `url`, read as it arrives: `bytes` (a promise of them, unpacked), and
 *  how many came how fast, for `snapshotWanted`. `drop()` stops the download and, unless
 *  the reader asks to save data, fetches it again once the first result is drawn and the
 *  page is quiet, so that the runtime cache has it for the next visit. */
export function readSnapshot(url) {
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
export function startPython(indexURL, snapshot) {
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

/** Whether Python should start from the snapshot: yes once it is in; no when it failed;
 *  otherwise yes when, at the rate its bytes have come so far, the rest will be in within
 *  1.2 s (the snapshot pays for its download only above about 40 Mbit/s: Python's own
 *  start takes 1.5-2 s). The rate is taken over 150 ms of its bytes at least; none 400 ms
 *  after it was asked for is a no. */
export function snapshotWanted(state) {
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

/** The bytes of a gzip file, unpacked (a host may have unpacked them already, by its
 *  Content-Encoding). */
export function gunzipped(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) { return bytes; }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).arrayBuffer().then(function (unpacked) {
    return new Uint8Array(unpacked);
  });
}
