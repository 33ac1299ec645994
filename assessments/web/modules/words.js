/* Numbers, dates and bands in words: page-free, so Node's test runner can load it. */

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

const dateFormat = (function () {
  try { return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }); }
  catch { return null; }
})();

export function showDate(iso) {
  const date = new Date(iso);
  if (isNaN(date.getTime())) { return String(iso); }
  return dateFormat ? dateFormat.format(date) : date.toLocaleString();
}

export function capitalise(text) { return text ? text.charAt(0).toUpperCase() + text.slice(1) : text; }

/** "1 point", "2 points", "0.5 points": the noun agrees with the number. */
export function plural(value, one, many) {
  return num(value) + " " + (value === 1 ? one : (many || one + "s"));
}

/** "A", "A and B", "A, B and C" (the engine joins names the same way). */
export function listed(parts) {
  const out = [];
  parts.forEach(function (part, i) {
    if (i) { out.push(i === parts.length - 1 ? " and " : ", "); }
    out.push(part);
  });
  return out;
}

const COLOURS = ["red", "amber", "green"];

/** The band's colour when the playbook gives it one (red, amber, green), else null. */
export function colourOf(band) {
  return band && COLOURS.indexOf(band.colour) !== -1 ? band.colour : null;
}

/** A band's label, with its colour's name when the label does not say it already:
 *  the colour is never the only way to tell bands apart. */
export function bandText(band) {
  const colour = colourOf(band);
  const label = String(band.label);
  return colour && label.toLowerCase().indexOf(colour) === -1 ? label + ", " + colour : label;
}
