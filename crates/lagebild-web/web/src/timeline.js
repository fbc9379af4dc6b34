// A timeline of events per actor pair: one row per (actor, recipient), a mark per event at its
// date (its own, else its document's publication date), coloured by the PLOVER score.

import { getAll } from "./api.js";
import { h, s, replace } from "./dom.js";
import { EVENT_FILTERS, filterForm, filterValues, actorKey, scoreColour, scoreLegend, eventDays, isoDay, errorBox } from "./common.js";

const MAX_EVENTS = 2000;
const MAX_ROWS = 40;

export async function timelineView(view, params) {
  const filters = filterValues(EVENT_FILTERS, params);
  const holder = h("div", { id: "timeline" }, "Loading…");
  replace(view, h("h1", {}, "Timeline by actor pair"), filterForm("/timeline", EVENT_FILTERS, params), scoreLegend(), holder);
  let result;
  try {
    result = await getAll("events", filters, MAX_EVENTS);
  } catch (error) {
    return replace(holder, errorBox(error));
  }
  const pairs = new Map();
  for (const event of result.items) {
    const days = eventDays(event);
    if (!days) continue;
    const actors = event.actors.length ? event.actors.map(actorKey) : ["?"];
    const recipients = event.recipients.length ? event.recipients.map(actorKey) : ["—"];
    for (const actor of new Set(actors)) {
      for (const recipient of new Set(recipients)) {
        const key = `${actor} → ${recipient}`;
        if (!pairs.has(key)) pairs.set(key, []);
        pairs.get(key).push({ event, days });
      }
    }
  }
  const rows = [...pairs.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, MAX_ROWS);
  if (!rows.length) return replace(holder, h("p", {}, "No dated events match."));
  const all = rows.flatMap(([, marks]) => marks.flatMap((mark) => mark.days));
  let [min, max] = [Math.min(...all), Math.max(...all)];
  if (max - min < 30 * 86400000) { min -= 15 * 86400000; max += 15 * 86400000; }
  const [left, width, rowHeight, top] = [260, 1000, 26, 30];
  const x = (ms) => left + ((ms - min) / (max - min)) * (width - left - 20);
  const height = top + rows.length * rowHeight + 10;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "timeline of events per actor pair" });
  for (let i = 0; i <= 4; i++) {
    const ms = min + ((max - min) * i) / 4;
    svg.append(s("line", { x1: x(ms), x2: x(ms), y1: top - 8, y2: height - 10, class: "grid" }),
      s("text", { x: x(ms), y: top - 14, "text-anchor": "middle", class: "axis" }, isoDay(ms)));
  }
  rows.forEach(([pair, marks], index) => {
    const y = top + index * rowHeight + rowHeight / 2;
    svg.append(s("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "pair" }, pair),
      s("line", { x1: left, x2: width - 20, y1: y, y2: y, class: "row-line" }));
    for (const { event, days } of marks) {
      const [a, b] = days;
      const title = `${event.type}: ${event.trigger} (${event.date || event.published}) ${event.title || event.document}`;
      const link = s("a", { href: `#/doc/${encodeURIComponent(event.document)}?select=${encodeURIComponent(event.id)}`, class: "mark", "data-pair": pair },
        a === b
          ? s("circle", { cx: x(a), cy: y, r: 6, fill: scoreColour(event.score) }, s("title", {}, title))
          : s("rect", { x: x(a), y: y - 5, width: Math.max(4, x(b) - x(a)), height: 10, rx: 3, fill: scoreColour(event.score), "fill-opacity": 0.7 }, s("title", {}, title)));
      svg.append(link);
    }
  });
  replace(holder, svg, h("p", { class: "muted" }, `${result.items.length} events${result.complete ? "" : " (the first " + MAX_EVENTS + ")"}, ${pairs.size} actor pairs` +
    (pairs.size > MAX_ROWS ? `, the ${MAX_ROWS} with most events shown` : "")));
}
