/* A result in a link: the answers, the role, the assessment and the playbook version,
 * encoded in the address's fragment (after "#"), which a browser never sends to a server.
 * Page-free, so Node's test runner can load it. */

import { validAnswers, validRole } from "./storage.js";
import { isObject } from "./words.js";

export const LINK_KEY = "result=";
const FORMAT = "pbr1";
/** Longer fragments are not links this widget made (browsers take far longer addresses,
 *  but an assessment's answers fit in a few kilobytes). */
export const MAX_LINK_CHARS = 16000;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 1) { binary += String.fromCharCode(bytes[i]); }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The fragment ("#result=...") that holds this result. */
export function resultFragment(fields) {
  const data = { k: FORMAT, a: fields.id, v: fields.version || null, r: fields.role || null,
                 x: fields.answers || {} };
  return "#" + LINK_KEY + toBase64Url(JSON.stringify(data));
}

/** The address of `href` with its fragment holding this result (query and fragment
 *  dropped: a role in the address would override the one in the link). */
export function resultLink(href, fields) {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  return url.href + resultFragment(fields);
}

/**
 * What a fragment holds: null when it is no result link at all, {problem} (in words) when
 * it is one that cannot be read, else {id, version, role, answers}.
 */
export function readFragment(hash) {
  const text = String(hash || "").replace(/^#/, "");
  if (text.slice(0, LINK_KEY.length) !== LINK_KEY) { return null; }
  const broken = { problem: "The link you followed holds a result that cannot be read " +
                            "(it may have been cut short when it was copied)." };
  const body = text.slice(LINK_KEY.length);
  if (!body || body.length > MAX_LINK_CHARS || /[^A-Za-z0-9_-]/.test(body)) { return broken; }
  let data;
  try { data = JSON.parse(fromBase64Url(body)); } catch { return broken; }
  if (!isObject(data) || data.k !== FORMAT || typeof data.a !== "string" ||
      !validAnswers(data.x) || !validRole(data.r) ||
      !(data.v === null || data.v === undefined || typeof data.v === "string")) {
    return broken;
  }
  return { id: data.a, version: data.v || null, role: data.r || null, answers: data.x };
}
