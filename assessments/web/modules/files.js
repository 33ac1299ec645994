/* Several exported files read for a view people use together (a team view, a calibration,
 * a debrief), and a view's exports. The engine checks the files and words every problem;
 * this only reads them, never more than it needs. */

import { append, button, clear, download, guard, h } from "./dom.js";
import { callEngine } from "./loader.js";

/** As the engine (assessments/exports.py): files at once, and bytes a file. */
export const MAX_FILES = 200;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The chosen files as [{name, text}], for the engine's bridge. More files than the engine
 * takes are not read at all (the engine says how many it takes), and of a file too large
 * only enough is read for the engine to say so.
 */
export async function readFiles(fileList) {
  const files = Array.prototype.slice.call(fileList || []);
  if (files.length > MAX_FILES) {
    return files.map(function (f) { return { name: f.name, text: "" }; });
  }
  return Promise.all(files.map(async function (f) {
    const text = f.size > MAX_FILE_BYTES ? await f.slice(0, MAX_FILE_BYTES + 1).text()
      : await f.text();
    return { name: f.name, text: text };
  }));
}

/** A hidden file input and the button that opens it; `onFiles(fileList)` gets the files. */
export function filePicker(label, onFiles, options) {
  const opts = options || {};
  const input = h("input", { type: "file", accept: ".json,application/json", class: "pb-file",
                             multiple: opts.multiple ? true : null, tabindex: "-1",
                             "aria-hidden": "true" });
  input.addEventListener("change", guard(function () {
    const chosen = input.files;
    const result = chosen && chosen.length ? onFiles(chosen) : null;
    input.value = ""; // the same files can be chosen again
    return result;
  }));
  const open = button(label, function () { input.click(); }, opts.primary ? "md-button--primary" : null);
  return { button: open, input: input, elements: [open, input] };
}

/** The engine's problems with the files, as an alert listing each; nothing else changed. */
export function problemsBox(problems, lead) {
  return h("div", { class: "pb-notice pb-notice--error", role: "alert" }, [
    h("p", {}, lead || "These files cannot be used, so nothing was changed:"),
    h("ul", {}, problems.map(function (p) { return h("li", {}, String(p)); }))
  ]);
}

/** Replace what `box` shows with `children`. */
export function show(box, children) {
  clear(box);
  append(box, children);
}

/**
 * A button that downloads `view()` (the view now shown) as the engine exports it:
 * `output` is json, csv or markdown (the same text `playbook assess --format` prints).
 */
export function exportButton(label, view, output, filename) {
  const types = { json: "application/json", csv: "text/csv", markdown: "text/markdown" };
  return button(label, async function () {
    const current = view();
    if (!current) { return; }
    const text = await callEngine("export_json", [JSON.stringify(current), output], true);
    download(typeof filename === "function" ? filename() : filename, text, types[output]);
  });
}
