//! The grade the answer points suggest, and the points a draft covers ticked for the user:
//! one rule for study, mock interview review and the reveal after an undo, so the same
//! ticks never suggest two grades on two screens.
//!
//! The rule: all points covered → Good, at least half → Hard, fewer than half (none
//! included) → Again; Easy is never suggested, it is the user's call. A card without
//! points has nothing to judge by, so it gets Good, Anki's default. The suggestion never
//! falls as more points are covered: ticking a point can only keep or raise it.
//!
//! Nothing is suggested when nothing backs a judgement: the card has points, none is
//! ticked and no draft was typed. An answer said aloud and left unticked has not missed
//! every point, it has not been judged yet; suggesting Again there made two Spaces (the
//! habit Anki teaches, where Space is Good) fail every card answered aloud.

use crate::core::review::scheduler::Rating;

/// What the ticked points suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion {
    pub rating: Rating,
    /// `false` for a card without points: Good then is the default, not a judgement.
    pub from_points: bool,
}

/// The grade `covered` of `total` points suggest (see the module's rule).
pub fn suggested_grade(covered: usize, total: usize) -> Suggestion {
    if total == 0 {
        return Suggestion {
            rating: Rating::Good,
            from_points: false,
        };
    }
    let covered = covered.min(total);
    let rating = if covered == total {
        Rating::Good
    } else if covered * 2 >= total {
        Rating::Hard
    } else {
        Rating::Again
    };
    Suggestion {
        rating,
        from_points: true,
    }
}

/// [`suggested_grade`] of a card's tick boxes (its own points included), or `None` when
/// nothing backs one: points to judge by, none ticked, and `drafted` false (no typed
/// answer for the detector to have read).
pub fn suggestion(ticked: &[bool], drafted: bool) -> Option<Suggestion> {
    let covered = ticked.iter().filter(|tick| **tick).count();
    if covered == 0 && !drafted && !ticked.is_empty() {
        return None;
    }
    Some(suggested_grade(covered, ticked.len()))
}

/// Whether a draft is an answer the detector read: blank space is no answer.
pub fn drafted(draft: &str) -> bool {
    !draft.trim().is_empty()
}

/// The ticks a card starts with at the reveal (or at a mock interview's review): exactly
/// the points `detected` in the draft. Ticks from an earlier showing are dropped, so a
/// card brought back by undo is ticked from its re-typed draft as on its first showing.
pub fn ticks_at_reveal(points: usize, detected: &[usize]) -> Vec<bool> {
    let mut ticked = vec![false; points];
    for &point in detected {
        if let Some(tick) = ticked.get_mut(point) {
            *tick = true;
        }
    }
    ticked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(rating: Rating) -> u8 {
        u8::from(rating)
    }

    #[test]
    fn more_points_covered_never_suggest_a_lower_grade() {
        for total in 1..=8 {
            let mut last = None;
            for covered in 0..=total {
                let now = suggested_grade(covered, total);
                assert!(now.from_points);
                if let Some(before) = last {
                    assert!(
                        rank(now.rating) >= rank(before),
                        "{covered}/{total}: {:?} after {before:?}",
                        now.rating
                    );
                }
                last = Some(now.rating);
            }
        }
    }

    #[test]
    fn the_rule_for_every_count_up_to_eight_points() {
        for total in 1..=8usize {
            for covered in 0..=total {
                let expected = if covered == total {
                    Rating::Good
                } else if 2 * covered >= total {
                    Rating::Hard
                } else {
                    Rating::Again
                };
                assert_eq!(
                    suggested_grade(covered, total).rating,
                    expected,
                    "{covered}/{total}"
                );
                assert_ne!(suggested_grade(covered, total).rating, Rating::Easy);
            }
        }
    }

    #[test]
    fn nothing_covered_is_again_and_no_points_is_good_unjudged() {
        let rating = |ticked: &[bool]| suggestion(ticked, true).map(|s| s.rating);
        assert_eq!(rating(&[false, false, false]), Some(Rating::Again));
        assert_eq!(rating(&[true, false, false]), Some(Rating::Again));
        assert_eq!(rating(&[true, true, false]), Some(Rating::Hard));
        assert_eq!(rating(&[true, true, true]), Some(Rating::Good));
        let unjudged = Some(Suggestion {
            rating: Rating::Good,
            from_points: false,
        });
        assert_eq!(suggestion(&[], true), unjudged);
        assert_eq!(suggestion(&[], false), unjudged);
    }

    #[test]
    fn an_answer_without_draft_or_tick_has_no_suggestion() {
        assert_eq!(suggestion(&[false, false], false), None);
        // One tick is the user's judgement: it suggests, draft or not.
        assert_eq!(
            suggestion(&[true, false, false], false).map(|s| s.rating),
            Some(Rating::Again)
        );
        assert_eq!(
            suggestion(&[true, true], false).map(|s| s.rating),
            Some(Rating::Good)
        );
        assert!(!drafted(" \n\u{3000}\t"));
        assert!(drafted("採用"));
    }

    #[test]
    fn the_ticks_at_the_reveal_are_the_detected_points_alone() {
        assert_eq!(ticks_at_reveal(3, &[2, 0]), [true, false, true]);
        assert_eq!(ticks_at_reveal(2, &[]), [false, false]);
        // A point index from a deck edited since is ignored, never a panic.
        assert_eq!(ticks_at_reveal(1, &[5]), [false]);
    }
}
