use std::fmt;

/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// Invariant: `start <= end`. Whether the offsets lie on char boundaries of a particular
/// text is checked by [`crate::Document::check_invariants`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    start: u32,
    end: u32,
}

impl TextRange {
    /// Panics if `start > end`: a reversed range is a bug in the stage that made it.
    #[inline]
    pub fn new(start: u32, end: u32) -> TextRange {
        assert!(start <= end, "reversed range {start}..{end}");
        TextRange { start, end }
    }

    /// From `usize` byte offsets, as string slicing gives them. Panics past 4 GiB, which
    /// [`crate::Document::new`] rules out.
    pub fn from_usize(start: usize, end: usize) -> TextRange {
        let narrow = |offset: usize| u32::try_from(offset).expect("offset within a document of under 4 GiB");
        TextRange::new(narrow(start), narrow(end))
    }

    #[inline]
    pub fn start(self) -> u32 {
        self.start
    }

    #[inline]
    pub fn end(self) -> u32 {
        self.end
    }

    #[inline]
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this range.
    #[inline]
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest range covering both.
    #[inline]
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[inline]
    pub fn as_usize(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl fmt::Display for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
