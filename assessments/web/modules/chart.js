/* The chart of a result section's scores, and the same numbers as a table. */

import { svg, h, append } from "./dom.js";
import { bandText, colourOf, num } from "./words.js";

/** How to read one chart entry's number, as the engine words it. */
function valueText(section, entry) {
  return typeof entry.text === "string" ? entry.text : "";
}

/** The line that sums up a section's score, as the engine words it, or null. */
export function scoreText(section) {
  return typeof section.score_text === "string" && section.score_text ? section.score_text : null;
}

/** The share of a stage's statements needed to reach it (cumulative stages), or null. */
function stageThreshold(w, section) {
  if (section.rule !== "cumulative-stages" || !w.spec) { return null; }
  var found = w.spec.sections.filter(function (s) { return s.id === section.id; })[0];
  var t = found ? Number(found.threshold) : NaN;
  return isFinite(t) && t > 0 && t <= 1 ? t : null;
}

/** A horizontal bar chart: a label line per entry, then its bar (and target marker). */
export function chart(w, section, scores) {
  var width = Math.max(280, Math.min(760, Math.round(w.results.clientWidth || 640)));
  var labelH = 18, barH = 14, gap = 12, rowH = labelH + barH + gap, charW = 7.2;
  var hasTarget = scores.some(function (e) { return typeof e.target === "number"; });
  var hasBelow = scores.some(function (e) { return e.below_target; });
  var threshold = stageThreshold(w, section);
  var legend = [];
  if (hasTarget) {
    legend.push({ kind: "bar", text: "your rating" }, { kind: "target", text: "target for the role" });
  }
  if (hasBelow) { legend.push({ kind: "gap", text: "short of the target" }); }
  if (threshold !== null) {
    legend.push({ kind: "threshold", text: Math.round(threshold * 100) + "% needed to reach a stage" });
  }
  var height = scores.length * rowH + (legend.length ? 22 : 0);
  var description = section.title + ": " + scores.map(function (e) {
    return e.label + " " + valueText(section, e);
  }).join("; ") + (threshold !== null ? "; " + Math.round(threshold * 100) + "% needed" : "");
  var el = svg("svg", {
    class: "pb-chart", role: "img", "aria-label": "Bar chart of " + description,
    viewBox: "0 0 " + width + " " + height, width: "100%", preserveAspectRatio: "xMinYMin meet",
    focusable: "false"
  }, svg("title", {}, "Bar chart: " + section.title));
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
    var value = valueText(section, entry);
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
    append(el, svg("text", { class: "pb-chart-value", x: lx + 26, y: ly + 12 }, item.text));
    lx += 26 + item.text.length * charW + 20;
  });
  return el;
}

/** The chart's numbers as a table: for screen readers on screen, and for print. */
export function scoreTable(section, scores) {
  var hasBand = scores.some(function (e) { return e.band; });
  var hasTarget = scores.some(function (e) { return typeof e.target === "number"; });
  return h("table", { class: "pb-score-table pb-sr-only pb-print-only" }, [
    h("caption", {}, "Scores: " + section.title),
    h("thead", {}, h("tr", {}, [
      h("th", { scope: "col" }, "Item"), h("th", { scope: "col" }, "Score"),
      h("th", { scope: "col" }, "Out of"),
      hasTarget ? h("th", { scope: "col" }, "Target") : null,
      hasBand ? h("th", { scope: "col" }, "Band") : null
    ])),
    h("tbody", {}, scores.map(function (e) {
      var answered = typeof e.value === "number";
      return h("tr", {}, [
        h("th", { scope: "row" }, e.label),
        h("td", {}, !answered ? "not answered"
          : section.rule === "cumulative-stages" ? Math.round(e.value) + "%" : num(e.value)),
        h("td", {}, section.rule === "cumulative-stages" ? "100%" : num(e.max)),
        hasTarget ? h("td", {}, typeof e.target === "number"
          ? num(e.target) + (e.below_target ? " (below target)" : "") : "\u2013") : null,
        hasBand ? h("td", {}, e.band ? bandText(e.band) : "\u2013") : null
      ]);
    }))
  ]);
}
