// A network of actors: an edge from actor to recipient per event type, coloured from conflict
// to cooperation by the PLOVER score, as thick as it has events.

import { getAll } from "./api.js";
import { h, s, replace } from "./dom.js";
import { EVENT_FILTERS, filterForm, filterValues, actorKey, scoreColour, scoreLegend, errorBox } from "./common.js";

const MAX_EVENTS = 2000;
const MAX_NODES = 40;

export async function networkView(view, params) {
  const filters = filterValues(EVENT_FILTERS, params);
  const holder = h("div", { id: "network" }, "Loading…");
  replace(view, h("h1", {}, "Network of actors"), filterForm("/network", EVENT_FILTERS, params), scoreLegend(), holder);
  let result;
  try {
    result = await getAll("events", filters, MAX_EVENTS);
  } catch (error) {
    return replace(holder, errorBox(error));
  }
  const edges = new Map();
  const degree = new Map();
  for (const event of result.items) {
    for (const actor of new Set(event.actors.map(actorKey))) {
      for (const recipient of new Set(event.recipients.map(actorKey))) {
        if (actor === recipient) continue;
        const key = `${actor}\u0000${recipient}\u0000${event.type}`;
        const edge = edges.get(key) || { actor, recipient, type: event.type, count: 0, scores: [] };
        edge.count++;
        if (event.score !== null) edge.scores.push(event.score);
        edges.set(key, edge);
        degree.set(actor, (degree.get(actor) || 0) + 1);
        degree.set(recipient, (degree.get(recipient) || 0) + 1);
      }
    }
  }
  const nodes = [...degree.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_NODES).map(([name]) => name);
  if (!nodes.length) return replace(holder, h("p", {}, "No events with both an actor and a recipient match."));
  const [width, height] = [900, 640];
  const [cx, cy, radius] = [width / 2, height / 2, Math.min(width, height) / 2 - 110];
  const position = new Map(nodes.map((name, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [name, [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle]];
  }));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": "network of actors" });
  svg.append(s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
    s("path", { d: "M0,0 L10,5 L0,10 z", fill: "#666" }))));
  // Edges of one pair bend by type, so that each type stays visible.
  const perPair = new Map();
  for (const edge of edges.values()) {
    if (!position.has(edge.actor) || !position.has(edge.recipient)) continue;
    const pair = `${edge.actor}\u0000${edge.recipient}`;
    const index = perPair.get(pair) || 0;
    perPair.set(pair, index + 1);
    const [x1, y1] = position.get(edge.actor);
    const [x2, y2] = position.get(edge.recipient);
    const bend = 20 + 18 * index;
    const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const [qx, qy] = [mx - ((y2 - y1) / length) * bend, my + ((x2 - x1) / length) * bend];
    const score = edge.scores.length ? edge.scores.reduce((a, b) => a + b, 0) / edge.scores.length : null;
    const params = new URLSearchParams({ actor: edge.actor, recipient: edge.recipient, type: edge.type });
    svg.append(s("a", { href: "#/events?" + params, class: "edge", "data-type": edge.type },
      s("path", { d: `M${x1},${y1} Q${qx},${qy} ${x2},${y2}`, fill: "none", stroke: scoreColour(score),
        "stroke-width": 1.5 + Math.log2(edge.count) * 1.5, "marker-end": "url(#arrow)" },
      s("title", {}, `${edge.actor} → ${edge.recipient}: ${edge.type} ×${edge.count}` + (score === null ? "" : ` (score ${score.toFixed(1)})`))),
      s("text", { x: qx, y: qy, class: "edge-label", "text-anchor": "middle" }, edge.type.toLowerCase())));
  }
  for (const name of nodes) {
    const [x, y, angle] = position.get(name);
    const outside = Math.cos(angle) >= 0;
    svg.append(s("g", { class: "node" },
      s("circle", { cx: x, cy: y, r: 4 + Math.sqrt(degree.get(name)) * 2 }, s("title", {}, `${name}: ${degree.get(name)} event links`)),
      s("text", { x: x + (outside ? 12 : -12), y: y + 4, "text-anchor": outside ? "start" : "end" }, name)));
  }
  replace(holder, svg, h("p", { class: "muted" }, `${result.items.length} events${result.complete ? "" : " (the first " + MAX_EVENTS + ")"}, ${degree.size} actors, ${edges.size} edges`));
}
