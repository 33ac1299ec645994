/* A team view's chart of one section: per dimension, the range of the team's numbers
 * (minimum to maximum, a line), the middle half (lower to upper quartile, a box) and the
 * median (a mark), on the section's scale. The same numbers are in the view's text, so the
 * chart is never the only place to read them. */

import { append, svg } from "./dom.js";
import { chartRows, place, sectionScale, ticks } from "./team-numbers.js";

const LABEL_H = 18, BAR_H = 16, GAP = 12, AXIS_H = 26, PAD = 8;
const LEGEND = [
  [function (x, mid) { return svg("line", { class: "pb-range-line", x1: x, x2: x + 22, y1: mid, y2: mid }); },
   "Minimum to maximum"],
  [function (x, mid) { return svg("rect", { class: "pb-range-box", x: x, y: mid - 6, width: 22, height: 12 }); },
   "Middle half"],
  [function (x, mid) { return svg("path", { class: "pb-range-median", d: diamond(x + 11, mid) }); },
   "Median"]
];

/** The chart of `section` (a section of the engine's team view), or null when no one has
 *  a number in it. `specSection` gives the scale; `width` the room it has. */
export function rangeChart(section, specSection, width) {
  const rows = chartRows(section);
  if (!rows.length) { return null; }
  const scale = sectionScale(specSection, section);
  const spoken = rows.map(function (r) { return r.label + ": " + r.text; }).join("; ");
  return rowsChart({
    title: section.title, label: section.title + ". " + spoken, rows: rows,
    rowHeight: LABEL_H + BAR_H + GAP, inset: PAD, width: width, scale: scale,
    key: LEGEND, keyClass: "pb-range-legend",
    row: function (row, y, x0, x1) { return rowMarks(row, y, scale, x0, x1); }
  });
}

/**
 * A chart of rows on one scale, under them its axis and its key: `c` gives the `rows`,
 * the `row(row, y, x0, x1)` that draws one at height `y` between `x0` and `x1`, each
 * row's `rowHeight`, the `scale`, the `key` (as `legend` takes it) and its `keyClass`,
 * the room (`width`) and how far the scale is set in from its edges (`inset`), the
 * chart's `title`, its spoken `label`, and any more `classes`.
 */
export function rowsChart(c) {
  const w = Math.max(280, Math.min(760, Math.round(c.width || 640)));
  const x0 = c.inset, x1 = w - c.inset;
  const top = c.rows.length * c.rowHeight;
  const key = legend(c.key, top + AXIS_H, w);
  const height = top + AXIS_H + key.height;
  const el = svg("svg", {
    class: "pb-chart pb-range-chart" + (c.classes ? " " + c.classes : ""), role: "img",
    "aria-label": c.label, viewBox: "0 0 " + w + " " + height, width: "100%",
    preserveAspectRatio: "xMinYMin meet", focusable: "false"
  }, svg("title", {}, c.title));
  el.style.maxWidth = w + "px";
  c.rows.forEach(function (row, i) { append(el, c.row(row, i * c.rowHeight, x0, x1)); });
  append(el, axis(c.scale, top, x0, x1));
  append(el, svg("g", { class: c.keyClass }, key.marks));
  return el;
}

function rowMarks(row, y, scale, x0, x1) {
  const mid = y + LABEL_H + BAR_H / 2;
  const at = function (v) { return place(v, scale, x0, x1).toFixed(1); };
  const boxFrom = place(row.q1, scale, x0, x1), boxTo = place(row.q3, scale, x0, x1);
  const m = place(row.median, scale, x0, x1);
  return [
    svg("text", { class: "pb-chart-label", x: 0, y: y + 13 }, String(row.label)),
    svg("line", { class: "pb-range-track", x1: x0, x2: x1, y1: mid, y2: mid }),
    svg("line", { class: "pb-range-line", x1: at(row.min), x2: at(row.max), y1: mid, y2: mid }),
    svg("line", { class: "pb-range-end", x1: at(row.min), x2: at(row.min), y1: mid - 5, y2: mid + 5 }),
    svg("line", { class: "pb-range-end", x1: at(row.max), x2: at(row.max), y1: mid - 5, y2: mid + 5 }),
    svg("rect", { class: "pb-range-box", x: boxFrom.toFixed(1), y: y + LABEL_H,
                  width: Math.max(2, boxTo - boxFrom).toFixed(1), height: BAR_H }),
    svg("path", { class: "pb-range-median", d: diamond(m, mid) })
  ];
}

export function diamond(x, y) {
  return "M" + x.toFixed(1) + " " + (y - 7) + " l6 7 l-6 7 l-6 -7 z";
}

/** The axis of `scale` from `x0` to `x1`, at `y`: a line, and its whole numbers. */
function axis(scale, y, x0, x1) {
  const marks = [svg("line", { class: "pb-range-axis", x1: x0, x2: x1, y1: y + 4, y2: y + 4 })];
  ticks(scale).forEach(function (v) {
    const x = place(v, scale, x0, x1).toFixed(1);
    marks.push(svg("line", { class: "pb-range-axis", x1: x, x2: x, y1: y + 1, y2: y + 8 }),
               svg("text", { class: "pb-chart-value", x: x, y: y + 21, "text-anchor": "middle" },
                   String(Math.round(v * 100) / 100)));
  });
  return marks;
}

/** The key to a chart's marks, on as many lines as the width needs: `items` are
 *  [draw(x, middle) -> mark, label]; returns {marks, height}. */
function legend(items, top, width) {
  let x = 0, y = top;
  const marks = items.map(function (item) {
    const room = 28 + item[1].length * 7.2;
    if (x > 0 && x + room > width) { x = 0; y += 22; }
    const mid = y + 10;
    const text = svg("text", { class: "pb-chart-value", x: x + 28, y: mid + 4 }, item[1]);
    const mark = item[0](x, mid);
    x += room + 18;
    return [mark, text];
  });
  return { marks: marks, height: y - top + 24 };
}
