/* Playbook site behaviour: onboarding checklists kept in this browser, print buttons.
 * Works with Material's instant navigation: everything runs per page via document$. */
(function () {
  "use strict";
  var PREFIX = "pbk:checklist:";

  function readTicks(pathId) {
    try {
      var raw = window.localStorage.getItem(PREFIX + pathId);
      var value = raw ? JSON.parse(raw) : [];
      return Array.isArray(value) ? value.filter(function (v) { return typeof v === "string"; }) : [];
    } catch (err) {
      return null; // storage blocked or corrupt: the page still works, ticks are not kept
    }
  }

  function writeTicks(pathId, ticks) {
    try {
      window.localStorage.setItem(PREFIX + pathId, JSON.stringify(ticks));
      return true;
    } catch (err) {
      return false;
    }
  }

  function updateStatus(pathId, boxes, note) {
    var status = document.querySelector('[data-checklist-status="' + pathId + '"]');
    if (!status) { return; }
    var done = boxes.filter(function (b) { return b.checked; }).length;
    status.textContent = done + " of " + boxes.length + " items done" + (note ? " · " + note : "");
  }

  function initChecklists() {
    var lists = document.querySelectorAll("ul.pb-checklist[data-checklist]");
    var byPath = {};
    Array.prototype.forEach.call(lists, function (list) {
      var pathId = list.getAttribute("data-checklist");
      byPath[pathId] = (byPath[pathId] || []).concat(
        Array.prototype.slice.call(list.querySelectorAll("input[type=checkbox][data-item]")));
    });
    Object.keys(byPath).forEach(function (pathId) {
      var boxes = byPath[pathId];
      var ticks = readTicks(pathId);
      var note = ticks === null ? "ticks cannot be saved in this browser" : "";
      boxes.forEach(function (box) {
        box.checked = ticks !== null && ticks.indexOf(box.getAttribute("data-item")) !== -1;
        box.addEventListener("change", function () {
          var current = boxes.filter(function (b) { return b.checked; })
            .map(function (b) { return b.getAttribute("data-item"); });
          var saved = writeTicks(pathId, current);
          updateStatus(pathId, boxes, saved ? "" : "ticks cannot be saved in this browser");
        });
      });
      updateStatus(pathId, boxes, note);
    });
  }

  function initPrintButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("button.pb-print"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function labelSearchDialog() {
    // The theme's search dialog has no accessible name; screen readers announce this one.
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "Search"); }
  }

  // Wide tables scroll inside the theme's own box (.md-typeset__scrollwrap). Where one
  // does, a line above it says so, each edge with more to show fades, and the box can be
  // scrolled from the keyboard.
  var HINT = "Scroll sideways to see the whole table \u2192";

  function markScroll(wrap) {
    var more = wrap.scrollWidth - wrap.clientWidth > 1;
    wrap.classList.toggle("pb-scrolls", more);
    wrap.classList.toggle("pb-more-left", more && wrap.scrollLeft > 1);
    wrap.classList.toggle("pb-more-right",
      more && wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1);
    if (more) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
    var hint = wrap.previousElementSibling;
    if (hint && hint.classList.contains("pb-scroll-hint")) { hint.hidden = !more; }
  }

  function initWideTables(tries) {
    var waiting = false;
    Array.prototype.forEach.call(document.querySelectorAll("article table"), function (table) {
      var wrap = table.closest(".md-typeset__scrollwrap");
      if (!wrap) { waiting = true; return; }
      if (wrap.hasAttribute("data-pb-scroll")) { return; }
      wrap.setAttribute("data-pb-scroll", "");
      var hint = document.createElement("p");
      hint.className = "pb-scroll-hint";
      hint.textContent = HINT;
      hint.hidden = true;
      wrap.parentNode.insertBefore(hint, wrap);
      wrap.addEventListener("scroll", function () { markScroll(wrap); }, {passive: true});
      markScroll(wrap);
    });
    // The theme wraps tables as it mounts the page: look again shortly if it has not yet.
    if (waiting && (tries || 0) < 20) {
      window.setTimeout(function () { initWideTables((tries || 0) + 1); }, 50);
    }
  }

  var resizeWatched = false;
  function watchResize() {
    if (resizeWatched) { return; }
    resizeWatched = true;
    window.addEventListener("resize", function () {
      Array.prototype.forEach.call(document.querySelectorAll("[data-pb-scroll]"), markScroll);
    });
  }

  // An older published version: the theme's banner (its `outdated` block) is shown when
  // versions.json (which mike writes newest first) lists a newer version than this one,
  // and its link leads to the same page there, or to that version's home without it.
  function initOutdatedBanner() {
    var banner = document.querySelector("[data-md-component=outdated]");
    var link = banner && banner.querySelector("a.pb-newest");
    var config = document.getElementById("__config");
    if (!link || !config || !window.fetch) { return; }
    var base;
    try { base = new URL(JSON.parse(config.textContent).base, window.location.href); }
    catch (err) { return; }
    var folder = base.pathname.replace(/\/$/, "").split("/").pop();
    window.fetch(new URL("../versions.json", base).href).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (versions) {
      if (!Array.isArray(versions) || !versions.length) { return; }
      var newest = versions[0];
      var current = versions.filter(function (v) {
        return v.version === folder || (v.aliases || []).indexOf(folder) !== -1;
      })[0];
      if (!current || current === newest || !newest.version) { return; }
      var home = new URL("../" + encodeURIComponent(newest.version) + "/", base);
      var same = new URL(window.location.pathname.slice(base.pathname.length), home);
      var title = newest.title || newest.version;
      link.href = home.href;
      link.firstChild.textContent = "go to the home page of " + title;
      banner.hidden = false;
      return window.fetch(same.href, {method: "HEAD"}).then(function (response) {
        if (response.ok) {
          link.href = same.href;
          link.firstChild.textContent = "read this page in " + title;
        }
      });
    }).catch(function () { /* no versions.json: not a published version */ });
  }

  function initChangeFilter() {
    var select = document.querySelector("select[data-change-filter]");
    if (!select) { return; }
    var box = select.closest(".pb-change-filter");
    var items = Array.prototype.slice.call(document.querySelectorAll("ul.pb-changes > li"));
    var count = box.querySelector(".pb-change-count");
    function apply() {
      var role = select.value;
      var shown = 0;
      items.forEach(function (item) {
        var roles = (item.getAttribute("data-roles") || "").split(" ");
        var visible = !role || roles.indexOf("*") !== -1 || roles.indexOf(role) !== -1;
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      // A kind with no change for this role shows neither its heading nor its list.
      Array.prototype.forEach.call(document.querySelectorAll("ul.pb-changes"), function (list) {
        var empty = !list.querySelector(":scope > li:not([hidden])");
        var heading = list.previousElementSibling;
        list.hidden = empty;
        if (heading && /^H[2-6]$/.test(heading.tagName)) { heading.hidden = empty; }
      });
      count.textContent = shown + " of " + items.length + " changes";
    }
    // The role is kept in the address (?role=ID), so a shared link shows the same list;
    // links of earlier versions gave it as #role=ID.
    var wanted = new URLSearchParams(window.location.search).get("role");
    var match = /[#&]role=([a-z0-9-]+)/.exec(window.location.hash);
    wanted = wanted || (match && match[1]);
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === wanted;
    });
    if (wanted && known) { select.value = wanted; }
    select.addEventListener("change", function () {
      var url = new URL(window.location.href);
      if (select.value) { url.searchParams.set("role", select.value); }
      else { url.searchParams.delete("role"); }
      if (/[#&]role=/.test(url.hash)) { url.hash = ""; }
      window.history.replaceState(window.history.state, "", url.href);
      apply();
    });
    box.hidden = false;
    apply();
  }

  // A glossary term's definition shows while the term is hovered or focused (CSS). Escape
  // hides it without moving the pointer or the focus; pointing at or moving to the term
  // again brings it back. Listeners on the document, once: they outlive page changes.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll("abbr.pb-term").forEach(function (term) {
      if (term.matches(":hover, :focus")) { term.classList.add("pb-term--dismissed"); }
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var term = event.target.closest ? event.target.closest("abbr.pb-term") : null;
      if (term && !term.contains(event.relatedTarget)) {
        term.classList.remove("pb-term--dismissed");
      }
    });
  });

  function init() {
    initChangeFilter();
    labelSearchDialog();
    initChecklists();
    initPrintButtons();
    initWideTables(0);
    watchResize();
    initOutdatedBanner();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
