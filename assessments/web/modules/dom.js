/* Building elements (text only, never HTML), links from the site root, downloads. */

const SVG_NS = "http://www.w3.org/2000/svg";

export function report(err) {
  if (window.console) { console.error("[playbook assessment]", err); }
}

/** Wrap an event handler so that a bug shows in the console, never as an uncaught error. */
export function guard(fn) {
  return function () {
    try {
      const out = fn.apply(this, arguments);
      if (out && typeof out.catch === "function") { out.catch(report); }
    } catch (err) { report(err); }
  };
}

/** An element: h("p", {class: "x"}, ["text", child]). Strings become text, never HTML. */
export function h(tag, attrs, children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(el, attrs, children) {
  Object.keys(attrs || {}).forEach(function (name) {
    const value = attrs[name];
    if (value === null || value === undefined || value === false) { return; }
    if (name === "text") { el.textContent = value; }
    else if (name.slice(0, 2) === "on") { el.addEventListener(name.slice(2), guard(value)); }
    else { el.setAttribute(name, value === true ? "" : String(value)); }
  });
  append(el, children);
  return el;
}

export function append(el, children) {
  if (children === null || children === undefined || children === false) { return; }
  if (Array.isArray(children)) { children.forEach(function (c) { append(el, c); }); return; }
  el.appendChild(typeof children === "object" ? children : document.createTextNode(String(children)));
}

export function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }

export function button(label, onclick, extra) {
  return h("button", { type: "button", class: "md-button pb-button" + (extra ? " " + extra : ""),
                       onclick: onclick }, label);
}

// Every address the widget needs is written onto the assessment form by the build
// (generators/render/assets.py holds them all): the way to the site root (data-root),
// the spec, Pyodide, the engine wheel and runtime.json, relative to the root.

/** The site root of the page now shown (with instant navigation, pages change). */
export function siteRoot() {
  const form = document.querySelector("form.pb-assessment[data-root], .pb-tool[data-root]");
  return new URL((form && form.getAttribute("data-root")) || "./", location.href).href;
}

/** An absolute URL for a site-root-relative one (absolute URLs stay as they are). */
export function siteUrl(url) { return new URL(url, siteRoot()).href; }

export function link(url, text) {
  return url ? h("a", { href: siteUrl(url) }, text) : text;
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: type }));
  const a = h("a", { href: url, download: filename, hidden: true });
  // Material's instant navigation listens for clicks on links: keep this one to ourselves.
  a.addEventListener("click", function (event) { event.stopPropagation(); });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}

/**
 * Print `el` alone (a shared result, a team view, a calibration, a debrief), under the
 * page's title: while the print dialog is open, the print style sheet (assessment.css,
 * .pb-printing-view) leaves off everything that does not hold it.
 */
export function printOnly(el) {
  const root = document.documentElement;
  el.classList.add("pb-print-target");
  root.classList.add("pb-printing-view");
  const done = function () {
    window.removeEventListener("afterprint", done);
    el.classList.remove("pb-print-target");
    root.classList.remove("pb-printing-view");
  };
  window.addEventListener("afterprint", done);
  window.print();
}
