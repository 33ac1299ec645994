/* The team view drawn: what the engine's team view (assessments/team.py) returns, its
 * sentences as they are, a range chart per section and the answers per question as tables.
 * Nothing here composes a result sentence. */

import { h } from "./dom.js";
import { rangeChart } from "./range-chart.js";
import { answerGroups, topCount } from "./team-numbers.js";

function specSection(w, id) {
  const sections = (w.spec && w.spec.sections) || [];
  return sections.filter(function (s) { return s.id === id; })[0] || null;
}

/** The team view `view` as elements, for the assessment of widget state `w`. */
export function teamViewBlock(w, view, width) {
  return h("div", { class: "pb-team-view", "data-people": String(view.people) }, [
    h("p", { class: "pb-team-people" }, String(view.people_text)),
    view.sections.map(function (s) { return sectionBlock(w, s, width); }),
    h("h4", {}, "Where the team disagrees most"),
    h("ul", { class: "pb-team-disagreements" }, view.disagreements_text.map(function (t) {
      return h("li", {}, String(t));
    })),
    answersBlock(view.questions),
    notesBlock(view.read_notes)
  ]);
}

function sectionBlock(w, section, width) {
  const dims = section.dimensions || [];
  return h("section", { class: "pb-team-section", "data-section": section.id }, [
    h("h4", {}, String(section.title)),
    h("p", { class: "pb-team-stats" }, String(section.text)),
    section.team_text ? h("p", { class: "pb-team-band" }, String(section.team_text)) : null,
    section.distribution_text
      ? h("p", { class: "pb-team-distribution" }, String(section.distribution_text)) : null,
    rangeChart(section, specSection(w, section.id), width),
    dims.length ? h("ul", { class: "pb-team-dimensions" }, dims.map(dimensionItem)) : null
  ]);
}

function dimensionItem(d) {
  return h("li", { "data-dimension": d.id }, [
    h("span", { class: "pb-team-label" }, String(d.label)), ": ",
    h("span", { class: "pb-team-numbers" }, String(d.text)),
    d.distribution_text ? h("span", { class: "pb-team-distribution" },
                            [" (", String(d.distribution_text), ")"]) : null
  ]);
}

/** Answers per question: a table per run of questions with the same options, a column per
 *  option, the most chosen answer in bold; each row ends with the engine's spread. */
function answersBlock(questions) {
  if (!questions.length) { return null; }
  return [
    h("h4", {}, "Answers per question"),
    answerGroups(questions).map(function (group) {
      return h("div", { class: "pb-table-scroll", tabindex: "0", role: "region",
                        "aria-label": "Answers per question" },
        h("table", { class: "pb-team-answers" }, [
          h("thead", {}, h("tr", {}, [h("th", { scope: "col" }, "Question")].concat(
            group.labels.map(function (l) { return h("th", { scope: "col" }, l); }),
            [h("th", { scope: "col" }, "Spread")]))),
          h("tbody", {}, group.questions.map(questionRow))
        ]));
    })
  ];
}

function questionRow(q) {
  const top = topCount(q);
  return h("tr", { "data-question": q.id }, [
    h("th", { scope: "row" }, String(q.text))
  ].concat(q.counts.map(function (c) {
    const most = top > 0 && c.count === top;
    return h("td", { class: "pb-count" + (most ? " pb-count--top" : ""), "data-option": c.id },
             most ? h("strong", {}, String(c.count)) : String(c.count));
  }), [h("td", { class: "pb-team-spread" }, q.spread_text ? String(q.spread_text) : "\u2013")]));
}

function notesBlock(notes) {
  if (!notes || !notes.length) { return null; }
  return h("div", { class: "pb-notice pb-notice--info pb-read-notes" }, [
    h("p", {}, "Reading the files"),
    h("ul", {}, notes.map(function (n) { return h("li", {}, String(n)); }))
  ]);
}
