/* Rating someone else's skills (a manager rating a report) with a skills assessment. The
 * someone-else answers and saved results are kept under their own storage key, so the
 * reader's own answers are never written over; switching back brings them back. The page
 * always opens on the reader's own answers. */

import { h } from "./dom.js";
import { applyAnswers } from "./form.js";
import { renderHistory } from "./saved.js";
import { persist, restore } from "./saving.js";
import { rescore } from "./scoring.js";
import { showCalibration, isSkills } from "./calibration.js";
import { storageKey } from "./storage.js";

export const SOMEONE_ELSE = "someone-else";

/** The storage id of the answers under `mode` ("own" or SOMEONE_ELSE). */
export function ratingId(id, mode) { return mode === SOMEONE_ELSE ? id + "--" + SOMEONE_ELSE : id; }

/** Once the spec is loaded: on a skills assessment, the choice of whose skills are rated
 *  (above the questions) and the calibration of two ratings (below the result). */
export function setupSkillsTools(w) {
  if (!isSkills(w.spec) || w.rater) { return; }
  showCalibration(w);
  const name = w.id + "--rating";
  const choice = function (mode, label) {
    const input = h("input", { type: "radio", name: name, value: mode, id: name + "-" + mode,
                               checked: mode === "own" });
    input.addEventListener("change", function () { if (input.checked) { switchTo(w, mode); } });
    return h("label", { for: input.id, class: "pb-rater-choice" }, [input, " ", label]);
  };
  w.rater = h("fieldset", { class: "pb-rater" }, [
    h("legend", {}, "Whose skills are you rating?"),
    choice("own", "Mine"),
    choice(SOMEONE_ELSE, "Someone else\u2019s (for example, a report\u2019s)"),
    h("p", { class: "pb-rater-note", id: name + "-note" },
      "Someone else\u2019s ratings are kept apart from yours in this browser; export them " +
      "for the calibration below.")
  ]);
  w.form.parentNode.insertBefore(w.rater, w.form);
  w.ratingMode = "own";
}

/** Keep the answers of the mode now shown, then show those of `mode`. */
export function switchTo(w, mode) {
  if (mode === w.ratingMode) { return; }
  persist(w);
  w.ratingMode = mode;
  w.key = storageKey(w.version, ratingId(w.id, mode));
  w.storeId = ratingId(w.id, mode);
  w.exportName = mode === SOMEONE_ELSE ? w.id + "-rating-of-someone.json" : null;
  w.history = [];
  w.touched = {};
  w.canSave = true;
  applyAnswers(w, {}, null, false);
  restore(w);
  const title = w.results.querySelector(".pb-results-title");
  const heading = mode === SOMEONE_ELSE ? "Your rating of someone else" : "Your result";
  if (title) { title.textContent = heading; }
  w.results.setAttribute("aria-label", heading);
  w.form.setAttribute("data-rating", mode);
  renderHistory(w);
  rescore(w);
}
