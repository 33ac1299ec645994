/* Saved results and the comparison of two of them, as data: page-free. */

import { num, showDate, signed } from "./words.js";

/** What a saved result keeps of the engine's result: its labels and numbers, and the
 *  engine's words for it (`overall_text`, and each section's `text`). */
export function summarise(result) {
  return {
    overall: result.overall ? result.overall.label : null,
    overall_text: typeof result.summary_text === "string" ? result.summary_text : null,
    verdict: result.verdict ? result.verdict.label : null,
    sections: (result.sections || []).map(function (s) {
      return { id: s.id, title: s.title, score: s.score, max: s.max,
               band: s.band ? s.band.label : null, stage: s.stage ? s.stage.name : null,
               text: typeof s.summary_text === "string" ? s.summary_text : null };
    })
  };
}

/** A saved result's overall result, in the engine's words. A result saved before the
 *  engine worded it has only its label, or none. */
export function overallText(summary) {
  if (typeof summary.overall_text === "string") { return summary.overall_text; }
  return summary.overall || "no result";
}

/** A new history entry for `result`, dated after the last one of `history`: dates identify
 *  entries, and two saves in the same millisecond would share one. */
export function newEntry(history, result, fields, now) {
  let date = now || new Date();
  const last = history[history.length - 1];
  if (last && Date.parse(last.date) >= date.getTime()) { date = new Date(Date.parse(last.date) + 1); }
  return {
    date: date.toISOString(), playbook_version: fields.version,
    answers: fields.answers, role: fields.role, summary: summarise(result)
  };
}

/** Two histories as one, oldest first; of entries with the same date, the first is kept. */
export function mergeHistories(a, b) {
  const byDate = {};
  a.concat(b).forEach(function (entry) { if (!byDate[entry.date]) { byDate[entry.date] = entry; } });
  return Object.keys(byDate).map(function (d) { return byDate[d]; }).sort(function (x, y) {
    return Date.parse(x.date) - Date.parse(y.date);
  });
}

export function entryLabel(entry, index) {
  return (index + 1) + ". " + showDate(entry.date) + " \u2014 " +
    overallText(entry.summary) +
    (entry.playbook_version ? " (" + entry.playbook_version + ")" : "");
}

/** One section of a saved result in the engine's words ("3 of 5 · Forming"); for a
 *  result saved before the engine worded it, the same words from its numbers. */
export function summaryCell(s) {
  if (!s) { return "\u2013"; }
  if (typeof s.text === "string") { return s.text; }
  const parts = [];
  if (typeof s.score === "number" && typeof s.max === "number") {
    parts.push(num(s.score) + " of " + num(s.max));
  }
  if (s.stage) { parts.push(s.stage); } else if (s.band) { parts.push(s.band); }
  return parts.length ? parts.join(" \u00b7 ") : "not answered";
}

function change(x, y) {
  const parts = [];
  if (x && y && typeof x.score === "number" && typeof y.score === "number" &&
      Math.abs(y.score - x.score) > 1e-9) {
    parts.push(signed(y.score - x.score));
  }
  const lx = x ? (x.stage || x.band) : null, ly = y ? (y.stage || y.band) : null;
  if (lx !== ly && (lx || ly)) { parts.push((lx || "\u2013") + " \u2192 " + (ly || "\u2013")); }
  return parts.length ? parts.join(", ") : "no change";
}

/** The rows comparing saved result `a` with `b`: [{label, before, after, change}], the
 *  overall result first, then the verdict (when either has one), then every section. */
export function comparison(a, b) {
  const ids = [];
  const titles = {};
  [a, b].forEach(function (entry) {
    entry.summary.sections.forEach(function (s) {
      if (ids.indexOf(s.id) === -1) { ids.push(s.id); titles[s.id] = s.title; }
    });
  });
  const section = function (entry, id) {
    return entry.summary.sections.filter(function (s) { return s.id === id; })[0] || null;
  };
  const overallA = a.summary.overall, overallB = b.summary.overall;
  const rows = [{
    label: "Overall", before: overallText(a.summary), after: overallText(b.summary),
    change: overallA === overallB ? "no change"
      : (overallA || "\u2013") + " \u2192 " + (overallB || "\u2013")
  }];
  if (a.summary.verdict || b.summary.verdict) {
    rows.push({ label: "Verdict", before: a.summary.verdict || "\u2013",
                after: b.summary.verdict || "\u2013",
                change: a.summary.verdict === b.summary.verdict ? "no change" : "changed" });
  }
  ids.forEach(function (id) {
    const x = section(a, id), y = section(b, id);
    rows.push({ label: titles[id], before: summaryCell(x), after: summaryCell(y), change: change(x, y) });
  });
  return rows;
}
