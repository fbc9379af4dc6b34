// The events table, with the filters of GET /api/v1/events, a page at a time.

import { get } from "./api.js";
import { h, replace, append } from "./dom.js";
import { EVENT_FILTERS, filterForm, filterValues, label, scoreColour, modality, docLink, errorBox } from "./common.js";

function row(event) {
  const reported = event.reported_by;
  return h("tr", { "data-type": event.type },
    h("td", {}, event.date || "—", event.date_source === "published" ? h("span", { class: "muted", title: "the publication date" }, " (pub.)") : null),
    h("td", {}, h("span", { class: "type", style: `background:${scoreColour(event.score)}`, title: `score ${event.score ?? "—"}` }, event.type),
      event.mode ? ` ${event.mode}` : ""),
    h("td", {}, event.actors.map(label).join("; ") || "—"),
    h("td", {}, event.recipients.map(label).join("; ") || "—"),
    h("td", {}, label(event.location)),
    h("td", {}, docLink(event.document, event.id, event.trigger)),
    h("td", {}, modality(event)),
    h("td", {}, reported ? `${label(reported.speaker)} (${reported.stance})` : "the article",
      event.responses.length ? h("div", { class: "muted" }, "answered: ", event.responses.map((r) => `${label(r.speaker)} (${r.stance})`).join("; ")) : null),
    h("td", {}, docLink(event.document, null, event.title || event.document)));
}

export async function eventsView(view, params) {
  const filters = filterValues(EVENT_FILTERS, params);
  const body = h("tbody", {});
  const status = h("p", { class: "muted", id: "events-status" }, "Loading…");
  const more = h("button", { type: "button", hidden: true }, "More");
  replace(view, h("h1", {}, "Events"), filterForm("/events", EVENT_FILTERS, params),
    h("table", { id: "events-table" },
      h("thead", {}, h("tr", {}, ["Date", "Type", "Actors", "Recipients", "Place", "Trigger (evidence)", "Modality", "Reported by", "Document"].map((name) => h("th", {}, name)))),
      body),
    status, more);
  let shown = 0;
  async function load(cursor) {
    more.hidden = true;
    let page;
    try {
      page = await get("events", { ...filters, limit: 100, cursor });
    } catch (error) {
      replace(status, errorBox(error));
      return;
    }
    append(body, page.items.map(row));
    shown += page.items.length;
    status.textContent = `${shown} event${shown === 1 ? "" : "s"}${page.next ? " so far" : ""}`;
    status.dataset.count = String(shown);
    if (page.next) {
      more.hidden = false;
      more.onclick = () => load(page.next);
    }
  }
  await load(null);
}
