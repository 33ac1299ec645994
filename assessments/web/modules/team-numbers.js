/* The numbers a team view is drawn with: the scale of a section's chart, where a value
 * sits on it, and the questions grouped for the tables of answers. Page-free, so Node's
 * test runner can load it; the engine words every sentence. */

const RATED = ["dimension-mean", "skills-gap"];

function finite(value) { return typeof value === "number" && isFinite(value); }

/** The values of every option of a spec section's questions. */
function optionValues(specSection) {
  const values = [];
  ((specSection && specSection.questions) || []).forEach(function (q) {
    (q.options || []).forEach(function (o) { if (finite(o.value)) { values.push(o.value); } });
  });
  return values;
}

/**
 * The rows a section's chart draws: its dimensions, or the section itself when it has
 * none (a ladder of stages, a count) but has numbers; none when nobody has a number.
 */
export function chartRows(section) {
  const dims = (section.dimensions || []).filter(function (d) { return finite(d.median); });
  if (dims.length) { return dims; }
  return finite(section.median) ? [Object.assign({}, section, { label: section.title })] : [];
}

/**
 * {lo, hi}: the scale a section's chart is drawn on. A section rated on its questions'
 * options (a dimension mean, a skills gap) runs from its lowest option to its highest;
 * any other from 0 to the most it can score. The scale always holds every value shown.
 */
export function sectionScale(specSection, section) {
  const rows = chartRows(section);
  let lo = 0, hi = finite(section.most) ? section.most : 0;
  const values = optionValues(specSection);
  if (RATED.indexOf(section.rule) !== -1 && values.length) {
    lo = Math.min.apply(null, values);
    hi = Math.max.apply(null, values);
  }
  rows.forEach(function (r) {
    if (finite(r.min)) { lo = Math.min(lo, r.min); }
    if (finite(r.max)) { hi = Math.max(hi, r.max); }
  });
  if (hi <= lo) { hi = lo + 1; }
  return { lo: lo, hi: hi };
}

/** Where `value` sits on `scale`, from `x0` to `x1` (clamped to the ends). */
export function place(value, scale, x0, x1) {
  const ratio = (value - scale.lo) / (scale.hi - scale.lo);
  return x0 + (x1 - x0) * Math.max(0, Math.min(1, ratio));
}

/** The whole numbers of a scale worth marking on its axis (none when there are too many). */
export function ticks(scale) {
  const out = [];
  for (let v = Math.ceil(scale.lo); v <= scale.hi && out.length <= 11; v += 1) { out.push(v); }
  return out.length > 11 ? [scale.lo, scale.hi] : out;
}

/**
 * The questions of a team view in runs that share the same answer options, in the
 * view's order: each run can be one table, a column per option.
 */
export function answerGroups(questions) {
  const groups = [];
  (questions || []).forEach(function (q) {
    const labels = (q.counts || []).map(function (c) { return String(c.label); });
    const last = groups[groups.length - 1];
    if (last && last.labels.join("\u0000") === labels.join("\u0000")) {
      last.questions.push(q);
    } else {
      groups.push({ labels: labels, questions: [q] });
    }
  });
  return groups;
}

/** The largest count of a question's answers (0 when nobody answered). */
export function topCount(question) {
  return (question.counts || []).reduce(function (m, c) { return Math.max(m, c.count || 0); }, 0);
}
