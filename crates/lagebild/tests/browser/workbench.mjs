// The workbench in headless Chromium, driven by playwright-core: run by the Rust test
// `web::the_workbench_works_in_headless_chromium` (crates/lagebild/tests/it/web.rs) against a
// server over a store with the examples and the test articles of that test.
//
//   node workbench.mjs BASE_URL
// with LAGEBILD_NODE_MODULES (where playwright-core is installed) and LAGEBILD_CHROMIUM (the
// browser). Fails on a console error, an uncaught exception, or any request to another host.

import path from "node:path";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";

const base = process.argv[2];
const require = createRequire(import.meta.url);
const { chromium } = require(path.join(process.env.LAGEBILD_NODE_MODULES, "playwright-core"));
const host = new URL(base).host;
const failures = [];
const problems = []; // console errors, page errors, foreign requests

function check(condition, message) {
  if (condition) console.log("ok    " + message);
  else { console.log("FAIL  " + message); failures.push(message); }
}

async function api(pathAndQuery) {
  const response = await fetch(base + "/api/v1/" + pathAndQuery);
  if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status}`);
  return response.json();
}

const watchdog = setTimeout(() => { console.log("FAIL  the test took more than 3 minutes"); process.exit(1); }, 180000);

const profile = mkdtempSync(path.join(tmpdir(), "lagebild-chromium-"));
// A fresh profile (--user-data-dir) for each run.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.LAGEBILD_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});
let exitCode = 1;
try {
  const page = context.pages()[0] || await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.host !== host) problems.push(`request to another host: ${request.url()}`);
  });
  page.on("dialog", (dialog) => { problems.push(`a dialog opened: ${dialog.message()}`); dialog.dismiss(); });

  /** Moves to a view and waits until it has rendered. */
  async function open(hash) {
    const before = await page.evaluate(() => document.getElementById("view")?.dataset.rendered || "none").catch(() => "none");
    if (page.url().startsWith(base)) await page.evaluate((target) => { location.hash = target; }, hash);
    else await page.goto(base + "/" + hash);
    await page.waitForFunction((previous) => {
      const view = document.getElementById("view");
      return view && view.dataset.ready === "true" && view.dataset.rendered !== previous;
    }, before);
  }

  // Documents
  await page.goto(base + "/");
  await page.waitForFunction(() => document.getElementById("view").dataset.ready === "true");
  const stats = await api("stats");
  const listed = await page.locator("#documents-table tbody tr").count();
  check(listed === stats.documents && listed > 0, `the documents list shows all ${stats.documents} documents (${listed})`);

  // The article with characters outside the BMP: every highlight covers exactly its words.
  const nonBmp = (await api("documents/web-non-bmp")).record;
  const codeUnits = nonBmp.text.length, codePoints = [...nonBmp.text].length;
  check(codeUnits > codePoints, `the test article has characters outside the BMP (${codeUnits - codePoints} surrogate pairs)`);
  await open("#/doc/web-non-bmp");
  const items = [...nonBmp.entities, ...nonBmp.times, ...nonBmp.quantities];
  const afterAstral = items.filter((item) => [...nonBmp.text].slice(0, item.start).join("").length > item.start);
  check(afterAstral.length >= 2, `${afterAstral.length} highlighted items come after an astral character`);
  const shown = await page.evaluate((ids) => ids.map((id) =>
    [...document.querySelectorAll(`#text [data-ids~="${id}"]`)].map((node) => node.textContent).join("")),
  items.map((item) => item.id));
  const wrong = items.filter((item, i) => shown[i] !== item.text).map((item, i) => `${item.id}: ${JSON.stringify(shown[i])} ≠ ${JSON.stringify(item.text)}`);
  check(items.length > 0 && wrong.length === 0, `all ${items.length} entities, dates and quantities cover their words in UTF-16 ${wrong.join("; ")}`);
  const triggers = await page.evaluate((events) => events.map((event) =>
    [...document.querySelectorAll(`#text .trigger[data-ids~="${event.id}"]`)].map((node) => node.textContent).join("")), nonBmp.events);
  const triggerWords = nonBmp.events.map((event) => (event.trigger.parts || [event.trigger]).map((part) => part.text).join(""));
  check(nonBmp.events.length > 0 && triggers.every((text, i) => text === triggerWords[i]), `the ${nonBmp.events.length} event triggers cover their words`);

  // An article with every kind of highlight: the one with most claims and events.
  const documents = (await api("documents?limit=500")).items;
  const rich = documents.filter((doc) => !doc.id.startsWith("web-")).sort((a, b) => (b.claims + b.events) - (a.claims + a.events))[0];
  const record = (await api("documents/" + encodeURIComponent(rich.id))).record;
  await open("#/doc/" + encodeURIComponent(rich.id));
  for (const kind of ["entity", "time", "quantity", "trigger", "speaker", "cue", "content"]) {
    const count = await page.locator(`#text .hl.${kind}`).count();
    check(count > 0, `${rich.id}: ${count} highlights of kind ${kind}`);
  }
  check(await page.locator(".event-card").count() === record.events.length, `${rich.id}: a card beside its sentence for each of the ${record.events.length} events`);
  // Clicking a trigger shows the event's record; its card is beside the sentence.
  const event = record.events[0];
  await page.locator(`#text .trigger[data-ids~="${event.id}"]`).first().click();
  const panelTitle = await page.locator("#record-panel .record h3").first().textContent();
  check(panelTitle === `Event ${event.id}`, `clicking the trigger of ${event.id} shows its record (${panelTitle})`);
  const panelText = await page.locator("#record-panel").textContent();
  check(panelText.includes(event.type) && panelText.includes("actors") && panelText.includes("date_source"), "the record shows type, actors and date");
  const beside = await page.evaluate((id) => {
    const trigger = document.querySelector(`#text .trigger[data-ids~="${id}"]`);
    return !!trigger.closest(".row").querySelector(`.event-card[data-event="${id}"].selected`);
  }, event.id);
  check(beside, `the card of ${event.id} is beside its evidence and marked`);
  // Clicking a claim's content shows the claim and marks its speaker with it.
  const claim = record.claims.find((c) => c.speaker) || record.claims[0];
  await page.locator(`#text .content[data-ids~="${claim.id}"]`).last().click({ position: { x: 2, y: 5 } });
  const claimTitle = await page.locator("#record-panel .record h3").first().textContent();
  check(claimTitle === `Claim ${claim.id}`, `clicking the content of ${claim.id} shows its record (${claimTitle})`);
  const speakerMarked = await page.locator(`#text .speaker.selected[data-ids~="${claim.id}"]`).count();
  check(!claim.speaker || speakerMarked > 0, `the speaker of ${claim.id} is marked with its content`);
  // A reference in a record opens the record it names: an event's reporting claim.
  const reported = record.events.find((e) => e.claim);
  if (reported) {
    await page.locator(`#text .trigger[data-ids~="${reported.id}"]`).first().click();
    await page.locator("#record-panel .record").first().locator("button.ref", { hasText: reported.claim }).first().click();
    const opened = await page.locator("#record-panel .record h3").first().textContent();
    check(opened === `Claim ${reported.claim}`, `the reporting claim in the record of ${reported.id} opens ${reported.claim} (${opened})`);
  }

  // Markup in an article's title and text is shown as text and never runs.
  const markup = (await api("documents/web-markup")).document;
  await open("#/doc/web-markup");
  check(await page.evaluate(() => window.__xss === undefined), "no script of the article ran");
  check((await page.locator("#doc-title").textContent()) === markup.title, "the title's markup shows as text");
  check(await page.locator("#view img, #view script, #view b").count() === 0, "no element was made from the article's markup");
  check((await page.locator("#text").textContent()).includes("<script>"), "the text's markup shows as text");
  await open("#/");
  check(await page.evaluate(() => window.__xss === undefined) && await page.locator("#view img").count() === 0, "the documents list shows the title as text");

  // Events table and a filter.
  const allEvents = (await api("events?limit=500")).items;
  await open("#/events");
  const rows = await page.locator("#events-table tbody tr").count();
  check(rows === allEvents.length && rows > 0, `the events table shows all ${allEvents.length} events (${rows})`);
  const counts = {};
  allEvents.forEach((e) => { counts[e.type] = (counts[e.type] || 0) + 1; });
  const type = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  await page.selectOption("select[name=type]", type);
  const beforeFilter = await page.evaluate(() => document.getElementById("view").dataset.rendered);
  await page.click("form.filters button[type=submit]");
  await page.waitForFunction((previous) => document.getElementById("view").dataset.rendered !== previous &&
    document.getElementById("view").dataset.ready === "true", beforeFilter);
  const types = await page.locator("#events-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.type));
  check(page.url().includes("type=" + type), `the filter is in the address (${page.url().split("#")[1]})`);
  check(types.length === counts[type] && types.every((t) => t === type) && types.length < rows,
    `filtering by type ${type} shows its ${counts[type]} events only (${types.length})`);

  // Claims: a denial shows the claims it answers; a claim shows the events it reports.
  await open("#/claims?stance=deny");
  const denials = await page.locator(".claim-card.stance-deny").count();
  const answered = await page.locator(".claim-card.stance-deny .answers li").count();
  check(denials > 0 && answered > 0, `denials (${denials}) show the claims they answer (${answered})`);
  await open("#/claims");
  check(await page.locator(".claim-card .reports li a").count() > 0, "claims show the events they report");

  // Pictures.
  await open("#/timeline");
  const marks = await page.locator("#timeline svg .mark").count();
  const pairs = await page.locator("#timeline svg text.pair").allTextContents();
  check(marks > 0 && pairs.length > 0 && pairs.every((p) => p.includes(" → ")), `the timeline has ${marks} marks in ${pairs.length} actor-pair rows`);
  await open("#/network");
  const edges = await page.locator("#network svg .edge").count();
  check(edges > 0 && await page.locator("#network svg .node").count() > 1, `the network has ${edges} edges`);
  await open("#/map");
  const countries = await page.locator("#map svg path.country").count();
  const places = await page.locator("#map svg .place").count();
  check(countries > 100, `the map draws ${countries} countries`);
  check(places > 0, `the map shows ${places} event locations`);

  check(problems.length === 0, "no console error, exception or request to another host" + (problems.length ? ":\n  " + problems.join("\n  ") : ""));
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  console.log("FAIL  " + (error && error.stack ? error.stack : error));
  if (problems.length) console.log("  " + problems.join("\n  "));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  clearTimeout(watchdog);
}
process.exit(exitCode);
