//! The document's invariants, checked in tests and after every stage in debug builds.

use crate::{Arg, Document, Span, TextRange};

/// A broken invariant of a [`Document`]: always a bug in the stage that made the record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvariantError {
    #[error("{layer} {index}: range {range} lies outside the text of {len} bytes")]
    OutOfBounds { layer: &'static str, index: usize, range: TextRange, len: usize },
    #[error("{layer} {index}: range {range} does not lie on char boundaries")]
    NotCharBoundary { layer: &'static str, index: usize, range: TextRange },
    #[error("{layer} {index}: range {range} is out of order or overlaps the one before")]
    Unordered { layer: &'static str, index: usize, range: TextRange },
    #[error("{layer} {index}: refers to {target} {id}, which does not exist")]
    DanglingId { layer: &'static str, index: usize, target: &'static str, id: usize },
    #[error("{layer} {index}: part {part} lies outside the span's range {range}")]
    PartOutsideSpan { layer: &'static str, index: usize, part: TextRange, range: TextRange },
    #[error("{layer} {index}: a blank range {range} (empty or all white space)")]
    Blank { layer: &'static str, index: usize, range: TextRange },
}

impl Document {
    /// Checks that every range lies inside the text on char boundaries, that sentences and
    /// tokens are sorted, non-overlapping and not blank, that span parts lie inside their
    /// span, and that every id refers to an existing record.
    pub fn check_invariants(&self) -> Result<(), InvariantError> {
        let mut check = Checker { doc: self, layer: "", index: 0 };
        check.sorted_non_blank("sentence", self.sentences.iter().map(|s| s.range))?;
        check.sorted_non_blank("token", self.tokens.iter().map(|t| t.range))?;
        for (index, clause) in self.clauses.iter().enumerate() {
            check.at("clause", index);
            check.id("sentence", clause.sentence as usize, self.sentences.len())?;
            let positions =
                clause.tokens.iter().chain(&clause.verb_tokens).chain(&clause.introducer).chain(&clause.verb);
            for &token in positions.chain(clause.arguments.iter().map(|(_, token)| token)) {
                check.id("token", token as usize, self.tokens.len())?;
            }
            if let Some(parent) = clause.parent {
                check.id("clause", parent as usize, self.clauses.len())?;
            }
        }
        for (index, entity) in self.entities.iter().enumerate() {
            check.at("entity", index).range(entity.range)?;
        }
        for (index, time) in self.times.iter().enumerate() {
            check.at("time", index).range(time.range)?;
        }
        for (index, quantity) in self.quantities.iter().enumerate() {
            check.at("quantity", index).range(quantity.range)?;
        }
        for (index, claim) in self.claims.iter().enumerate() {
            check.at("claim", index);
            check.id("sentence", claim.sentence as usize, self.sentences.len())?;
            for arg in [&claim.speaker, &claim.channel, &claim.addressee].into_iter().flatten() {
                check.arg(arg)?;
            }
            check.span(&claim.cue)?;
            check.span(&claim.content)?;
            if let Some(parent) = claim.parent {
                check.id("claim", parent.index(), self.claims.len())?;
            }
            for other in &claim.responds_to {
                check.id("claim", other.index(), self.claims.len())?;
            }
            for event in &claim.events {
                check.id("event", event.index(), self.events.len())?;
            }
        }
        for (index, event) in self.events.iter().enumerate() {
            check.at("event", index);
            check.id("sentence", event.sentence as usize, self.sentences.len())?;
            for arg in event.actors.iter().chain(&event.recipients).chain(&event.location) {
                check.arg(arg)?;
            }
            if let Some(time) = event.time {
                check.id("time", time.index(), self.times.len())?;
            }
            for quantity in &event.quantities {
                check.id("quantity", quantity.index(), self.quantities.len())?;
            }
            check.span(&event.trigger)?;
            if let Some(claim) = event.claim {
                check.id("claim", claim.index(), self.claims.len())?;
            }
        }
        Ok(())
    }
}

struct Checker<'a> {
    doc: &'a Document,
    layer: &'static str,
    index: usize,
}

impl Checker<'_> {
    fn at(&mut self, layer: &'static str, index: usize) -> &mut Self {
        self.layer = layer;
        self.index = index;
        self
    }

    fn range(&self, range: TextRange) -> Result<(), InvariantError> {
        let text = self.doc.text();
        let (layer, index) = (self.layer, self.index);
        if range.end() as usize > text.len() {
            return Err(InvariantError::OutOfBounds { layer, index, range, len: text.len() });
        }
        if !text.is_char_boundary(range.start() as usize) || !text.is_char_boundary(range.end() as usize) {
            return Err(InvariantError::NotCharBoundary { layer, index, range });
        }
        Ok(())
    }

    fn sorted_non_blank(
        &mut self,
        layer: &'static str,
        ranges: impl Iterator<Item = TextRange>,
    ) -> Result<(), InvariantError> {
        let mut previous_end = 0;
        for (index, range) in ranges.enumerate() {
            self.at(layer, index).range(range)?;
            if range.start() < previous_end {
                return Err(InvariantError::Unordered { layer, index, range });
            }
            if self.doc.slice(range).trim().is_empty() {
                return Err(InvariantError::Blank { layer, index, range });
            }
            previous_end = range.end();
        }
        Ok(())
    }

    fn span(&self, span: &Span) -> Result<(), InvariantError> {
        self.range(span.range)?;
        for &part in &span.parts {
            self.range(part)?;
            if !span.range.contains_range(part) {
                let (layer, index, range) = (self.layer, self.index, span.range);
                return Err(InvariantError::PartOutsideSpan { layer, index, part, range });
            }
        }
        Ok(())
    }

    fn arg(&self, arg: &Arg) -> Result<(), InvariantError> {
        self.range(arg.range)?;
        if let Some(entity) = arg.entity {
            self.id("entity", entity.index(), self.doc.entities.len())?;
        }
        Ok(())
    }

    fn id(&self, target: &'static str, id: usize, len: usize) -> Result<(), InvariantError> {
        if id >= len {
            return Err(InvariantError::DanglingId { layer: self.layer, index: self.index, target, id });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Meta, Sentence, Token};

    fn doc(text: &str) -> Document {
        Document::new(Meta::new("t", "-"), text.to_owned())
    }

    #[test]
    fn a_range_inside_a_multibyte_char_is_rejected() {
        let mut d = doc("Pjöngjang");
        d.sentences.push(Sentence { range: TextRange::new(0, 3) });
        assert!(matches!(d.check_invariants(), Err(InvariantError::NotCharBoundary { .. })));
    }

    #[test]
    fn overlapping_tokens_and_dangling_ids_are_rejected() {
        let mut d = doc("ab cd");
        d.tokens.push(Token { range: TextRange::new(0, 4), ..Token::default() });
        d.tokens.push(Token { range: TextRange::new(3, 5), ..Token::default() });
        assert!(matches!(d.check_invariants(), Err(InvariantError::Unordered { index: 1, .. })));
        d.tokens.pop();
        d.claims.push(crate::Claim {
            sentence: 0,
            kind: crate::ClaimKind::Direct,
            construction: crate::ClaimConstruction::Verb,
            speaker: None,
            channel: None,
            addressee: None,
            cue: Span::continuous(TextRange::new(0, 2)),
            content: Span::continuous(TextRange::new(3, 5)),
            stance: crate::Stance::Assert,
            date: None,
            parent: None,
            responds_to: Vec::new(),
            events: Vec::new(),
        });
        assert!(matches!(d.check_invariants(), Err(InvariantError::DanglingId { target: "sentence", .. })));
    }

    #[test]
    fn ids_round_trip_through_their_string_form() {
        assert_eq!(crate::EntityId(3).to_string(), "e3");
        assert_eq!(crate::EventId::parse("v12"), Some(crate::EventId(12)));
        assert_eq!(crate::ClaimId::parse("e1"), None);
    }
}
