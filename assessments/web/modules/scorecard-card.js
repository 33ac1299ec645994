/* A scorecard being filled in, as kept in localStorage under
 * "pbk:scorecard:<version>:<scorecard id>", and the names of the files exported from it.
 * Page-free: every function takes the storage it works on (null when the browser blocks
 * it), so Node's test runner can load it. */

import { setAside } from "./storage.js";
import { isObject } from "./words.js";

export const CARD_PREFIX = "pbk:scorecard:";

export function cardKey(version, id) { return CARD_PREFIX + version + ":" + id; }

/** An empty card: who is interviewed, in which round, by whom; ratings by criterion id
 *  (level ids) and notes by field. */
export function emptyCard() {
  return { candidate: "", round: "", interviewer: "", ratings: {}, notes: {} };
}

function strings(value) {
  return isObject(value) && Object.keys(value).every(function (k) {
    return typeof value[k] === "string";
  });
}

/** A stored card in its shape, or null when the value is not one. */
export function normaliseCard(value) {
  if (!isObject(value)) { return null; }
  const card = emptyCard();
  for (const field of ["candidate", "round", "interviewer"]) {
    if (value[field] === undefined) { continue; }
    if (typeof value[field] !== "string") { return null; }
    card[field] = value[field];
  }
  for (const field of ["ratings", "notes"]) {
    if (value[field] === undefined) { continue; }
    if (!strings(value[field])) { return null; }
    card[field] = Object.assign({}, value[field]);
  }
  return card;
}

/** True when nothing is filled in. */
export function isEmpty(card) {
  return !card.candidate.trim() && !card.round.trim() && !card.interviewer.trim() &&
    !Object.keys(card.ratings).length &&
    !Object.keys(card.notes).some(function (k) { return card.notes[k].trim(); });
}

/**
 * The card kept under `key`: {status: "none"|"ok"|"corrupt"|"blocked", card, backup}.
 * An unreadable value is set aside under "<key>:corrupt:<time>" (`backup`), never lost;
 * when it cannot be set aside either, the status is "stuck" and nothing may be written.
 */
export function readCard(storage, key, now) {
  if (!storage) { return { status: "blocked" }; }
  let raw;
  try { raw = storage.getItem(key); } catch { return { status: "blocked" }; }
  if (raw === null) { return { status: "none" }; }
  let card = null;
  try { card = normaliseCard(JSON.parse(raw)); } catch { card = null; }
  if (card) { return { status: "ok", card: card }; }
  const backup = setAside(storage, key, raw, now);
  return backup ? { status: "corrupt", backup: backup } : { status: "stuck" };
}

/** Keep `card` (an empty card removes the record); false when the storage is blocked or
 *  full. */
export function writeCard(storage, key, card) {
  try {
    if (!storage) { return false; }
    if (isEmpty(card)) { storage.removeItem(key); return true; }
    storage.setItem(key, JSON.stringify(card));
    return true;
  } catch {
    return false;
  }
}

/** Text as a file name's part: lower case, letters and digits, words joined by "-". */
export function slug(text) {
  return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
}

/** The exported scorecard's file name: "scorecard-<candidate>-<round>-<interviewer>.json". */
export function cardFileName(card) {
  const parts = [card.candidate, card.round, card.interviewer].map(slug).filter(Boolean);
  return ["scorecard"].concat(parts).join("-") + ".json";
}

/** The debrief's file name: "debrief-<candidate>.<extension>". */
export function debriefFileName(candidate, extension) {
  return (slug(candidate) ? "debrief-" + slug(candidate) : "debrief") + "." + extension;
}
