// The record's offsets count Unicode code points; JavaScript strings and the DOM count UTF-16
// code units, so a character outside the Basic Multilingual Plane (😀, 𝔘) is one there and two
// here. `utf16Offsets(text)[i]` is the UTF-16 offset of code point i; the last entry is
// `text.length`.

export function utf16Offsets(text) {
  const offsets = [0];
  let unit = 0;
  for (const ch of text) {
    unit += ch.length; // for..of walks code points: ch is one or two code units
    offsets.push(unit);
  }
  return offsets;
}

/** The UTF-16 offset of code point `index`, clamped to the text. */
export function toUtf16(offsets, index) {
  if (index <= 0) return 0;
  return offsets[Math.min(index, offsets.length - 1)];
}
