/* The result view: what the engine returned, drawn below the questions. The engine words
 * the result; this only renders it. */

import { append, clear, h, link } from "./dom.js";
import { focusQuestion } from "./form.js";
import { chart, scoreTable } from "./chart.js";
import { adviceList, planBlock } from "./plan.js";
import { colourOf, pieces } from "./words.js";

/** A band as a badge, in its colour when it has one, saying the engine's `text`. */
function bandBadge(band, extra, text) {
  const colour = colourOf(band);
  return h("span", { class: "pb-badge" + (colour ? " pb-band--" + colour : "") +
                            (extra ? " " + extra : "") }, String(text));
}

/** One of the engine's sentences as it is, its marks drawn: a name linked to its page
 *  ({url}), set in bold ({strong}), or a band's badge ({band}). */
function marked(text, marks) {
  return pieces(text, marks).map(function (piece) {
    var mark = piece.mark;
    if (!mark) { return piece.text; }
    if (mark.band) { return bandBadge(mark.band, mark.extra, piece.text); }
    var inner = mark.url ? link(mark.url, piece.text) : piece.text;
    return mark.strong ? h("strong", {}, inner) : inner;
  });
}

export function render(w, r) {
  if (w.placeholder) { w.placeholder.remove(); w.placeholder = null; }
  var sections = Array.isArray(r.sections) ? r.sections : [];
  var parts = [headline(w, r), issuesList(r)];
  sections.forEach(function (section) { parts.push(sectionBlock(w, r, section)); });
  sections.forEach(function (section) {
    if (section.rule === "skills-gap") { parts.push(planBlock(section)); }
  });
  parts.push(whyBlock(r, sections), adviceBlock(r));
  clear(w.body);
  append(w.body, parts);
  w.saveButton.disabled = false;
  announce(w, r);
}

/** The one line a screen reader hears after each change (only when it changes). */
function announce(w, r) {
  var text = String(r.announcement || "");
  if (w.announce.textContent !== text) { w.announce.textContent = text; }
}

function headline(w, r) {
  var o = r.overall;
  var box = h("div", { class: "pb-headline" });
  var words = r.headline || {};
  var tied = o && Array.isArray(o.tied) && o.tied.length > 1 ? o.tied : null;
  var colour = colourOf(o);
  if (colour) { box.className += " pb-tone pb-tone--" + colour; }
  // A tie names every outcome that fits equally, each linked to its page.
  var label = tied
    ? marked(words.label, tied.map(function (t) { return { text: t.label, url: t.url }; }))
    : o ? link(o.url, words.label) : words.label;
  append(box, [
    h("p", { class: "pb-headline-kicker" }, words.kicker),
    h("p", { class: "pb-headline-label" }, [
      colour ? h("span", { class: "pb-swatch", "aria-hidden": "true" }) : null,
      label,
      words.fit ? bandBadge(o.fit, null, words.fit) : null,
      words.score ? h("span", { class: "pb-headline-score" }, words.score) : null
    ]),
    words.summary ? h("p", { class: "pb-headline-summary" }, words.summary) : null
  ]);
  if (r.verdict) {
    append(box, h("div", { class: "pb-verdict" }, [
      h("p", { class: "pb-verdict-label" }, r.verdict.label),
      r.verdict.summary ? h("p", {}, r.verdict.summary) : null
    ]));
  }
  var role = r.role && w.spec && Array.isArray(w.spec.roles)
    ? w.spec.roles.filter(function (x) { return x.id === r.role; })[0] : null;
  var progress = h("p", { class: "pb-answered" }, [
    String(r.progress || ""),
    r.role_text ? [" ", marked(r.role_text, role ? [{ text: role.title, url: role.url }] : [])]
      : null
  ]);
  append(box, progress);
  if (!r.complete && !w.readOnly && Array.isArray(r.unanswered) && r.unanswered.length) {
    append(box, h("p", { class: "pb-answered" }, h("button", {
      type: "button", class: "pb-link-button",
      onclick: function () { focusQuestion(w, r.unanswered[0]); }
    }, "Go to the first unanswered question")));
  }
  return box;
}

function issuesList(r) {
  if (!Array.isArray(r.issues) || !r.issues.length) { return null; }
  return h("div", { class: "pb-notice pb-notice--info pb-issues" }, [
    h("p", { class: "pb-issues-title" }, "Note"),
    h("ul", {}, r.issues.map(function (issue) { return h("li", {}, String(issue.text || "")); }))
  ]);
}

/** Where a section's line marks its stage (bold, linked) or its band (a badge). */
function sectionMarks(section) {
  var text = String(section.result_text), band = section.band;
  if (section.stage && section.rule !== "dimension-mean") {
    return [{ text: section.stage.name, url: section.stage.url, strong: true,
              from: String(section.stage_label || "").length }];
  }
  if (!band || !section.band_text) { return []; }
  var from = Math.max(0, text.length - String(section.band_text).length);
  return [colourOf(band) ? { text: section.band_text, band: band, extra: "pb-section-band-badge", from: from }
                         : { text: section.band_text, strong: true, from: from }];
}

function sectionBlock(w, r, section) {
  var lines = [];
  var overallSummary = r.overall ? r.overall.summary : null;
  var band = section.band;
  if (section.result_text) {
    lines.push(h("p", { class: "pb-section-result" }, marked(section.result_text, sectionMarks(section))));
  }
  if (band && band.summary && band.summary !== overallSummary) {
    lines.push(h("p", { class: "pb-section-band" }, band.summary));
  }
  if (section.categories_text) {
    var marks = [];
    (section.categories || []).forEach(function (c) {
      marks.push({ text: c.label }, { text: c.text, strong: true });
    });
    lines.push(h("p", { class: "pb-categories" }, marked(section.categories_text, marks)));
  }
  if (section.empty_text) {
    lines.push(h("p", { class: "pb-section-result" }, String(section.empty_text)));
  }
  var scores = Array.isArray(section.scores) ? section.scores : [];
  var groups = Array.isArray(section.groups) ? section.groups : [];
  return h("section", { class: "pb-result-section" }, [
    h("h3", {}, section.title),
    lines,
    groups.length ? groupTree(groups, section.groups_label) : null,
    scores.length && section.chart ? chart(w, section, scores) : null,
    section.table ? scoreTable(section.table) : null
  ]);
}

/** Groups and their members (groups or dimensions), nested, each with its score and band. */
function groupTree(items, label) {
  return h("ul", { class: "pb-groups", "aria-label": label || null },
    items.map(function (item) {
      var members = Array.isArray(item.members) ? item.members : [];
      return h("li", { class: "pb-group pb-group--" + (item.kind === "group" ? "group" : "dimension"),
                       "data-id": String(item.id) }, [
        h("span", { class: "pb-group-label" }, String(item.label)),
        " ",
        h("span", { class: "pb-group-score" },
          String(item.text || "")),
        item.band ? bandBadge(item.band, "pb-group-band", item.band_text) : null,
        members.length ? groupTree(members, null) : null
      ]);
    }));
}

/** Why lines; lines indented with two spaces explain the line above them. */
function whyList(lines) {
  var list = h("ul", { class: "pb-why" });
  var last = null;
  lines.forEach(function (line) {
    var text = String(line);
    if (/^\s+/.test(text) && last) {
      var sub = last.querySelector("ul") || last.appendChild(h("ul"));
      append(sub, h("li", {}, text.trim()));
    } else {
      last = h("li", {}, text.trim());
      list.appendChild(last);
    }
  });
  return list;
}

function whyBlock(r, sections) {
  var withWhy = sections.filter(function (s) { return Array.isArray(s.why) && s.why.length; });
  if (!withWhy.length) {
    if (!Array.isArray(r.why) || !r.why.length) { return null; }
    return h("section", { class: "pb-why-block" }, [h("h3", {}, "Why this result"), whyList(r.why)]);
  }
  return h("section", { class: "pb-why-block" }, [h("h3", {}, "Why this result")].concat(
    withWhy.map(function (s) {
      return withWhy.length > 1 ? [h("h4", {}, s.title), whyList(s.why)] : whyList(s.why);
    })));
}

/** The advice the playbook wrote for this result; nothing when it wrote none. */
function adviceBlock(r) {
  var advice = (Array.isArray(r.advice) ? r.advice : []).filter(function (item) {
    return item && String(item.text || "").trim();
  });
  if (!advice.length && !r.advice_note) { return null; }
  return h("section", { class: "pb-next" }, [
    h("h3", {}, "What to do next"),
    advice.length ? adviceList(advice) : h("p", {}, String(r.advice_note))
  ]);
}

