// A map of event locations: world outlines from the world-atlas package (Natural Earth, public
// domain, 1:110m), drawn in an equirectangular projection; a circle per place, as large as it has
// events, coloured by their mean PLOVER score.

import { getAll } from "./api.js";
import { h, s, replace } from "./dom.js";
import { EVENT_FILTERS, filterForm, filterValues, label, scoreColour, scoreLegend, errorBox } from "./common.js";

const MAX_EVENTS = 2000;
const [WIDTH, HEIGHT] = [960, 480];
let outlines = null;

function project(lon, lat) {
  return [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];
}

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
  }).join("") + "Z";
}

/**
 * A ring that crosses the antimeridian (Russia's far east, Fiji) jumps from +180° to −180°
 * between two points. Its longitudes are made continuous and the ring is drawn twice, once on
 * each side; the map's frame cuts off what lies outside. A ring around a pole (Antarctica)
 * does not close when unwrapped and is drawn as it is.
 */
function ringPaths(ring) {
  let offset = 0;
  let previous = null;
  const unwrapped = [];
  for (const [lon, lat] of ring) {
    let x = lon + offset;
    if (previous !== null && x - previous > 180) { offset -= 360; x -= 360; }
    else if (previous !== null && x - previous < -180) { offset += 360; x += 360; }
    unwrapped.push([x, lat]);
    previous = x;
  }
  const lons = unwrapped.map(([lon]) => lon);
  if (offset !== 0 || (Math.max(...lons) <= 180 && Math.min(...lons) >= -180)) return ringPath(ring);
  const shift = Math.max(...lons) > 180 ? -360 : 360;
  return ringPath(unwrapped) + ringPath(unwrapped.map(([lon, lat]) => [lon + shift, lat]));
}

async function worldOutlines() {
  if (outlines) return outlines;
  const response = await fetch("/vendor/countries-110m.json");
  const topology = await response.json();
  const countries = globalThis.topojson.feature(topology, topology.objects.countries);
  outlines = countries.features.map((feature) => {
    const geometry = feature.geometry;
    if (!geometry) return null;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return { name: feature.properties && feature.properties.name, d: polygons.flat().map(ringPaths).join("") };
  }).filter(Boolean);
  return outlines;
}

export async function mapView(view, params) {
  const filters = filterValues(EVENT_FILTERS, params);
  const holder = h("div", { id: "map" }, "Loading…");
  replace(view, h("h1", {}, "Map of event locations"), filterForm("/map", EVENT_FILTERS, params), scoreLegend(), holder);
  let result, world;
  try {
    [result, world] = await Promise.all([getAll("events", filters, MAX_EVENTS), worldOutlines()]);
  } catch (error) {
    return replace(holder, errorBox(error));
  }
  const places = new Map();
  let unplaced = 0;
  for (const event of result.items) {
    const place = event.location;
    if (!place || place.lat === null || place.lat === undefined || place.lon === null || place.lon === undefined) {
      unplaced++;
      continue;
    }
    const key = `${place.lat},${place.lon}`;
    const entry = places.get(key) || { place, events: [], scores: [] };
    entry.events.push(event);
    if (event.score !== null) entry.scores.push(event.score);
    places.set(key, entry);
  }
  const svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", "aria-label": "map of event locations" });
  svg.append(s("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }));
  for (const country of world) svg.append(s("path", { d: country.d, class: "country" }, country.name ? s("title", {}, country.name) : null));
  const sorted = [...places.values()].sort((a, b) => b.events.length - a.events.length);
  for (const { place, events, scores } of sorted) {
    const [x, y] = project(place.lon, place.lat);
    const score = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    const filter = new URLSearchParams({ ...filters, location: place.kb_id ? "kb:" + place.kb_id : place.name || place.text });
    const types = [...new Set(events.map((event) => event.type))].join(", ");
    svg.append(s("a", { href: "#/events?" + filter, class: "place", "data-place": place.name || place.text },
      s("circle", { cx: x, cy: y, r: 4 + Math.sqrt(events.length) * 3, fill: scoreColour(score) },
        s("title", {}, `${label(place)}: ${events.length} event${events.length === 1 ? "" : "s"} (${types})`))));
  }
  replace(holder, svg, h("p", { class: "muted" }, `${result.items.length} events, ${places.size} places` +
    (unplaced ? `; ${unplaced} events without a located place are not shown` : "")));
}
