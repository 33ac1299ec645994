/* The debrief the engine returns (assessments/debrief.py), drawn: its sentences, a table of
 * every criterion with each interviewer's rating, mean and spread (disagreements first,
 * as the engine orders them), and the notes side by side. Nothing here words a result. */

import { h } from "./dom.js";
import { num } from "./words.js";

function person(entry) { return entry.interviewer + " (" + entry.round + ")"; }

function wide(table) { return h("div", { class: "pb-wide-table" }, table); }

function criterionCell(criterion) {
  return h("th", { scope: "row" }, [
    criterion.flagged ? h("span", { class: "pb-flag-mark", "aria-hidden": "true" }, "\u2691 ") : null,
    criterion.name,
    criterion.section ? h("small", { class: "pb-category" }, criterion.section) : null,
    criterion.flag_text ? h("span", { class: "pb-flag-text" }, criterion.flag_text) : null
  ]);
}

function ratingsTable(view) {
  return wide(h("table", { class: "pb-debrief-table" }, [
    h("caption", {}, "Ratings by criterion"),
    h("thead", {}, h("tr", {}, [
      h("th", { scope: "col" }, "Criterion"),
      view.interviewers.map(function (i) { return h("th", { scope: "col", class: "pb-num" }, person(i)); }),
      h("th", { scope: "col", class: "pb-num" }, "Mean"),
      h("th", { scope: "col", class: "pb-num" }, "Spread")
    ])),
    h("tbody", {}, view.criteria.map(function (c) {
      return h("tr", { class: c.flagged ? "pb-flagged" : null, "data-criterion": c.id }, [
        criterionCell(c),
        c.ratings.map(function (r) { return h("td", { class: "pb-num" }, num(r.rating)); }),
        h("td", { class: "pb-num" }, num(c.mean)),
        h("td", { class: "pb-num" }, num(c.spread))
      ]);
    })),
    h("tfoot", {}, h("tr", {}, [
      h("th", { scope: "row" }, "Total"),
      view.interviewers.map(function (i) { return h("td", { class: "pb-num" }, num(i.total)); }),
      h("td", { class: "pb-num" }, num(view.score)),
      h("td", {}, "")
    ]))
  ]));
}

function notesTable(view) {
  if (!view.notes.length) { return null; }
  return [h("h4", {}, "Notes side by side"), wide(h("table", { class: "pb-debrief-notes" }, [
    h("thead", {}, h("tr", {}, [
      h("th", { scope: "col" }, "Note"),
      view.interviewers.map(function (i) { return h("th", { scope: "col" }, person(i)); })
    ])),
    h("tbody", {}, view.notes.map(function (note) {
      return h("tr", {}, [
        h("th", { scope: "row" }, note.field),
        note.texts.map(function (t) { return h("td", {}, t.text || "\u2013"); })
      ]);
    }))
  ]))];
}

/** The elements that show `view`, a debrief as the engine's debrief_json returns it. */
export function debriefView(view) {
  const recommendation = view.recommendation;
  return [
    h("h3", {}, "Combined result"),
    h("p", { class: "pb-debrief-who" }, view.interviewers_text),
    h("div", { class: "pb-headline" }, [
      h("p", {}, view.score_text),
      h("p", { class: "pb-debrief-recommendation" }, h("strong", {}, view.recommendation_text)),
      recommendation ? h("p", { class: "pb-debrief-guidance" }, recommendation.guidance) : null
    ]),
    h("p", { class: "pb-debrief-disagreements" }, view.disagreements_text),
    ratingsTable(view),
    notesTable(view),
    (view.read_notes || []).length
      ? h("div", { class: "pb-notice pb-notice--info" },
          h("ul", {}, view.read_notes.map(function (n) { return h("li", {}, n); })))
      : null
  ];
}
