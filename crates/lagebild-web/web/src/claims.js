// The claims view: who says what, the claims a denial answers, the events a claim reports.

import { get } from "./api.js";
import { h, replace, append } from "./dom.js";
import { CLAIM_FILTERS, filterForm, filterValues, label, docLink, errorBox } from "./common.js";

function refLine(document, ref) {
  return h("li", {}, docLink(document, ref.id, ref.id), " ", h("strong", {}, label(ref.speaker)),
    ` (${ref.stance}): `, h("q", {}, ref.content));
}

function card(claim) {
  return h("article", { class: "claim-card stance-" + claim.stance, "data-claim": `${claim.document}/${claim.id}` },
    h("h3", {}, h("span", { class: "speaker-name" }, label(claim.speaker)), " ",
      h("span", { class: "stance" }, claim.stance), " ", h("span", { class: "muted" }, claim.cue)),
    h("blockquote", {}, claim.content),
    h("p", { class: "muted" }, [claim.kind, claim.construction, claim.date || claim.published || "no date",
      claim.channel ? "via " + label(claim.channel) : null].filter(Boolean).join(" · "), " · ",
    docLink(claim.document, claim.id, `${claim.title || claim.document} (${claim.id})`)),
    claim.responds_to.length ? h("div", { class: "answers" }, h("h4", {}, claim.stance === "deny" ? "Denies" : "Answers"),
      h("ul", {}, claim.responds_to.map((ref) => refLine(claim.document, ref)))) : null,
    claim.responses.length ? h("div", { class: "answered" }, h("h4", {}, "Answered by"),
      h("ul", {}, claim.responses.map((ref) => refLine(claim.document, ref)))) : null,
    claim.parent ? h("div", {}, h("h4", {}, "Inside the claim"), h("ul", {}, refLine(claim.document, claim.parent))) : null,
    claim.events.length ? h("div", { class: "reports" }, h("h4", {}, "Reports events"),
      h("ul", {}, claim.events.map((event) => h("li", {}, docLink(claim.document, event.id, `${event.type}: ${event.trigger}`))))) : null);
}

export async function claimsView(view, params) {
  const filters = filterValues(CLAIM_FILTERS, params);
  const list = h("div", { id: "claims-list" });
  const status = h("p", { class: "muted", id: "claims-status" }, "Loading…");
  const more = h("button", { type: "button", hidden: true }, "More");
  replace(view, h("h1", {}, "Claims"), filterForm("/claims", CLAIM_FILTERS, params), list, status, more);
  let shown = 0;
  async function load(cursor) {
    more.hidden = true;
    let page;
    try {
      page = await get("claims", { ...filters, limit: 100, cursor });
    } catch (error) {
      replace(status, errorBox(error));
      return;
    }
    append(list, page.items.map(card));
    shown += page.items.length;
    status.textContent = `${shown} claim${shown === 1 ? "" : "s"}${page.next ? " so far" : ""}`;
    status.dataset.count = String(shown);
    if (page.next) {
      more.hidden = false;
      more.onclick = () => load(page.next);
    }
  }
  await load(null);
}
