/* Export (JSON, CSV) and import (JSON) of an assessment's answers and saved results, as
 * text and data: page-free. */

import { normaliseEntry, validAnswers, validRole } from "./storage.js";
import { isObject, plural } from "./words.js";

export const EXPORT_FORMAT = "playbook-assessment";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The JSON export of one assessment's answers and saved results. */
export function exportText(fields, now) {
  const data = {
    format: EXPORT_FORMAT, format_version: EXPORT_VERSION, assessment: fields.id,
    playbook_version: fields.version, exported: (now || new Date()).toISOString(),
    role: fields.role, answers: fields.answers, history: fields.history
  };
  return JSON.stringify(data, null, 2) + "\n";
}

export function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
}

/** The saved results as CSV, a row each: one column per section, the sections of this
 *  version (`sections`, from the spec) first, then any only older results have. */
export function csvText(history, sections) {
  const columns = [];
  const add = function (id, title) {
    if (!columns.some(function (c) { return c.id === id; })) { columns.push({ id: id, title: title }); }
  };
  (sections || []).forEach(function (s) { add(s.id, s.title); });
  history.forEach(function (e) { e.summary.sections.forEach(function (s) { add(s.id, s.title); }); });
  const lines = [["date", "playbook_version", "overall", "verdict"].concat(
    columns.map(function (c) { return c.title; }))];
  history.forEach(function (e) {
    lines.push([e.date, e.playbook_version, e.summary.overall, e.summary.verdict].concat(
      columns.map(function (c) {
        const s = e.summary.sections.filter(function (x) { return x.id === c.id; })[0];
        if (!s) { return ""; }
        if (typeof s.score === "number" && typeof s.max === "number") { return s.score + "/" + s.max; }
        return s.band || s.stage || "";
      })));
  });
  return lines.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
}

/** The import's problem in words, or null when `data` is an export of assessment `id`. */
export function importProblem(data, id) {
  const not = "That file is not an export of this assessment";
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    return not + ": it is not a playbook assessment export.";
  }
  if (data.assessment !== id) {
    return not + ": it holds answers to \u201c" + String(data.assessment) + "\u201d.";
  }
  if (!validAnswers(data.answers)) { return not + ": its answers are not in the expected form."; }
  if (!validRole(data.role)) { return not + ": its role is not in the expected form."; }
  if (data.history !== undefined && !Array.isArray(data.history)) {
    return not + ": its saved results are not in the expected form.";
  }
  return null;
}

/**
 * An imported file read: {problem} (in words, ending "Nothing was changed.") or
 * {data, entries, skipped}: the export, its readable saved results, and how many were not.
 */
export function readImport(text, size, id) {
  const nothing = " Nothing was changed.";
  if (size > MAX_IMPORT_BYTES) {
    return { problem: "That file is too large to be an export of this assessment." + nothing };
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "That file is not an export of this assessment: it is not valid JSON." + nothing };
  }
  const problem = importProblem(data, id);
  if (problem) { return { problem: problem + nothing }; }
  const entries = (data.history || []).map(normaliseEntry);
  return { data: data, entries: entries.filter(Boolean),
           skipped: entries.filter(function (e) { return e === null; }).length };
}

/** What an import did, in words. `applied` is what the form made of the answers. */
export function importMessage(name, read, applied, added) {
  const data = read.data;
  let text = "Imported " + applied.matched + " " + (applied.matched === 1 ? "answer" : "answers") +
    " from " + name +
    (typeof data.playbook_version === "string" ? " (" + data.playbook_version + ")" : "") + ".";
  if (applied.unmatched > 0) {
    text += " " + (applied.unmatched === 1 ? "1 answer no longer matches"
      : applied.unmatched + " answers no longer match") +
      " a question of this version and " + (applied.unmatched === 1 ? "was" : "were") + " left out.";
  }
  if (!applied.roleMatched) { text += " The role in the file is not a role of this version."; }
  if (added) { text += " " + added + " saved " + (added === 1 ? "result" : "results") + " added."; }
  if (read.skipped) {
    text += " " + plural(read.skipped, "unreadable saved result") +
      (read.skipped === 1 ? " was" : " were") + " left out.";
  }
  return text;
}
