/* The saved results of an assessment, as a table, and the comparison of two of them. */

import { append, button, clear, h } from "./dom.js";
import { comparison, entryLabel, overallText } from "./history.js";
import { showDate } from "./words.js";

/** Draw the table of saved results and, with two or more, the form that compares two. */
export function renderHistory(w) {
  clear(w.historyBox);
  clear(w.compareBox);
  const history = w.history;
  if (!history.length) {
    append(w.historyBox, h("p", { class: "pb-history-empty" },
      "No saved results yet. Save this result to compare it with a later one."));
    return;
  }
  append(w.historyBox, [h("h4", {}, "Saved results"), historyTable(history)]);
  if (history.length < 2) { return; }
  const pick = function (name, label, selected) {
    const select = h("select", { id: w.id + "--compare-" + name },
      history.map(function (entry, i) {
        return h("option", { value: entry.date, selected: i === selected }, entryLabel(entry, i));
      }));
    return [h("span", { class: "pb-compare-pick" }, [h("label", { for: select.id }, label), " ", select]),
            select];
  };
  const earlier = pick("a", "Compare", history.length - 2);
  const later = pick("b", "with", history.length - 1);
  const output = h("div", { class: "pb-compare-output" });
  append(w.compareBox, [
    h("h4", {}, "Compare two saved results"),
    h("div", { class: "pb-compare-form" }, [
      earlier[0], later[0],
      button("Compare", function () { compare(w, earlier[1].value, later[1].value, output); })
    ]),
    output
  ]);
}

function historyTable(history) {
  const hasVerdict = history.some(function (e) { return e.summary.verdict; });
  return h("div", { class: "pb-wide-table" }, h("table", { class: "pb-history-table" }, [
    h("thead", {}, h("tr", {}, [
      h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Saved"),
      h("th", { scope: "col" }, "Version"), h("th", { scope: "col" }, "Result"),
      hasVerdict ? h("th", { scope: "col" }, "Verdict") : null
    ])),
    h("tbody", {}, history.map(function (entry, i) {
      return h("tr", {}, [
        h("td", {}, String(i + 1)),
        h("td", {}, h("time", { datetime: entry.date }, showDate(entry.date))),
        h("td", {}, entry.playbook_version || "\u2013"),
        h("td", {}, overallText(entry.summary)),
        hasVerdict ? h("td", {}, entry.summary.verdict || "\u2013") : null
      ]);
    }).reverse())
  ]));
}

function compare(w, dateA, dateB, output) {
  clear(output);
  const find = function (d) { return w.history.filter(function (e) { return e.date === d; })[0]; };
  const a = find(dateA), b = find(dateB);
  if (!a || !b) { return; }
  if (a === b) {
    append(output, h("p", { class: "pb-notice pb-notice--info", role: "status" },
                     "Pick two different saved results to compare."));
    return;
  }
  const rows = comparison(a, b).map(function (row) {
    return h("tr", {}, [h("th", { scope: "row" }, row.label), h("td", {}, row.before),
                        h("td", {}, row.after), h("td", {}, row.change)]);
  });
  const ia = w.history.indexOf(a), ib = w.history.indexOf(b);
  append(output, h("div", { class: "pb-wide-table" }, h("table", { class: "pb-compare-table" }, [
    h("caption", {}, "Saved result " + (ia + 1) + " compared with saved result " + (ib + 1)),
    h("thead", {}, h("tr", {}, [
      h("th", { scope: "col" }, "Section"),
      h("th", { scope: "col" }, ["#" + (ia + 1) + " ", h("time", { datetime: a.date }, showDate(a.date))]),
      h("th", { scope: "col" }, ["#" + (ib + 1) + " ", h("time", { datetime: b.date }, showDate(b.date))]),
      h("th", { scope: "col" }, "Change")
    ])),
    h("tbody", {}, rows)
  ])));
}
