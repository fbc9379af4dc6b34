// The article view's offsets without a browser: the worked example of docs/format.md, as is and
// with characters outside the BMP put before its text, is cut into pieces whose UTF-16 slices
// give every item exactly its words. Run by `cargo test -p lagebild-web` (node segments.mjs).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { segments } from "../src/article.js";
import { utf16Offsets } from "../src/offsets.js";

const format = readFileSync(fileURLToPath(new URL("../../../../docs/format.md", import.meta.url)), "utf8");
const block = format.split("<!-- example-record -->")[1].split("```json\n")[1].split("\n```")[0];
const example = JSON.parse(block);

/** The record with `prefix` put before its text: every offset moves by its code points. */
function shifted(record, prefix) {
  const n = [...prefix].length;
  const moved = JSON.parse(JSON.stringify(record, (key, value) =>
    (key === "start" || key === "end") && typeof value === "number" ? value + n : value));
  moved.text = prefix + record.text;
  moved.sentences[0].start = 0;
  return moved;
}

assert.deepEqual(utf16Offsets("a😀b"), [0, 1, 3, 4]);
assert.deepEqual(utf16Offsets(""), [0]);

for (const record of [example, shifted(example, "😀 𝔘𝔫𝔦 🇩🇪 ")]) {
  const rows = segments(record);
  assert.equal(rows.length, record.sentences.length);
  const pieces = rows.flat();
  assert.equal(pieces.map((piece) => record.text.slice(piece.start, piece.end)).join(""), record.text, "the pieces are the text");
  const words = (id, kind) => pieces.filter((piece) => piece.spans.some((span) => span.id === id && span.kind.split(" ")[0] === kind))
    .map((piece) => record.text.slice(piece.start, piece.end)).join("");
  for (const entity of record.entities) assert.equal(words(entity.id, "entity"), entity.text, entity.id);
  for (const time of record.times) assert.equal(words(time.id, "time"), time.text, time.id);
  for (const quantity of record.quantities) assert.equal(words(quantity.id, "quantity"), quantity.text, quantity.id);
  for (const event of record.events) {
    const parts = event.trigger.parts || [event.trigger];
    assert.equal(words(event.id, "trigger"), parts.map((part) => part.text).join(""), event.id);
  }
  for (const claim of record.claims) {
    assert.equal(words(claim.id, "content"), (claim.content.parts || [claim.content]).map((part) => part.text).join(""), claim.id);
    if (claim.speaker) assert.equal(words(claim.id, "speaker"), claim.speaker.text, claim.id);
  }
}
console.log("segments: ok");
