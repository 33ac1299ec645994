/* A calibration drawn: what the engine's calibration (assessments/calibration.py)
 * returns, its sentences as they are. The discussion agenda comes first, in the engine's
 * order; then every competency in a table. A flagged disagreement says so in words and a
 * mark, never by colour alone. */

import { calibrationChart } from "./calibration-chart.js";
import { h } from "./dom.js";

function flagMark(row) {
  return row.flagged ? h("strong", { class: "pb-cal-flag" }, [
    h("span", { "aria-hidden": "true" }, "\u2691 "), "Flagged: ", String(row.flag_text)
  ]) : null;
}

/** The calibration `view` as elements; `spec` (the assessment's) gives the chart its
 *  scale, `width` its room. */
export function calibrationBlock(view, spec, width) {
  const own = String(view.labels[0]), other = String(view.labels[1]);
  const rows = {};
  view.rows.forEach(function (r) { rows[r.question] = r; });
  return h("div", { class: "pb-calibration-view" }, [
    h("p", {}, String(view.role_text)),
    h("p", { class: "pb-calibration-flagged" }, String(view.flagged_text)),
    h("h4", {}, "Discussion agenda"),
    h("p", {}, String(view.agenda_text)),
    view.agenda.length ? h("ol", { class: "pb-agenda" }, view.agenda.map(function (qid) {
      const r = rows[qid];
      return h("li", { "data-question": qid, class: r.flagged ? "pb-agenda--flagged" : null }, [
        h("strong", {}, String(r.name)), ": ",
        String(r.agenda_text),
        r.flagged ? [" ", flagMark(r)] : null
      ]);
    })) : null,
    calibrationChart(view, spec, width),
    h("h4", {}, "Every competency"),
    h("div", { class: "pb-table-scroll", tabindex: "0", role: "region",
               "aria-label": "Every competency" },
      h("table", { class: "pb-calibration-table" }, [
        h("thead", {}, h("tr", {}, ["Competency", own, other, "Target", own + ": gap",
                                    other + ": gap", "Apart"].map(function (c) {
          return h("th", { scope: "col" }, c);
        }))),
        h("tbody", {}, view.rows.map(function (r) {
          return h("tr", { "data-question": r.question,
                           class: r.flagged ? "pb-calibration--flagged" : null }, [
            h("th", { scope: "row" }, String(r.name)),
            h("td", {}, String(r.own_text)), h("td", {}, String(r.other_text)),
            h("td", {}, String(r.target_text)), h("td", {}, String(r.own_gap_text)),
            h("td", {}, String(r.other_gap_text)),
            h("td", {}, [String(r.apart_text), r.flagged ? [" ", h("strong", { class: "pb-cal-flag" }, [
              h("span", { "aria-hidden": "true" }, "\u2691 "), "Flagged"])] : null])
          ]);
        }))
      ])),
    view.read_notes && view.read_notes.length
      ? h("div", { class: "pb-notice pb-notice--info pb-read-notes" }, [
        h("p", {}, "Reading the files"),
        h("ul", {}, view.read_notes.map(function (n) { return h("li", {}, String(n)); }))
      ]) : null
  ]);
}
