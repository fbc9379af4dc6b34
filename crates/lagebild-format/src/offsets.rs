//! Byte offsets of the document model to character offsets of the JSON contract.

use lagebild_doc::TextRange;

/// Maps the UTF-8 byte offsets of one text to character (Unicode scalar value) offsets.
/// Built once per document in O(n); each lookup is O(1).
pub(crate) struct CharIndex {
    /// The character index of every byte offset, and of the end of the text; `None` for an
    /// ASCII text, where both are the same.
    chars_at: Option<Vec<u32>>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { chars_at: None };
        }
        let mut chars_at = Vec::with_capacity(text.len() + 1);
        let mut count = 0u32;
        for ch in text.chars() {
            // The bytes inside a character map to it too; the model never points there.
            chars_at.extend(std::iter::repeat_n(count, ch.len_utf8()));
            count += 1;
        }
        chars_at.push(count);
        CharIndex { chars_at: Some(chars_at) }
    }

    /// The character offset of a byte offset on a char boundary of the text.
    pub(crate) fn char_offset(&self, byte: u32) -> u32 {
        match &self.chars_at {
            None => byte,
            Some(chars_at) => chars_at[byte as usize],
        }
    }

    /// `(start, end)` in characters.
    pub(crate) fn range(&self, range: TextRange) -> (u32, u32) {
        (self.char_offset(range.start()), self.char_offset(range.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boundary_maps_to_its_character_count() {
        let text = "a„ö“–😀𝔘z";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte as u32) as usize, chars);
        }
        assert_eq!(index.char_offset(text.len() as u32) as usize, text.chars().count());
        assert_eq!(CharIndex::new("abc").range(TextRange::new(1, 3)), (1, 3));
    }
}
