/* Answers and saved results in localStorage, one record per assessment and playbook
 * version, under "pbk:assessment:<version>:<assessment id>". Page-free: every function
 * takes the storage it works on (null when the browser blocks it). */

import { isObject } from "./words.js";

export const KEY_PREFIX = "pbk:assessment:";

/** The browser's localStorage, or null when it is blocked. */
export function browserStorage() {
  try { return window.localStorage || null; } catch { return null; }
}

export function storageKey(version, id) { return KEY_PREFIX + version + ":" + id; }

export function validAnswers(value) {
  return isObject(value) && Object.keys(value).every(function (k) {
    return typeof value[k] === "string";
  });
}

export function validRole(value) {
  return value === undefined || value === null || typeof value === "string";
}

function sectionSummary(s) {
  const kept = {
    id: String(s.id), title: typeof s.title === "string" ? s.title : String(s.id),
    score: typeof s.score === "number" ? s.score : null,
    max: typeof s.max === "number" ? s.max : null,
    band: typeof s.band === "string" ? s.band : null,
    stage: typeof s.stage === "string" ? s.stage : null
  };
  if (typeof s.text === "string") { kept.text = s.text; } // the engine's words, when saved with them
  return kept;
}

/** A history entry in its stored shape, or null when it is not one. */
export function normaliseEntry(entry) {
  if (!isObject(entry) || typeof entry.date !== "string" || isNaN(Date.parse(entry.date))) {
    return null;
  }
  if (entry.answers !== undefined && !validAnswers(entry.answers)) { return null; }
  if (!validRole(entry.role)) { return null; }
  const summary = isObject(entry.summary) ? entry.summary : {};
  const sections = Array.isArray(summary.sections) ? summary.sections.filter(isObject) : [];
  const kept = {
    date: entry.date,
    playbook_version: typeof entry.playbook_version === "string" ? entry.playbook_version : null,
    answers: entry.answers || {},
    role: entry.role || null,
    summary: {
      overall: typeof summary.overall === "string" ? summary.overall : null,
      verdict: typeof summary.verdict === "string" ? summary.verdict : null,
      sections: sections.map(sectionSummary)
    }
  };
  if (typeof summary.overall_text === "string") { kept.summary.overall_text = summary.overall_text; }
  return kept;
}

/** A stored record in its shape, or null when the value is not one. */
export function normaliseRecord(value) {
  if (!isObject(value) || !validAnswers(value.answers) || !validRole(value.role)) { return null; }
  if (value.history !== undefined && !Array.isArray(value.history)) { return null; }
  const history = (value.history || []).map(normaliseEntry);
  if (history.some(function (e) { return e === null; })) { return null; }
  return {
    answers: value.answers, role: value.role || null,
    updated: typeof value.updated === "string" ? value.updated : null, history: history
  };
}

/** {status: "none"|"ok"|"corrupt"|"blocked", record, raw} for one key. */
export function readRecord(storage, key) {
  if (!storage) { return { status: "blocked" }; }
  let raw;
  try { raw = storage.getItem(key); } catch { return { status: "blocked" }; }
  if (raw === null) { return { status: "none" }; }
  let record = null;
  try { record = normaliseRecord(JSON.parse(raw)); } catch { record = null; }
  return record ? { status: "ok", record: record, raw: raw } : { status: "corrupt", raw: raw };
}

/** The newest readable record of this assessment under another playbook version:
 *  {version, record, time}, or null. */
export function findOtherVersion(storage, id, version) {
  if (!storage) { return null; }
  let best = null;
  try {
    const suffix = ":" + id;
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (!key || key.indexOf(KEY_PREFIX) !== 0 || key.slice(-suffix.length) !== suffix) { continue; }
      const other = key.slice(KEY_PREFIX.length, key.length - suffix.length);
      // Versions hold no ":"; this also skips the ":corrupt:" copies.
      if (!other || other === version || other.indexOf(":") !== -1) { continue; }
      const found = readRecord(storage, key);
      if (found.status !== "ok") { continue; }
      const time = Date.parse(found.record.updated || "") || 0;
      if (!best || time > best.time || (time === best.time &&
          other.localeCompare(best.version, undefined, { numeric: true }) > 0)) {
        best = { version: other, record: found.record, time: time };
      }
    }
  } catch {
    return null;
  }
  return best;
}

/** Set an unreadable value aside under "<key>:corrupt:<time>" and remove it from `key`.
 *  Returns the backup's key, or null when it could not be set aside (then nothing is
 *  removed, and the caller must never write over it). */
export function setAside(storage, key, raw, now) {
  const backup = key + ":corrupt:" + (now || new Date()).toISOString();
  try {
    storage.setItem(backup, raw);
    storage.removeItem(key);
  } catch {
    return null;
  }
  return backup;
}

/** Save one record; false when the storage is blocked or full (QuotaExceededError). */
export function writeRecord(storage, key, record) {
  try {
    if (!storage) { return false; }
    storage.setItem(key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}
