/* The page side of storage: restoring a form's answers and history when the page opens,
 * saving them on every change, and saying so when the browser cannot keep them. */

import { answersFromForm, applyAnswers, roleFromForm } from "./form.js";
import { addNotice } from "./status.js";
import { browserStorage, findOtherVersion, readRecord, setAside, writeRecord } from "./storage.js";

/** Restore the answers and saved results of this version, or else of the newest other
 *  version, keeping what the reader answered while the page loaded. */
export function restore(w) {
  const storage = browserStorage();
  const found = readRecord(storage, w.key);
  if (found.status === "blocked") {
    w.canSave = false;
    warnNotSaved(w);
    return;
  }
  if (found.status === "corrupt") {
    keepCorrupt(w, storage, found.raw);
    return;
  }
  if (found.status === "ok") {
    w.history = found.record.history;
    applyAnswers(w, found.record.answers, found.record.role, true);
    return;
  }
  // w.storeId: the answers kept apart, when rating someone else (rater.js).
  const other = findOtherVersion(storage, w.storeId || w.id, w.version);
  if (!other) { return; }
  const applied = applyAnswers(w, other.record.answers, other.record.role, true);
  w.history = other.record.history.slice();
  let text = "Answers from " + other.version + " restored";
  const total = Object.keys(other.record.answers).length;
  if (applied.unmatched > 0) {
    text += " (" + applied.matched + " of " + total + "; the others no longer match a " +
            "question of this version)";
  }
  if (!applied.roleMatched) { text += "; the role you chose then is not in this version"; }
  addNotice(w, text + ".", "info");
  persist(w);
}

/** Set the unreadable value aside under "<key>:corrupt:<timestamp>" and start fresh. */
function keepCorrupt(w, storage, raw) {
  const backup = setAside(storage, w.key, raw);
  if (!backup) {
    // Could not set it aside: never write over it either.
    w.canSave = false;
    addNotice(w, "Your saved answers for this assessment could not be read, and this " +
                 "browser could not set them aside. They are left untouched, so your " +
                 "answers could not be saved in this browser this time.", "error");
    return;
  }
  addNotice(w, "Your saved answers for this assessment could not be read, so this page " +
               "starts fresh. The unreadable data is kept in this browser's storage under " +
               "\u201c" + backup + "\u201d.", "warning");
}

function warnNotSaved(w) {
  if (w.saveWarned) { return; }
  w.saveWarned = true;
  addNotice(w, "Your answers could not be saved in this browser (its storage is full or " +
               "blocked). They are kept while this page is open; export them to keep a copy.",
            "warning");
}

/** Save answers, role and history; on failure, warn once and go on in memory. */
export function persist(w) {
  if (!w.key) { return false; }
  if (!w.canSave) { warnNotSaved(w); return false; }
  const record = {
    answers: answersFromForm(w), role: roleFromForm(w),
    updated: new Date().toISOString(), history: w.history
  };
  if (writeRecord(browserStorage(), w.key, record)) { return true; }
  warnNotSaved(w);
  return false;
}
