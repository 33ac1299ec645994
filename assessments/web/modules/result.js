/* The result view: what the engine returned, drawn below the questions. The engine words
 * the result; this only renders it. */

import { append, clear, h, link } from "./dom.js";
import { focusQuestion } from "./form.js";
import { chart, scoreTable, scoreText } from "./chart.js";
import { adviceList, planBlock } from "./plan.js";
import { bandText, capitalise, colourOf, listed, plural } from "./words.js";

/** A band as a badge, in its colour when it has one. */
function bandBadge(band, extra, text) {
  const colour = colourOf(band);
  return h("span", { class: "pb-badge" + (colour ? " pb-band--" + colour : "") +
                            (extra ? " " + extra : "") }, text || bandText(band));
}

export function render(w, r) {
  if (w.placeholder) { w.placeholder.remove(); w.placeholder = null; }
  var sections = Array.isArray(r.sections) ? r.sections : [];
  var parts = [headline(w, r), issuesList(w, r)];
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
  var text = (r.overall ? "Result: " + r.overall.label + "."
              : r.complete ? "Results by part below." : "No result yet.") +
    (r.verdict ? " " + r.verdict.label + "." : "") +
    " Answered " + r.answered + " of " + r.total + ".";
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
    ? listed(tied.map(function (t) { return link(t.url, t.label); })).concat(" fit equally")
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
  var roleInfo = null;
  if (r.role && w.spec && Array.isArray(w.spec.roles)) {
    var role = w.spec.roles.filter(function (x) { return x.id === r.role; })[0];
    if (role) { roleInfo = [" Compared with the targets for ", link(role.url, role.title), "."]; }
  }
  var progress = h("p", { class: "pb-answered" }, [
    "Answered " + r.answered + " of " + plural(r.total, "question") +
      (r.complete ? "." : ": the result firms up as you answer the rest."),
    roleInfo
  ]);
  append(box, progress);
  if (!r.complete && Array.isArray(r.unanswered) && r.unanswered.length) {
    append(box, h("p", { class: "pb-answered" }, h("button", {
      type: "button", class: "pb-link-button",
      onclick: function () { focusQuestion(w, r.unanswered[0]); }
    }, "Go to the first unanswered question")));
  }
  return box;
}

function questionText(w, qid) {
  if (qid === "role") { return "Role"; }
  if (!w.spec) { return qid; }
  for (var i = 0; i < w.spec.sections.length; i += 1) {
    var qs = w.spec.sections[i].questions || [];
    for (var j = 0; j < qs.length; j += 1) { if (qs[j].id === qid) { return qs[j].text; } }
  }
  return qid;
}

function issuesList(w, r) {
  if (!Array.isArray(r.issues) || !r.issues.length) { return null; }
  return h("div", { class: "pb-notice pb-notice--info pb-issues" }, [
    h("p", { class: "pb-issues-title" }, "Note"),
    h("ul", {}, r.issues.map(function (issue) {
      var where = issue.question ? questionText(w, issue.question) + ": " : "";
      return h("li", {}, where + capitalise(String(issue.message || "")));
    }))
  ]);
}

function sectionBlock(w, r, section) {
  var lines = [];
  var overallSummary = r.overall ? r.overall.summary : null;
  var score = scoreText(section);
  var band = section.band;
  if (section.stage && section.rule !== "dimension-mean") {
    lines.push(h("p", { class: "pb-section-result" }, [
      section.stage_label + ": ", h("strong", {}, link(section.stage.url, section.stage.name)),
      score ? " (" + score + ")" : null
    ]));
  } else if (score || band) {
    lines.push(h("p", { class: "pb-section-result" }, [
      score, score && band ? ": " : null,
      band ? (colourOf(band) ? bandBadge(band, "pb-section-band-badge", section.band_text)
                             : h("strong", {}, section.band_text)) : null
    ]));
  }
  if (band && band.summary && band.summary !== overallSummary) {
    lines.push(h("p", { class: "pb-section-band" }, band.summary));
  }
  if (Array.isArray(section.categories) && section.categories.length) {
    lines.push(h("p", { class: "pb-categories" }, ["Averages: "].concat(
      section.categories.map(function (c, i) {
        return [i ? " \u00b7 " : "", c.label + " ", h("strong", {}, String(c.text))];
      }))));
  }
  var scores = Array.isArray(section.scores) ? section.scores : [];
  if (!scores.length && !lines.length) {
    lines.push(h("p", { class: "pb-section-result" },
                 "Nothing to show yet: answer the questions of this part."));
  }
  var groups = Array.isArray(section.groups) ? section.groups : [];
  return h("section", { class: "pb-result-section" }, [
    h("h3", {}, section.title),
    lines,
    groups.length ? groupTree(groups, section.title) : null,
    scores.length ? chart(w, section, scores) : null,
    scores.length ? scoreTable(section, scores) : null
  ]);
}

/** Groups and their members (groups or dimensions), nested, each with its score and band. */
function groupTree(items, title) {
  return h("ul", { class: "pb-groups", "aria-label": title ? "Scores by group: " + title : null },
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
  if (!advice.length && r.complete) { return null; }
  return h("section", { class: "pb-next" }, [
    h("h3", {}, "What to do next"),
    advice.length ? adviceList(advice) : h("p", {}, "Advice appears here as you answer.")
  ]);
}

