/* A calibration's chart: per competency, the person's own rating (a circle), the other's
 * (a diamond), the line between them, and the role's target (a tick), on the questions'
 * scale. The same numbers are in the agenda and the table, so the chart is never the only
 * place to read them; a flagged competency is marked in its label, not by colour alone. */

import { svg } from "./dom.js";
import { diamond, rowsChart } from "./range-chart.js";
import { place } from "./team-numbers.js";

const LABEL_H = 18, MARK_H = 16, GAP = 10, PAD = 8;

function finite(value) { return typeof value === "number" && isFinite(value); }

/** {lo, hi}: from the lowest to the highest option of the skills questions, holding every
 *  rating and target shown. */
function scaleOf(spec, rows) {
  const values = [];
  ((spec && spec.sections) || []).forEach(function (s) {
    (s.questions || []).forEach(function (q) {
      (q.options || []).forEach(function (o) { if (finite(o.value)) { values.push(o.value); } });
    });
  });
  rows.forEach(function (r) {
    [r.own && r.own.value, r.other && r.other.value, r.target].forEach(function (v) {
      if (finite(v)) { values.push(v); }
    });
  });
  const lo = values.length ? Math.min.apply(null, values) : 0;
  const hi = values.length ? Math.max.apply(null, values) : 1;
  return { lo: lo, hi: hi > lo ? hi : lo + 1 };
}

function circle(x, y) { return svg("circle", { class: "pb-cal-own", cx: x.toFixed(1), cy: y, r: 6 }); }

/** The chart of a calibration `view` (assessments/calibration.py), or null when no
 *  competency is rated by both; `spec` gives the scale, `width` the room. */
export function calibrationChart(view, spec, width) {
  const rows = view.rows.filter(function (r) { return r.own || r.other; });
  if (!rows.length) { return null; }
  const scale = scaleOf(spec, rows);
  const own = String(view.labels[0]), other = String(view.labels[1]);
  const title = "Both ratings and the target, per competency";
  return rowsChart({
    classes: "pb-cal-chart", title: title, rows: rows, rowHeight: LABEL_H + MARK_H + GAP,
    inset: PAD + 6, width: width, scale: scale, keyClass: "pb-cal-legend",
    label: title + ". " + rows.map(function (r) { return r.name + ": " + r.agenda_text; }).join(" "),
    key: [
      [function (x, mid) { return circle(x + 11, mid); }, own],
      [function (x, mid) { return svg("path", { class: "pb-cal-other", d: diamond(x + 11, mid) }); }, other],
      [function (x, mid) { return svg("line", { class: "pb-cal-target", x1: x + 11, x2: x + 11, y1: mid - 8, y2: mid + 8 }); },
       "Target"]
    ],
    row: function (r, y, x0, x1) { return rowMarks(r, y, scale, x0, x1); }
  });
}

function rowMarks(r, y, scale, x0, x1) {
  const mid = y + LABEL_H + MARK_H / 2;
  const at = function (v) { return place(v, scale, x0, x1); };
  const a = r.own ? at(r.own.value) : null, b = r.other ? at(r.other.value) : null;
  return [
    svg("text", { class: "pb-chart-label", x: 0, y: y + 13 },
        (r.flagged ? "\u2691 " : "") + String(r.name)),
    svg("line", { class: "pb-range-track", x1: x0, x2: x1, y1: mid, y2: mid }),
    a !== null && b !== null
      ? svg("line", { class: "pb-cal-apart" + (r.flagged ? " pb-cal-apart--flagged" : ""),
                      x1: a.toFixed(1), x2: b.toFixed(1), y1: mid, y2: mid }) : null,
    finite(r.target) ? svg("line", { class: "pb-cal-target", x1: at(r.target).toFixed(1),
                                     x2: at(r.target).toFixed(1), y1: mid - 9, y2: mid + 9 }) : null,
    a !== null ? circle(a, mid) : null,
    b !== null ? svg("path", { class: "pb-cal-other", d: diamond(b, mid) }) : null
  ];
}
