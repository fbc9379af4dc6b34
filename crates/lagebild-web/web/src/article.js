// The article view: the text with every layer highlighted in place, each sentence's events
// beside it, and the record of whatever is clicked.

import { get } from "./api.js";
import { h, replace } from "./dom.js";
import { utf16Offsets, toUtf16 } from "./offsets.js";
import { label, scoreColour, modality, errorBox } from "./common.js";

const LAYERS = { e: "entities", t: "times", q: "quantities", c: "claims", v: "events" };

/** The pieces of a span: its parts where it is discontinuous, else its whole extent. */
function pieces(span) {
  return span.parts && span.parts.length ? span.parts : [span];
}

/**
 * The highlights of a record: {id, kind, start, end} in code points. Claims give three kinds
 * (speaker, cue, content) under the claim's id, so selecting a claim marks its speaker with
 * its content.
 */
export function highlights(record) {
  const out = [];
  record.entities.forEach((e) => out.push({ id: e.id, kind: "entity ent-" + e.type.toLowerCase(), start: e.start, end: e.end }));
  record.times.forEach((t) => out.push({ id: t.id, kind: "time", start: t.start, end: t.end }));
  record.quantities.forEach((q) => out.push({ id: q.id, kind: "quantity", start: q.start, end: q.end }));
  record.events.forEach((v) => pieces(v.trigger).forEach((p) => out.push({ id: v.id, kind: "trigger", start: p.start, end: p.end })));
  record.claims.forEach((c) => {
    if (c.speaker) out.push({ id: c.id, kind: "speaker", start: c.speaker.start, end: c.speaker.end });
    pieces(c.cue).forEach((p) => out.push({ id: c.id, kind: "cue", start: p.start, end: p.end }));
    pieces(c.content).forEach((p) => out.push({ id: c.id, kind: "content", start: p.start, end: p.end }));
  });
  return out.filter((span) => span.end > span.start);
}

/**
 * Cuts the text at every highlight's ends and every sentence's start. Returns the rows, one per
 * sentence (text before the first sentence joins it), each a list of
 * {start, end, spans} in UTF-16 units, with the highlights that cover the piece.
 */
export function segments(record) {
  const text = record.text;
  const u16 = utf16Offsets(text);
  const spans = highlights(record).map((span) => ({ ...span, a: toUtf16(u16, span.start), b: toUtf16(u16, span.end) }));
  const sentenceStarts = record.sentences.map((sentence) => toUtf16(u16, sentence.start));
  const cuts = new Set([0, text.length, ...sentenceStarts]);
  spans.forEach((span) => { cuts.add(span.a); cuts.add(span.b); });
  const sorted = [...cuts].filter((cut) => cut >= 0 && cut <= text.length).sort((x, y) => x - y);
  const rows = record.sentences.length ? record.sentences.map(() => []) : [[]];
  let row = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [a, b] = [sorted[i], sorted[i + 1]];
    while (row + 1 < sentenceStarts.length && sentenceStarts[row + 1] <= a) row++;
    const covering = spans.filter((span) => span.a <= a && span.b >= b);
    rows[row].push({ start: a, end: b, spans: covering });
  }
  return rows;
}

/** The record item an id names (`e3` → entities[3]). */
function item(record, id) {
  const layer = LAYERS[id[0]];
  return layer ? record[layer][Number(id.slice(1))] : undefined;
}

function argText(record, arg) {
  if (!arg) return "—";
  const entity = arg.entity ? item(record, arg.entity) : null;
  const name = entity && entity.name && entity.name !== arg.text ? ` (${entity.name})` : "";
  return arg.text + name + (arg.code ? ` [${arg.code}]` : "");
}

function spanText(span) {
  return pieces(span).map((part) => part.text).join(" … ");
}

const KIND_NAMES = { e: "Entity", t: "Date or time", q: "Quantity", c: "Claim", v: "Event" };

/** Keys of a record item that name other items. */
const REFERENCES = new Set(["claim", "parent", "responds_to", "events", "time", "quantities", "entity"]);

/** The record of an item as a definition list; references to other items are links. */
function recordCard(record, id, select) {
  let value = item(record, id);
  if (!value) return h("p", {}, `No item ${id}.`);
  if (id[0] === "c") {
    // The events the claim reports: those it lists and those that name it as their claim.
    const naming = record.events.filter((event) => event.claim === id).map((event) => event.id);
    value = { ...value, events: [...new Set([...value.events, ...naming])] };
  }
  const rows = [];
  for (const [key, field] of Object.entries(value)) {
    if (key === "id" || key === "start" || key === "end") continue;
    let shown;
    if (REFERENCES.has(key) && field !== null && (typeof field === "string" || Array.isArray(field))) {
      const ids = Array.isArray(field) ? field : [field];
      shown = ids.length ? ids.map((ref) => h("button", { type: "button", class: "ref", onclick: () => select(ref) }, ref, " ", short(record, ref))) : "—";
    } else if (field && typeof field === "object" && !Array.isArray(field) && "text" in field && "start" in field) {
      shown = "entity" in field ? argText(record, field) : spanText(field);
      if ("entity" in field && field.entity) shown = [shown, " ", h("button", { type: "button", class: "ref", onclick: () => select(field.entity) }, field.entity)];
    } else if (Array.isArray(field)) {
      shown = field.length ? field.map((x, i) => [i ? "; " : "", x && typeof x === "object" ? argText(record, x) : String(x),
        x && typeof x === "object" && x.entity ? [" ", h("button", { type: "button", class: "ref", onclick: () => select(x.entity) }, x.entity)] : null]) : "—";
    } else if (field === null) {
      shown = "—";
    } else {
      shown = String(field);
    }
    rows.push(h("dt", {}, key), h("dd", {}, shown));
  }
  return h("section", { class: "record", "data-record": id },
    h("h3", {}, `${KIND_NAMES[id[0]] || "Item"} ${id}`), h("dl", {}, rows));
}

function short(record, id) {
  const value = item(record, id);
  if (!value) return "";
  if (id[0] === "v") return `${value.type}: ${spanText(value.trigger)}`;
  if (id[0] === "c") return `${value.speaker ? value.speaker.text : "?"}: ${value.content.text}`;
  return value.text || "";
}

/** The card of an event beside its sentence. */
function eventCard(record, event, select) {
  const reporting = event.claim ? item(record, event.claim) : null;
  const line = (name, value) => [h("dt", {}, name), h("dd", {}, value)];
  return h("article", { class: "event-card", "data-event": event.id, style: `border-left-color:${scoreColour(event.score)}`,
    onclick: () => select(event.id) },
  h("h4", {}, event.type, event.mode ? ` (${event.mode})` : "", " ", h("span", { class: "muted" }, event.id)),
  h("dl", {},
    line("trigger", spanText(event.trigger)),
    line("actors", event.actors.map((arg) => argText(record, arg)).join("; ") || "—"),
    line("recipients", event.recipients.map((arg) => argText(record, arg)).join("; ") || "—"),
    line("date", event.date ? `${event.date} (${event.date_source})` : "—"),
    line("place", argText(record, event.location)),
    line("modality", modality(event)),
    line("reported by", reporting
      ? [h("button", { type: "button", class: "ref", onclick: (e) => { e.stopPropagation(); select(event.claim); } }, event.claim),
        ` ${reporting.speaker ? argText(record, reporting.speaker) : "?"} (${reporting.stance})`]
      : "the article")));
}

export async function articleView(view, id, params) {
  const detail = await get("documents/" + encodeURIComponent(id)).catch((error) => error);
  if (detail instanceof Error) return replace(view, errorBox(detail));
  const record = detail.record;
  const panel = h("aside", { id: "record-panel" }, h("p", { class: "muted" }, "Click a highlight or an event to see its record."));
  const rows = segments(record);

  function select(ref) {
    view.querySelectorAll(".selected").forEach((node) => node.classList.remove("selected"));
    const marked = view.querySelectorAll(`#text [data-ids~="${CSS.escape(ref)}"], [data-event="${CSS.escape(ref)}"]`);
    marked.forEach((node) => node.classList.add("selected"));
    // The record of the item, then those of the other highlights at the same place.
    const also = new Set();
    const first = view.querySelector(`#text [data-ids~="${CSS.escape(ref)}"]`);
    if (first) first.dataset.ids.split(" ").forEach((other) => { if (other !== ref) also.add(other); });
    replace(panel, recordCard(record, ref, select), [...also].map((other) => recordCard(record, other, select)));
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  const textRows = rows.map((pieces, index) => {
    const sentence = h("div", { class: "sentence", "data-sentence": index },
      pieces.map((piece) => {
        const words = record.text.slice(piece.start, piece.end);
        if (!piece.spans.length) return words;
        // Shortest first: a click shows the innermost item.
        const spans = [...piece.spans].sort((x, y) => (x.b - x.a) - (y.b - y.a));
        const ids = [...new Set(spans.map((span) => span.id))];
        const kinds = [...new Set(spans.flatMap((span) => span.kind.split(" ")))];
        return h("span", { class: "hl " + kinds.join(" "), "data-ids": ids.join(" "), title: ids.join(" ") }, words);
      }));
    const events = record.events.filter((event) => event.sentence === index).map((event) => eventCard(record, event, select));
    return h("div", { class: "row" }, sentence, h("div", { class: "beside" }, events));
  });
  const text = h("div", { id: "text" }, textRows);
  text.addEventListener("click", (event) => {
    const target = event.target.closest(".hl");
    if (target) select(target.dataset.ids.split(" ")[0]);
  });

  const claimList = record.claims.map((claim) => h("li", {},
    h("button", { type: "button", class: "ref", onclick: () => select(claim.id) }, claim.id), " ",
    h("span", { class: "speaker-name" }, claim.speaker ? argText(record, claim.speaker) : "?"), " → ",
    h("q", {}, claim.content.text), ` (${claim.stance})`));

  replace(view,
    h("div", { class: "doc-head" },
      h("h1", { id: "doc-title" }, detail.document.title || detail.document.id),
      h("p", { class: "muted" }, [detail.document.id, detail.document.published || "no date", detail.document.lang,
        detail.sources.map((source) => source.source).join(", ")].join(" · ")),
      legend()),
    h("div", { class: "article" }, h("div", {}, text, record.claims.length ? [h("h2", {}, "Claims: speaker → content"), h("ul", { class: "claims-list" }, claimList)] : null), panel));

  if (params.get("select")) select(params.get("select"));
}

function legend() {
  const entry = (cls, name) => h("span", { class: "hl " + cls }, name);
  return h("p", { class: "legend" }, entry("entity ent-person", "person"), " ", entry("entity ent-gpe", "place / country"), " ",
    entry("entity ent-organization", "organisation"), " ", entry("time", "date"), " ", entry("quantity", "quantity"), " ",
    entry("trigger", "event trigger"), " ", entry("speaker", "speaker"), " ", entry("cue", "cue"), " ", entry("content", "claim content"));
}
