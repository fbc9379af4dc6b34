use std::fmt;

/// Counts of matched, predicted and gold items, with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Score {
    /// Scores exact matches between two lists of `(start, end)` spans; each list is sorted here.
    pub fn of_spans(mut gold: Vec<(usize, usize)>, mut predicted: Vec<(usize, usize)>) -> Score {
        gold.sort_unstable();
        gold.dedup();
        predicted.sort_unstable();
        predicted.dedup();
        let (mut g, mut p, mut matched) = (0, 0, 0);
        while g < gold.len() && p < predicted.len() {
            match gold[g].cmp(&predicted[p]) {
                std::cmp::Ordering::Equal => {
                    matched += 1;
                    g += 1;
                    p += 1;
                }
                std::cmp::Ordering::Less => g += 1,
                std::cmp::Ordering::Greater => p += 1,
            }
        }
        Score { matched, predicted: predicted.len(), gold: gold.len() }
    }

    pub fn add(&mut self, other: Score) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.4}  R {:.4}  F1 {:.4}  ({} matched, {} predicted, {} gold)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.matched,
            self.predicted,
            self.gold
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_match_exactly() {
        let score = Score::of_spans(vec![(0, 3), (4, 9), (10, 12)], vec![(0, 3), (4, 8), (10, 12), (13, 14)]);
        assert_eq!(score, Score { matched: 2, predicted: 4, gold: 3 });
        assert!((score.f1() - 4.0 / 7.0).abs() < 1e-9);
    }
}
