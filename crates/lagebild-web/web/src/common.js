// Shared pieces of the views: labels, colours, dates, the filter form.

import { h } from "./dom.js";

/** A participant's label: its name (else its words) and its code. */
export function label(participant) {
  if (!participant) return "—";
  const name = participant.name || participant.text;
  return participant.code ? `${name} [${participant.code}]` : name;
}

/** The key an actor is grouped by: its code, else its name, else its words. */
export function actorKey(participant) {
  if (!participant) return null;
  return participant.code || participant.name || participant.text;
}

/** A colour from conflict (score −10, red) through neutral (grey) to cooperation (+10, blue). */
export function scoreColour(score) {
  if (score === null || score === undefined || Number.isNaN(score)) return "#8a8a8a";
  const t = Math.max(-1, Math.min(1, score / 10));
  const neutral = [150, 150, 150];
  const end = t < 0 ? [200, 30, 30] : [30, 100, 200];
  const mix = neutral.map((c, i) => Math.round(c + (end[i] - c) * Math.abs(t)));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** A legend of the score colours. */
export function scoreLegend() {
  return h("div", { class: "legend" }, "conflict ",
    [-10, -5, 0, 5, 10].map((score) =>
      h("span", { class: "swatch", style: `background:${scoreColour(score)}`, title: `score ${score}` })),
    " cooperation (PLOVER score)");
}

const DAY = 86400000;

/** The days a TIMEX3 date covers, as [first, last] in ms since 1970 (UTC), or null. */
export function dateRange(value) {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const day = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return [day, day];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const first = monday + (+m[2] - 1) * 7 * DAY;
    return [first, first + 6 * DAY];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1) - DAY];
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return [Date.UTC(+m[1], (+m[2] - 1) * 3, 1), Date.UTC(+m[1], +m[2] * 3, 1) - DAY];
  m = /^(\d{4})$/.exec(value);
  if (m) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1) - DAY];
  return null;
}

/** An event's days: its own date, else its document's publication date. */
export function eventDays(event) {
  return dateRange(event.date) || dateRange(event.published);
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A link to an item in its document. */
export function docLink(document, id, text) {
  const target = `#/doc/${encodeURIComponent(document)}` + (id ? `?select=${encodeURIComponent(id)}` : "");
  return h("a", { href: target }, text);
}

/** The modality of an event in words. */
export function modality(event) {
  const flags = ["negated", "hypothetical", "future", "historical"].filter((flag) => event[flag]);
  return flags.length ? flags.join(", ") : "factual";
}

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

/** The filters of GET /api/v1/events, as form fields: [name, label, kind, choices]. */
export const EVENT_FILTERS = [
  ["actor", "Actor", "text"],
  ["recipient", "Recipient", "text"],
  ["location", "Place", "text"],
  ["type", "Type", "select", ["", ...EVENT_TYPES]],
  ["context", "Context", "text"],
  ["from", "From", "text"],
  ["to", "To", "text"],
  ["reported_by", "Reported by", "text"],
  ["stance", "Stance", "select", ["", "assert", "hedge", "deny", "none"]],
  ["q", "Words", "text"],
  ["document", "Document", "text"],
];

export const CLAIM_FILTERS = [
  ["speaker", "Speaker", "text"],
  ["channel", "Channel", "text"],
  ["stance", "Stance", "select", ["", "assert", "hedge", "deny"]],
  ["kind", "Kind", "select", ["", "direct", "indirect", "mixed"]],
  ["responds_to", "Answers", "text"],
  ["from", "From", "text"],
  ["to", "To", "text"],
  ["q", "Words", "text"],
  ["document", "Document", "text"],
];

/** A filter form; submitting it moves to `route` with the filled fields as the query. */
export function filterForm(route, fields, params) {
  const inputs = fields.map(([name, title, kind, choices]) => {
    const value = params.get(name) || "";
    const input = kind === "select"
      ? h("select", { name }, choices.map((choice) =>
        h("option", { value: choice, selected: choice === value }, choice || "any")))
      : h("input", { name, value, type: "text", placeholder: name === "from" || name === "to" ? "YYYY-MM-DD" : "" });
    return h("label", {}, title, input);
  });
  const form = h("form", { class: "filters" }, inputs, h("button", { type: "submit" }, "Apply"),
    h("a", { href: "#" + route, class: "reset" }, "Reset"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (String(value).trim()) query.set(key, String(value).trim());
    const target = "#" + route + (query.size ? "?" + query : "");
    if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
    else location.hash = target;
  });
  return form;
}

/** The filled parameters of `fields` in `params`, as an object for the API. */
export function filterValues(fields, params) {
  const values = {};
  for (const [name] of fields) if (params.get(name)) values[name] = params.get(name);
  return values;
}

export function errorBox(error) {
  return h("p", { class: "error", role: "alert" }, "Error: ", error && error.message ? error.message : String(error));
}
