// The workbench's router: the part of the URL after `#` names the view and its filters
// (`#/events?actor=RUS&type=ASSAULT`, `#/doc/ID?select=v2`), so every view can be bookmarked.

import { get } from "./api.js";
import { h, replace } from "./dom.js";
import { docLink, errorBox } from "./common.js";
import { articleView } from "./article.js";
import { eventsView } from "./events.js";
import { claimsView } from "./claims.js";
import { timelineView } from "./timeline.js";
import { networkView } from "./network.js";
import { mapView } from "./map.js";

const DOCUMENT_FILTERS = [["q", "Words"], ["lang", "Language"], ["from", "From"], ["to", "To"]];

async function documentsView(view, params) {
  const filters = {};
  for (const [name] of DOCUMENT_FILTERS) if (params.get(name)) filters[name] = params.get(name);
  const body = h("tbody", {});
  const form = h("form", { class: "filters" },
    DOCUMENT_FILTERS.map(([name, title]) => h("label", {}, title, h("input", { name, value: params.get(name) || "" }))),
    h("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (String(value).trim()) query.set(key, String(value).trim());
    location.hash = "#/" + (query.size ? "?" + query : "");
  });
  const summary = h("p", { class: "muted" });
  replace(view, h("h1", {}, "Documents"), summary, form,
    h("table", { id: "documents-table" },
      h("thead", {}, h("tr", {}, ["Title", "Published", "Language", "Entities", "Claims", "Events", "Source"].map((name) => h("th", {}, name)))),
      body));
  try {
    const [stats, page] = await Promise.all([get("stats"), get("documents", { ...filters, limit: 500 })]);
    summary.textContent = `${stats.documents} documents, ${stats.entities} entities, ${stats.claims} claims, ${stats.events} events in the store` +
      (page.next ? "; the newest 500 documents are listed" : "");
    replace(body, page.items.map((doc) => h("tr", { "data-document": doc.id },
      h("td", {}, docLink(doc.id, null, doc.title || doc.id)), h("td", {}, doc.published || "—"), h("td", {}, doc.lang),
      h("td", {}, doc.entities), h("td", {}, doc.claims), h("td", {}, doc.events), h("td", {}, doc.source))));
  } catch (error) {
    replace(summary, errorBox(error));
  }
}

let renders = 0;

async function route() {
  const view = document.getElementById("view");
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?", 2);
  const params = new URLSearchParams(query || "");
  document.querySelectorAll("header nav a").forEach((link) => {
    const target = link.getAttribute("href").slice(1);
    link.classList.toggle("active", target === "/" ? path === "/" : path.startsWith(target));
  });
  view.dataset.ready = "false";
  replace(view, "Loading…");
  try {
    if (path.startsWith("/doc/")) await articleView(view, decodeURIComponent(path.slice(5)), params);
    else if (path === "/events") await eventsView(view, params);
    else if (path === "/claims") await claimsView(view, params);
    else if (path === "/timeline") await timelineView(view, params);
    else if (path === "/network") await networkView(view, params);
    else if (path === "/map") await mapView(view, params);
    else await documentsView(view, params);
  } catch (error) {
    replace(view, errorBox(error));
  }
  view.dataset.route = path;
  view.dataset.rendered = String(++renders);
  view.dataset.ready = "true";
}

window.addEventListener("hashchange", route);
route();
