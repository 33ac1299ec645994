/* The questions and the role select of an assessment form: reading and setting answers,
 * and the role named by the page's address (?role=<id>). */

import { report } from "./dom.js";

export function questionBoxes(w) {
  return Array.prototype.slice.call(w.form.querySelectorAll("fieldset.pb-question[data-question]"));
}

function roleSelect(w) { return w.form.querySelector("select[name=role]"); }

function hasRole(select, role) {
  return Array.prototype.some.call(select.options, function (o) { return o.value && o.value === role; });
}

export function answersFromForm(w) {
  const answers = {};
  questionBoxes(w).forEach(function (box) {
    const checked = box.querySelector("input[type=radio]:checked");
    if (checked) { answers[box.getAttribute("data-question")] = checked.value; }
  });
  return answers;
}

export function roleFromForm(w) {
  const select = roleSelect(w);
  return select && select.value ? select.value : null;
}

/**
 * Tick the given answers and choose the role, clearing the rest. Questions the reader has
 * touched since the page opened keep the reader's answer when `keepTouched` is set.
 * Returns how many answers matched this page and how many did not.
 */
export function applyAnswers(w, answers, role, keepTouched) {
  let matched = 0;
  const known = {};
  questionBoxes(w).forEach(function (box) {
    const qid = box.getAttribute("data-question");
    known[qid] = true;
    if (keepTouched && w.touched[qid]) { return; }
    const wanted = Object.prototype.hasOwnProperty.call(answers, qid) ? answers[qid] : null;
    let found = false;
    Array.prototype.forEach.call(box.querySelectorAll("input[type=radio]"), function (radio) {
      radio.checked = wanted !== null && radio.value === wanted;
      if (radio.checked) { found = true; }
    });
    if (found) { matched += 1; }
  });
  const unmatched = Object.keys(answers).length - matched;
  const select = roleSelect(w);
  let roleMatched = true;
  if (select && !(keepTouched && w.touched.role)) {
    const has = role && hasRole(select, role);
    select.value = has ? role : "";
    roleMatched = !role || has;
  }
  return { matched: matched, unmatched: unmatched, roleMatched: roleMatched, known: known };
}

/**
 * The role named by the page's address (?role=<id>, as a role page links here): it is
 * chosen over a remembered one, so a shared link shows what its sender saw. Returns
 * {chosen: true} when the address chose a role, {unknown: id} when it names no role of
 * this playbook, else {}.
 */
export function roleFromAddress(w) {
  let wanted = null;
  try { wanted = new URLSearchParams(location.search).get("role"); } catch { return {}; }
  const select = roleSelect(w);
  if (!wanted || !select || w.touched.role) { return {}; }
  if (!hasRole(select, wanted)) { return { unknown: wanted }; }
  select.value = wanted;
  return { chosen: true };
}

/** After the reader picks a role, an address that names one names the new one. */
export function roleToAddress(role) {
  try {
    const url = new URL(location.href);
    if (!url.searchParams.has("role")) { return; }
    if (role) { url.searchParams.set("role", role); } else { url.searchParams.delete("role"); }
    history.replaceState(history.state, "", url.href);
  } catch (err) { report(err); }
}

/** Scroll to a question and put the focus on its first choice. */
export function focusQuestion(w, qid) {
  const box = questionBoxes(w).filter(function (b) { return b.getAttribute("data-question") === qid; })[0];
  if (!box) { return; }
  box.scrollIntoView({ block: "center" });
  const radio = box.querySelector("input[type=radio]");
  if (radio) { radio.focus({ preventScroll: true }); }
}
