/* Keeps the Pyodide runtime, the scoring engine's wheel and its snapshot of Python in this
 * browser, so a second visit, or a switch to another published version, downloads none of
 * them again.
 *
 * Registered from assessment pages as `playbook-sw.js?pyodide=<version>`; the cache is
 * named by that version (`playbook-runtime-314.0.7`), so a site that moves to another
 * Pyodide fills a new cache. Older caches are kept: another published version may still
 * load that runtime. Only GET requests for the runtime's files and for engine wheels (and
 * their snapshots) are answered here (cache first); every other request (pages, search,
 * versions.json) is not touched and goes to the network as if there were no worker.
 */
"use strict";

var VERSION = new URL(self.location.href).searchParams.get("pyodide") || "unversioned";
var CACHE = "playbook-runtime-" + VERSION;
var RUNTIME_FILE = /\/(pyodide\.js|pyodide\.mjs|pyodide\.asm\.mjs|pyodide\.asm\.js|pyodide\.asm\.wasm|python_stdlib\.zip|pyodide-lock\.json)$/;
// An engine's wheel and its snapshot of Python, beside it or (a published version that
// loads the shared runtime) in that runtime's engines/ folder.
var ENGINE_WHEEL = /\/(?:assets\/engine|_runtime\/[^/]+\/engines)\/([^/]+\.(?:whl|snapshot))$/;

/* The key a runtime file is cached under, or null for any other request. A wheel's name
 * (and its snapshot's) carries a hash of its content, so every version with the same
 * engine shares one entry. */
function cacheKey(request) {
  if (request.method !== "GET") { return null; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.search) { return null; }
  if (RUNTIME_FILE.test(url.pathname)) { return url.href; }
  var wheel = ENGINE_WHEEL.exec(url.pathname);
  return wheel ? new URL("_playbook-engine/" + wheel[1], self.registration.scope).href : null;
}

function keep(cache, key, response) {
  if (response.ok && response.status === 200 && response.type === "basic") {
    return cache.put(key, response.clone()).then(function () { return response; },
                                                 function () { return response; });
  }
  return Promise.resolve(response);
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var key = cacheKey(event.request);
  if (key === null) { return; }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key).then(function (hit) {
      return hit || fetch(event.request).then(function (response) {
        return keep(cache, key, response);
      });
    });
  }));
});

/* The page lists what it loaded before this worker took over (a first visit); each
 * runtime file is copied from the browser's HTTP cache, not downloaded again. */
self.addEventListener("message", function (event) {
  var urls = event.data && Array.isArray(event.data.playbookLoaded) ? event.data.playbookLoaded : [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      var request;
      try { request = new Request(url, { cache: "force-cache" }); } catch (err) { return null; }
      var key = cacheKey(request);
      if (key === null) { return null; }
      return cache.match(key).then(function (hit) {
        return hit || fetch(request).then(function (response) { return keep(cache, key, response); });
      }).catch(function () { return null; });
    }));
  }));
});
