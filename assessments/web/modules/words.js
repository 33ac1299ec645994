/* Numbers and dates in words, and the engine's sentences cut where a link or a badge goes:
 * page-free, so Node's test runner can load it. The engine words every sentence of a
 * result; nothing here composes one. */

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A number for reading: at most two decimals, no trailing zeros. */
export function num(value) {
  if (typeof value !== "number" || !isFinite(value)) { return "\u2013"; }
  const rounded = Math.round(value * 100) / 100;
  return (rounded < 0 ? "\u2212" : "") + String(Math.abs(rounded)); // a real minus sign
}

export function signed(value) {
  if (Math.abs(value) < 1e-9) { return "\u00b10"; }
  return (value > 0 ? "+" : "\u2212") + num(Math.abs(value));
}

// Made when a first date is shown: making it loads the locale's data, which takes tens
// of milliseconds that a page's start-up has better uses for.
let dateFormat;

export function showDate(iso) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) { return String(iso); }
  if (dateFormat === undefined) {
    try {
      dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
    } catch { dateFormat = null; }
  }
  return dateFormat ? dateFormat.format(date) : date.toLocaleString();
}

/** "1 point", "2 points", "0.5 points": the noun agrees with the number. */
export function plural(value, one, many) {
  return num(value) + " " + (value === 1 ? one : (many || one + "s"));
}

/**
 * A sentence cut into pieces at the marks found in it: [{text, mark}], mark null for the
 * text between. Each mark ({text, ...}, say a name to link) is looked for after the one
 * before it, or from `mark.from`; a mark not found is skipped. The pieces always join back
 * into the sentence as given.
 */
export function pieces(text, marks) {
  const sentence = String(text);
  const out = [];
  let at = 0;
  (marks || []).forEach(function (mark) {
    const wanted = mark && mark.text ? String(mark.text) : "";
    const found = wanted ? sentence.indexOf(wanted, Math.max(at, mark.from || 0)) : -1;
    if (found === -1) { return; }
    if (found > at) { out.push({ text: sentence.slice(at, found), mark: null }); }
    out.push({ text: wanted, mark: mark });
    at = found + wanted.length;
  });
  if (at < sentence.length) { out.push({ text: sentence.slice(at), mark: null }); }
  return out;
}

const COLOURS = ["red", "amber", "green"];

/** The band's colour when the playbook gives it one (red, amber, green), else null. */
export function colourOf(band) {
  return band && COLOURS.indexOf(band.colour) !== -1 ? band.colour : null;
}
