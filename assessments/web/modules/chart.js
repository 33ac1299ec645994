/* The chart of a result section's scores, and the same numbers as a table: drawn here,
 * worded by the engine (the section's `chart` and `table`, each entry's `text`). */

import { svg, h, append } from "./dom.js";
import { colourOf } from "./words.js";

/** How to read one chart entry's number, as the engine words it. */
function valueText(entry) {
  return typeof entry.text === "string" ? entry.text : "";
}

/** The share of a stage's statements needed to reach it (cumulative stages), or null. */
function stageThreshold(words) {
  var t = Number(words.threshold);
  return words.threshold !== null && isFinite(t) && t > 0 && t <= 1 ? t : null;
}

/** A horizontal bar chart: a label line per entry, then its bar (and target marker). */
export function chart(w, section, scores) {
  var width = Math.max(280, Math.min(760, Math.round(w.results.clientWidth || 640)));
  var labelH = 18, barH = 14, gap = 12, rowH = labelH + barH + gap, charW = 7.2;
  var hasBelow = scores.some(function (e) { return e.below_target; });
  var words = section.chart;
  var threshold = stageThreshold(words);
  var legend = Array.isArray(words.legend) ? words.legend : [];
  var height = scores.length * rowH + (legend.length ? 22 : 0);
  var el = svg("svg", {
    class: "pb-chart", role: "img", "aria-label": String(words.label),
    viewBox: "0 0 " + width + " " + height, width: "100%", preserveAspectRatio: "xMinYMin meet",
    focusable: "false"
  }, svg("title", {}, String(words.title)));
  el.style.maxWidth = width + "px";
  if (hasBelow) {
    var hatch = w.id + "--hatch-" + section.id;
    append(el, svg("defs", {}, svg("pattern", {
      id: hatch, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)"
    }, svg("line", { class: "pb-chart-hatch", x1: 0, y1: 0, x2: 0, y2: 6 }))));
  }
  var gapFill = hasBelow ? "url(#" + w.id + "--hatch-" + section.id + ")" : null;
  scores.forEach(function (entry, i) {
    var y = i * rowH;
    var value = valueText(entry);
    var room = Math.floor((width - value.length * charW - 20) / charW);
    var label = String(entry.label);
    if (label.length > room) { label = label.slice(0, Math.max(4, room - 1)).trimEnd() + "\u2026"; }
    var max = typeof entry.max === "number" && entry.max > 0 ? entry.max : 1;
    var ratio = typeof entry.value === "number" ? Math.max(0, Math.min(1, entry.value / max)) : 0;
    var colour = colourOf(entry.band);
    append(el, [
      svg("text", { class: "pb-chart-label", x: 0, y: y + 13 }, [
        label, label !== entry.label ? svg("title", {}, entry.label) : null
      ]),
      svg("text", { class: "pb-chart-value", x: width, y: y + 13, "text-anchor": "end" }, value),
      svg("rect", { class: "pb-chart-track", x: 0, y: y + labelH, width: width, height: barH, rx: 2 }),
      ratio > 0 ? svg("rect", { class: "pb-chart-bar" + (colour ? " pb-band--" + colour : ""),
                                x: 0, y: y + labelH, width: (width * ratio).toFixed(1),
                                height: barH, rx: 2 }) : null
    ]);
    if (typeof entry.target === "number") {
      var tx = Math.max(3, Math.min(width - 3, width * Math.min(1, entry.target / max)));
      if (entry.below_target) {
        // The shortfall, from the rating to the target: a hatched, outlined stretch.
        var bx = width * ratio;
        append(el, svg("rect", { class: "pb-chart-gap", fill: gapFill, x: bx.toFixed(1), y: y + labelH + 1,
                                 width: Math.max(0, tx - bx).toFixed(1), height: barH - 2 }));
      }
      append(el, svg("rect", { class: "pb-chart-target", x: (tx - 2.5).toFixed(1), y: y + labelH - 4,
                               width: 5, height: barH + 8, rx: 1 }));
    }
    if (threshold !== null) {
      var hx = Math.min(width - 1, width * threshold).toFixed(1);
      append(el, svg("line", { class: "pb-chart-threshold", x1: hx, x2: hx,
                               y1: y + labelH - 3, y2: y + labelH + barH + 3 }));
    }
  });
  var lx = 0, ly = scores.length * rowH + 4;
  legend.forEach(function (item) {
    if (item.kind === "bar") {
      append(el, svg("rect", { class: "pb-chart-bar", x: lx, y: ly + 2, width: 20, height: 10, rx: 2 }));
    } else if (item.kind === "target") {
      append(el, svg("rect", { class: "pb-chart-target", x: lx + 8, y: ly, width: 5, height: 14, rx: 1 }));
    } else if (item.kind === "gap") {
      append(el, svg("rect", { class: "pb-chart-gap", fill: gapFill, x: lx, y: ly + 3, width: 20, height: 8 }));
    } else {
      append(el, svg("line", { class: "pb-chart-threshold", x1: lx + 10, x2: lx + 10,
                               y1: ly, y2: ly + 14 }));
    }
    var text = String(item.text);
    append(el, svg("text", { class: "pb-chart-value", x: lx + 26, y: ly + 12 }, text));
    lx += 26 + text.length * charW + 20;
  });
  return el;
}

/** The chart's numbers as a table, as the engine words it ({caption, columns, rows}; a
 *  row's first cell names it): for screen readers on screen, and for print. */
export function scoreTable(table) {
  return h("table", { class: "pb-score-table pb-sr-only pb-print-only" }, [
    h("caption", {}, String(table.caption)),
    h("thead", {}, h("tr", {}, table.columns.map(function (column) {
      return h("th", { scope: "col" }, String(column));
    }))),
    h("tbody", {}, table.rows.map(function (cells) {
      return h("tr", {}, cells.map(function (cell, i) {
        return h(i ? "td" : "th", i ? {} : { scope: "row" }, String(cell));
      }));
    }))
  ]);
}
