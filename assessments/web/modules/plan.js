/* The development plan of a skills-gap section, and advice lists: drawn here, worded by
 * the engine. */

import { append, h, link } from "./dom.js";

export function planBlock(section) {
  var plan = Array.isArray(section.plan) ? section.plan : [];
  var block = h("section", { class: "pb-plan" }, [
    h("h3", {}, "Your development plan"),
    // What the plan holds, as the engine words it.
    section.plan_text ? h("p", {}, String(section.plan_text)) : null
  ]);
  if (!plan.length) { return block; }
  var table = h("table", { class: "pb-plan-table" }, [
    h("thead", {}, h("tr", {}, ["Priority", "Skill", "Your rating", "Target", "Gap",
                                "Resources and links"].map(function (t) {
      return h("th", { scope: "col" }, t);
    }))),
    h("tbody", {}, plan.map(function (row) {
      var competency = row.competency || null;
      var links = [];
      if (competency && competency.url) { links.push({ title: competency.title, url: competency.url }); }
      (row.links || []).forEach(function (l) {
        if (l && l.url && !links.some(function (x) { return x.url === l.url; })) { links.push(l); }
      });
      var resources = competency && Array.isArray(competency.resources) ? competency.resources : [];
      // "High priority - develop now": the first part as a badge, the rest below it.
      var label = row.priority ? String(row.priority.label) : "";
      var cut = label.indexOf(" \u2013 ");
      return h("tr", {}, [
        h("td", { "data-label": "Priority" }, row.priority ? [
          h("span", { class: "pb-priority pb-priority--" + row.priority.id },
            cut === -1 ? label : label.slice(0, cut)),
          cut === -1 ? null : h("small", { class: "pb-priority-when" }, label.slice(cut + 3))
        ] : "\u2013"),
        h("th", { scope: "row" }, [
          row.name, row.category ? h("small", { class: "pb-category" }, row.category) : null
        ]),
        h("td", { "data-label": "Your rating" }, String(row.rating_text)),
        h("td", { "data-label": "Target" }, String(row.target_text)),
        h("td", { class: "pb-num", "data-label": "Gap" }, String(row.gap_text)),
        h("td", { "data-label": "Resources and links" }, [
          resources.length ? h("p", { class: "pb-resources" }, resources.map(function (r, i) {
            return [i ? "; " : "", String(r)];
          })) : null,
          links.length ? h("p", { class: "pb-plan-links" }, ["Read: "].concat(links.map(function (l, i) {
            return [i ? ", " : "", link(l.url, l.title || l.url)];
          }))) : null,
          !resources.length && !links.length ? "\u2013" : null
        ])
      ]);
    }))
  ]);
  append(block, h("div", { class: "pb-wide-table" }, table));
  // The advice of each priority present, once: how to work on those skills.
  var seen = {};
  plan.forEach(function (row) {
    if (!row.priority || seen[row.priority.id]) { return; }
    seen[row.priority.id] = true;
    var advice = Array.isArray(row.advice) ? row.advice : [];
    append(block, h("div", { class: "pb-priority-advice" }, [
      h("h4", {}, row.priority.label),
      row.priority.summary ? h("p", {}, row.priority.summary) : null,
      advice.length ? adviceList(advice) : null
    ]));
  });
  return block;
}

export function adviceList(advice) {
  return h("ul", { class: "pb-advice" }, advice.map(function (item) {
    var links = (item.links || []).filter(function (l) { return l && l.url; });
    return h("li", {}, [
      String(item.text || ""),
      links.length ? h("span", { class: "pb-advice-links" }, [" Read: "].concat(
        links.map(function (l, i) { return [i ? ", " : "", link(l.url, l.title || l.url)]; }))) : null
    ]);
  }));
}
