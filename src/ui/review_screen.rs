//! The review screen: question, optional typed draft with a running timer, answer points
//! to tick, a suggested grade and the four grade buttons; the session's summary once it
//! is over. The session lives here for as long as the app runs, so another screen can be
//! opened and the draft, ticks and timer are as they were on coming back.

/// The end of a session, drawn in place of the card: part of this screen, which owns the
/// session it reads.
mod summary;

use crate::core::collection::AnswerDetails;
use crate::core::content::deck::Lang;
use crate::core::drafts::{self, StudyDraft};
use crate::core::review::scheduler::{NextStates, Phase, Rating};
use crate::core::review::store::{Store, StoreError};
use crate::core::study::coverage::{Coverage, Miss};
use crate::core::study::delivery;
use crate::core::study::grading;
use crate::core::study::indexed::IndexedCollection;
use crate::core::study::queue;
use crate::core::study::scope::{DueCounts, QueueKind, Scope};
use crate::core::study::stopwatch::Stopwatch;
use crate::ui::context::{Action, FollowUp, ReviewAction, Screen, ScreenContext, View, Writing};
use crate::ui::strings::Strings;
use crate::ui::{ime, kinsoku};

use crate::ui::theme;
use crate::ui::voice::{self, Microphone, Take};
use crate::ui::widgets::{self, StartAtTop, rating_color, rating_label};
use chrono::{DateTime, FixedOffset};
use egui::{Key, Modifiers, RichText};

/// A card on screen in a study session.
#[derive(Debug, Clone)]
pub struct ShownCard {
    pub card_id: String,
    pub kind: QueueKind,
    /// Time spent on this card; stands still while another screen is shown.
    pub stopwatch: Stopwatch,
    pub revealed: bool,
    pub draft: String,
    pub ticked: Vec<bool>,
    pub note: String,
    /// When the note was last typed in and not yet logged: it is logged once typing
    /// pauses, or when the box lets go of the keyboard (it was logged only with the
    /// grade or on leaving the screen, so a killed window lost it).
    pub note_changed_at: Option<DateTime<FixedOffset>>,
    /// The points detected in the draft, and the draft they were detected in.
    pub detection: Option<(String, Coverage)>,
    /// When the draft last changed; detection waits until typing pauses.
    pub draft_changed_at: Option<DateTime<FixedOffset>>,
    /// The draft as it was on the previous frame, to notice a change.
    pub draft_seen: String,
    /// The points detected when the answer was revealed (logged with the answer).
    pub detected_at_reveal: Vec<usize>,
    /// Per point, at the reveal: why a point the draft touched was not credited.
    pub misses_at_reveal: Vec<Option<Miss>>,
    /// The answer point under the pointer, whose words are highlighted in the draft.
    pub hovered_point: Option<usize>,
    /// The answer box is to take the keyboard on the next frame (the card just appeared,
    /// or the user came back to it): until it has, a typed letter is text, not a key.
    pub take_keyboard: bool,
    /// The page is to go back to its top: a new card never opens scrolled to where the
    /// last one was read.
    pub scroll_to_top: bool,
    /// The answer points just appeared: the page scrolls them into view once (in a small
    /// window they are below the fold, under the question and the draft).
    pub scroll_to_points: bool,
    /// The answer as spoken, once recorded (logged with the grade).
    pub take: Option<Take>,
}

/// How long typing must pause before the draft is checked again: long enough not to
/// recompute on every key, short enough to feel live.
const DETECTION_DELAY_MS: i64 = 400;

impl ShownCard {
    /// Keeps the detection up to date with the draft, once typing pauses.
    fn detect(
        &mut self,
        collection: &IndexedCollection,
        now: DateTime<FixedOffset>,
        force: bool,
    ) -> bool {
        if self.draft != self.draft_seen {
            self.draft_seen = self.draft.clone();
            self.draft_changed_at = Some(now);
        }
        let current = self
            .detection
            .as_ref()
            .is_some_and(|(draft, _)| *draft == self.draft);
        if current {
            return false;
        }
        let paused = self
            .draft_changed_at
            .is_none_or(|at| (now - at).num_milliseconds() >= DETECTION_DELAY_MS);
        if !(paused || force) {
            return true;
        }
        let Some((_, card)) = collection.decks().find_card(&self.card_id) else {
            return false;
        };
        let coverage = collection.detector().detect(card, &self.draft);
        self.detection = Some((self.draft.clone(), coverage));
        false
    }

    fn detected(&self) -> &[usize] {
        self.detection
            .as_ref()
            .map_or(&[], |(_, coverage)| coverage.covered.as_slice())
    }
}

#[derive(Debug, Clone)]
pub struct Answered {
    pub review_id: String,
    pub card_id: String,
    pub rating: Rating,
    pub duration_ms: u64,
    /// What was on screen, so undo can put it back.
    pub shown: ShownCard,
}

#[derive(Debug, Clone)]
pub struct ReviewSession {
    pub scope: Scope,
    /// `None` once the session is over: its summary is shown.
    pub card: Option<ShownCard>,
    pub answered: Vec<Answered>,
    /// The user left while a card was still on screen (the summary does not call that
    /// complete).
    pub ended_early: bool,
}

impl ReviewSession {
    pub fn is_over(&self) -> bool {
        self.card.is_none()
    }
}

#[derive(Debug, Default)]
pub struct ReviewScreen {
    session: Option<ReviewSession>,
    /// The answer box takes the keyboard on the next frame (a draft taken up again: the
    /// user was typing, and keys outside the box would reveal and grade).
    focus_answer: bool,
    /// What is left today in the session's scope, for a collection generation, when
    /// counted: counting goes over every card, so not on every frame.
    remaining: Option<(u64, DateTime<FixedOffset>, summary::Remaining)>,
    /// A session asked for, started when the screen is entered: after the screen shown
    /// before is left, so a session over on this screen is closed and the note of a card
    /// on it saved before the new one takes its place.
    starting: Option<Scope>,
    /// Recording the answer on screen, if the user is.
    microphone: Microphone,
    /// Cards left unanswered with an answer typed or recorded (back to the decks, a new
    /// session begun while one was on screen, or an undo that put another card in its
    /// place), oldest first: each answer comes back when its card is next shown (they
    /// were thrown away).
    set_aside: Vec<SetAside>,
}

/// An unanswered card whose answer is kept, with the session it was shown in (as
/// `drafts.json` keeps it, so that it comes back after a restart too).
#[derive(Debug, Clone)]
struct SetAside {
    scope: Scope,
    card: ShownCard,
}

impl ReviewScreen {
    pub fn microphone(&self) -> &Microphone {
        &self.microphone
    }

    /// The session in progress or just over, if any.
    pub fn session(&self) -> Option<&ReviewSession> {
        self.session.as_ref()
    }

    /// Starts a session on `scope` with its first card (or straight at the summary when
    /// nothing is due).
    fn start(&mut self, collection: &IndexedCollection, scope: Scope, now: DateTime<FixedOffset>) {
        // A card left unanswered on screen keeps its answer for its next showing.
        if let Some(session) = self.session.take()
            && let Some(left) = session.card
        {
            self.set_aside(collection, session.scope, left, now);
        }
        let mut card = next_card(collection, &scope, now);
        take_up_set_aside(&mut self.set_aside, card.as_mut(), now);
        self.session = Some(ReviewSession {
            scope,
            card,
            answered: Vec::new(),
            ended_early: false,
        });
        self.remaining = None;
    }

    /// The answer typed (or recorded) to the card on screen, as `drafts.json` keeps it;
    /// `None` when nothing is typed or recorded.
    pub fn draft(&self, now: DateTime<FixedOffset>) -> Option<StudyDraft> {
        let session = self.session.as_ref()?;
        let card = session.card.as_ref().filter(|card| has_answer(card))?;
        Some(study_draft(&session.scope, card, now))
    }

    /// The answers set aside for their cards' next showing, as `drafts.json` keeps them.
    pub fn set_aside_drafts(&self, now: DateTime<FixedOffset>) -> Vec<StudyDraft> {
        self.set_aside
            .iter()
            .map(|aside| study_draft(&aside.scope, &aside.card, now))
            .collect()
    }

    /// Takes up the answers an earlier run set aside (from `drafts.json`): each comes back
    /// when its card is next shown. A card no deck has any more is left out.
    pub fn restore_set_aside(
        &mut self,
        collection: &IndexedCollection,
        drafts: &[StudyDraft],
        lang: Lang,
        now: DateTime<FixedOffset>,
    ) {
        for draft in drafts {
            if collection.decks().find_card(&draft.card).is_none() {
                continue;
            }
            let mut card = shown_from_draft(collection, draft, QueueKind::Review, lang, now);
            card.stopwatch.pause(now);
            self.set_aside.push(SetAside {
                scope: Scope::from(&draft.scope),
                card,
            });
        }
    }

    /// How many answers wait, set aside, for their cards' next showing.
    pub fn set_aside_count(&self) -> usize {
        self.set_aside.len()
    }

    /// Keeps the answer typed or recorded to `card`, left unanswered, for the card's next
    /// showing; a card left without an answer has nothing to keep.
    fn set_aside(
        &mut self,
        collection: &IndexedCollection,
        scope: Scope,
        mut card: ShownCard,
        now: DateTime<FixedOffset>,
    ) {
        if !has_answer(&card) {
            return;
        }
        card.stopwatch.pause(now);
        // An older answer to the same card gives way, with its recording.
        if let Some(place) = self
            .set_aside
            .iter()
            .position(|aside| aside.card.card_id == card.card_id)
            && let Some(take) = self.set_aside.remove(place).card.take
        {
            voice::discard_take(collection, &card.card_id, &take.id);
        }
        self.set_aside.push(SetAside { scope, card });
    }

    /// Takes a draft up again: a session on its scope with its card on screen, the answer
    /// as typed, its recording measured in `lang`, and the time already spent. False when
    /// the card is gone.
    pub fn resume(
        &mut self,
        collection: &IndexedCollection,
        draft: &StudyDraft,
        lang: Lang,
        now: DateTime<FixedOffset>,
    ) -> bool {
        let scope = Scope::from(&draft.scope);
        let kind = match queue::next_card(collection, &scope, now) {
            Some((card, kind)) if card == draft.card => kind,
            _ => QueueKind::Review,
        };
        if collection.decks().find_card(&draft.card).is_none() {
            return false;
        }
        let shown = shown_from_draft(collection, draft, kind, lang, now);
        self.focus_answer = true;
        self.session = Some(ReviewSession {
            scope,
            card: Some(shown),
            answered: Vec::new(),
            ended_early: false,
        });
        self.remaining = None;
        true
    }

    /// Stops the card's timer while the user decides something else (the close dialog);
    /// true if it was running, for [`ReviewScreen::release`].
    pub fn hold(&mut self, now: DateTime<FixedOffset>) -> bool {
        match self.shown_mut() {
            Some(card) if card.stopwatch.is_running() => {
                card.stopwatch.pause(now);
                true
            }
            _ => false,
        }
    }

    /// Runs the timer [`ReviewScreen::hold`] stopped again.
    pub fn release(&mut self, now: DateTime<FixedOffset>) {
        if let Some(card) = self.shown_mut() {
            card.stopwatch.resume(now);
        }
    }

    /// Drops the answer typed to the card on screen (the window closes without it).
    pub fn discard_draft(&mut self, collection: &IndexedCollection) {
        if let Some(card) = self.shown_mut() {
            card.draft.clear();
            if let Some(take) = card.take.take() {
                voice::discard_take(collection, &card.card_id, &take.id);
            }
        }
        for aside in std::mem::take(&mut self.set_aside) {
            if let Some(take) = aside.card.take {
                voice::discard_take(collection, &aside.card.card_id, &take.id);
            }
        }
    }

    /// Stops recording, if recording, and gives the card on screen the take (a take it
    /// had is recorded over, and its file goes).
    fn stop_recording(&mut self, collection: &IndexedCollection, lang: Lang, text: &Strings) {
        let pause_s = collection.settings().pause_seconds;
        let Some(take) = self.microphone.stop(lang, pause_s, text) else {
            return;
        };
        if let Some(card) = self.shown_mut() {
            if let Some(old) = card.take.replace(take) {
                voice::discard_take(collection, &card.card_id, &old.id);
            }
        } else {
            // No card on screen to own it (the session ended while it recorded).
            voice::discard_take(collection, "", &take.id);
        }
    }

    fn shown_mut(&mut self) -> Option<&mut ShownCard> {
        self.session
            .as_mut()
            .and_then(|session| session.card.as_mut())
    }

    /// Logs the note of the card on screen if it changed.
    pub fn save_note(
        &mut self,
        collection: &mut IndexedCollection,
        store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let (Some(card), Some(store)) = (self.shown_mut(), store) else {
            return Ok(());
        };
        collection.save_note(store, &card.card_id, &card.note, now)?;
        card.note_changed_at = None;
        Ok(())
    }

    /// Applies a step of the session. Answers and undos are on disk when this returns
    /// `Ok`; on an error nothing moved on, so the card stays on screen as it was.
    fn step(
        &mut self,
        action: ReviewAction,
        collection: &mut IndexedCollection,
        mut store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        match action {
            ReviewAction::Reveal => {
                if let Some(card) = self.shown_mut().filter(|card| !card.revealed) {
                    // The points the draft covers come ticked; the user can change any.
                    card.detect(collection, now, true);
                    let detected = card.detected().to_vec();
                    card.ticked = grading::ticks_at_reveal(card.ticked.len(), &detected);
                    card.detected_at_reveal = detected;
                    card.misses_at_reveal = card
                        .detection
                        .as_ref()
                        .map(|(_, coverage)| coverage.misses.clone())
                        .unwrap_or_default();
                    card.revealed = true;
                    card.scroll_to_points = true;
                }
                Ok(())
            }
            ReviewAction::Grade(rating) => {
                self.save_note(collection, store.as_deref_mut(), now)?;
                match store {
                    Some(store) => self.grade(rating, collection, store, now),
                    None => Ok(()),
                }
            }
            ReviewAction::Undo => match store {
                Some(store) => self.undo(collection, store, now),
                None => Ok(()),
            },
            ReviewAction::SaveNote => self.save_note(collection, store, now),
            // Recording is the screen's, not the session's: see `apply`.
            ReviewAction::Record | ReviewAction::Play => Ok(()),
            ReviewAction::End => {
                let saved = self.save_note(collection, store, now);
                if let Some(session) = &mut self.session {
                    let left = session.card.take();
                    session.ended_early = left.is_some();
                    if let Some(card) = left {
                        let scope = session.scope.clone();
                        self.set_aside(collection, scope, card, now);
                    }
                }
                saved
            }
        }
    }

    fn grade(
        &mut self,
        rating: Rating,
        collection: &mut IndexedCollection,
        store: &mut Store,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let Some(session) = &mut self.session else {
            return Ok(());
        };
        let Some(card) = session.card.as_ref().filter(|card| card.revealed) else {
            return Ok(());
        };
        let duration_ms = card.stopwatch.elapsed_ms(now);
        let details = AnswerDetails {
            duration_ms: Some(duration_ms),
            points_detected: Some(card.detected_at_reveal.clone()),
            spoken: card.take.as_ref().and_then(Take::spoken),
            ..AnswerDetails::with_ticks(&card.ticked, &card.draft)
        };
        let review_id = collection.record_answer(store, &card.card_id, rating, now, details)?;
        let mut shown = session.card.take().unwrap_or_else(|| unreachable!());
        shown.stopwatch.pause(now);
        session.answered.push(Answered {
            review_id,
            card_id: shown.card_id.clone(),
            rating,
            duration_ms,
            shown,
        });
        session.card = next_card(collection, &session.scope, now);
        take_up_set_aside(&mut self.set_aside, session.card.as_mut(), now);
        Ok(())
    }

    /// Undoes the session's last answer and shows that card again as it was, with the
    /// time already spent on it.
    fn undo(
        &mut self,
        collection: &mut IndexedCollection,
        store: &mut Store,
        now: DateTime<FixedOffset>,
    ) -> Result<(), StoreError> {
        let Some(session) = &mut self.session else {
            return Ok(());
        };
        let Some(last) = session.answered.last() else {
            return Ok(());
        };
        collection.undo(store, &last.review_id, now)?;
        let Some(last) = session.answered.pop() else {
            return Ok(());
        };
        let mut shown = last.shown;
        shown.revealed = false;
        shown.take_keyboard = true;
        shown.scroll_to_top = true;
        shown.stopwatch.resume(now);
        // The card on screen goes back to the queue unanswered, its answer kept for it.
        let left = session.card.replace(shown);
        session.ended_early = false;
        let scope = session.scope.clone();
        if let Some(left) = left {
            self.set_aside(collection, scope, left, now);
        }
        Ok(())
    }
}

impl View for ReviewScreen {
    /// The timer runs again if the answer is still open; a session asked for starts.
    fn enter(&mut self, writing: &mut Writing) {
        let now = writing.now;
        if let Some(card) = self.shown_mut() {
            card.take_keyboard = true;
            if !card.revealed {
                card.stopwatch.resume(now);
            }
        }
        if let Some(scope) = self.starting.take() {
            self.start(writing.collection, scope, now);
        }
    }

    /// The timer stops, a recording stops and the note is saved; a session that is over
    /// is closed.
    fn leave(&mut self, writing: &mut Writing) -> Vec<FollowUp> {
        let was_recording = self.microphone.is_recording();
        self.stop_recording(
            writing.collection,
            writing.card_language.order().0,
            writing.text,
        );
        if was_recording && self.microphone.problem.is_none() {
            // Said where the Record button is, for when the user comes back.
            self.microphone.problem = Some(writing.text.recording_stopped_on_leaving().to_string());
        }
        self.microphone.stop_playing();
        if self.session.as_ref().is_some_and(ReviewSession::is_over) {
            self.session = None;
        }
        if let Some(card) = self.shown_mut() {
            card.stopwatch.pause(writing.now);
        }
        let saved = self.save_note(
            writing.collection,
            writing.store.as_deref_mut(),
            writing.now,
        );
        writing.report(saved)
    }

    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        match action {
            Action::StartSession(scope) => {
                self.starting = Some(scope);
                vec![FollowUp::Open(Screen::Review)]
            }
            Action::Review(ReviewAction::Record) => {
                if self.microphone.is_recording() {
                    self.stop_recording(
                        writing.collection,
                        writing.card_language.order().0,
                        writing.text,
                    );
                } else if let (Some(store), true) = (
                    writing.store.as_deref(),
                    self.session
                        .as_ref()
                        .is_some_and(|session| session.card.is_some()),
                ) {
                    self.microphone.start(store, writing.now, writing.text);
                }
                Vec::new()
            }
            Action::Review(ReviewAction::Play) => {
                let take = self
                    .session
                    .as_ref()
                    .and_then(|session| session.card.as_ref())
                    .and_then(|card| card.take.clone());
                if let Some(take) = take {
                    self.microphone.toggle_playing(&take, writing.text);
                }
                Vec::new()
            }
            Action::Review(step) => {
                if matches!(
                    step,
                    ReviewAction::Grade(_) | ReviewAction::End | ReviewAction::Undo
                ) {
                    // The answer is over: what was said so far is the take, and a problem
                    // the microphone had belongs to this card, not the next (Undo puts the
                    // card on screen back unanswered, its take with it).
                    self.stop_recording(
                        writing.collection,
                        writing.card_language.order().0,
                        writing.text,
                    );
                    self.microphone.stop_playing();
                    self.microphone.problem = None;
                }
                // An answer given aloud and graded may leave older recordings of its card
                // to delete (the setting keep_recordings).
                let graded_aloud = match step {
                    ReviewAction::Grade(_) => self
                        .session
                        .as_ref()
                        .and_then(|session| session.card.as_ref())
                        .filter(|card| card.revealed && card.take.is_some())
                        .map(|card| card.card_id.clone()),
                    _ => None,
                };
                let result = self.step(
                    step,
                    writing.collection,
                    writing.store.as_deref_mut(),
                    writing.now,
                );
                if result.is_ok()
                    && let (Some(card_id), Some(store)) = (graded_aloud, writing.store.as_deref())
                {
                    self.microphone.problem = voice::keep_the_newest(
                        writing.collection,
                        store.dir(),
                        &card_id,
                        writing.text,
                    );
                }
                writing.report(result)
            }
            Action::Recording(_, action) => {
                writing.recording(&mut self.microphone, action);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        if self.microphone.ended_by_itself() {
            self.stop_recording(ctx.collection, ctx.card_language.order().0, ctx.text);
        }
        self.microphone.tidy();
        let Some(session) = &mut self.session else {
            return;
        };
        let generation = ctx.collection.generation();
        let counts = match self.remaining {
            Some((counted, at, counts))
                if counted == generation && (ctx.now - at).num_seconds().abs() < 30 =>
            {
                counts
            }
            _ => {
                let counts = summary::Remaining {
                    here: queue::due_counts(ctx.collection, &session.scope, ctx.now),
                    everywhere: queue::due_counts(ctx.collection, &Scope::AllDecks, ctx.now),
                };
                self.remaining = Some((generation, ctx.now, counts));
                counts
            }
        };
        let remaining = counts.here;
        let has_answered = !session.answered.is_empty();
        match &mut session.card {
            Some(shown) => {
                let focus = std::mem::take(&mut self.focus_answer);
                // The answer box keeps the keyboard (and the input method its context and
                // state) across clicks on the buttons and from card to card.
                let microphone = &self.microphone;
                ime::keeping_the_keyboard(ui, |ui| {
                    card_body(
                        ui,
                        ctx,
                        shown,
                        microphone,
                        remaining,
                        has_answered,
                        focus,
                        actions,
                    );
                });
            }
            None => {
                let kept = !self.set_aside.is_empty();
                summary::show(ui, ctx, session, counts, kept, actions);
            }
        }
    }
}

/// `card`'s answer as `drafts.json` keeps it, with the session it was shown in.
fn study_draft(scope: &Scope, card: &ShownCard, now: DateTime<FixedOffset>) -> StudyDraft {
    StudyDraft {
        scope: scope.into(),
        card: card.card_id.clone(),
        answer: card.draft.clone(),
        duration_ms: card.stopwatch.elapsed_ms(now),
        recording: card.take.as_ref().map(|take| take.id.clone()),
        at: now,
    }
}

/// Whether the user has typed or recorded an answer to `card`.
fn has_answer(card: &ShownCard) -> bool {
    grading::drafted(&card.draft) || card.take.is_some()
}

/// Puts the answer set aside for `card` back on it, with the time already spent.
fn take_up_set_aside(
    set_aside: &mut Vec<SetAside>,
    card: Option<&mut ShownCard>,
    now: DateTime<FixedOffset>,
) {
    let Some(card) = card else {
        return;
    };
    let Some(place) = set_aside
        .iter()
        .position(|aside| aside.card.card_id == card.card_id)
    else {
        return;
    };
    let aside = set_aside.remove(place).card;
    card.draft = aside.draft;
    card.take = aside.take;
    card.stopwatch = Stopwatch::continued(aside.stopwatch.elapsed_ms(now), now);
}

/// The next card of `scope` as it first appears: question only, timer running.
fn next_card(
    collection: &IndexedCollection,
    scope: &Scope,
    now: DateTime<FixedOffset>,
) -> Option<ShownCard> {
    let (card_id, kind) = queue::next_card(collection, scope, now)?;
    Some(shown_card(collection, card_id, kind, now))
}

/// The card of `draft` as the draft left it: the answer as typed, its recording measured
/// in `lang`, and the time already spent, running again.
fn shown_from_draft(
    collection: &IndexedCollection,
    draft: &StudyDraft,
    kind: QueueKind,
    lang: Lang,
    now: DateTime<FixedOffset>,
) -> ShownCard {
    let mut shown = shown_card(collection, draft.card.clone(), kind, now);
    shown.draft = draft.answer.clone();
    shown.take = draft
        .recording
        .as_ref()
        .map(|id| voice::Take::reopen(collection, id, lang, collection.settings().pause_seconds));
    shown.stopwatch = Stopwatch::continued(draft.duration_ms, now);
    shown
}

/// `card_id` as it first appears: question only, timer running.
fn shown_card(
    collection: &IndexedCollection,
    card_id: String,
    kind: QueueKind,
    now: DateTime<FixedOffset>,
) -> ShownCard {
    let points = collection
        .decks()
        .find_card(&card_id)
        .map_or(0, |(_, card)| card.points.len());
    ShownCard {
        note: collection.note(&card_id).to_string(),
        card_id,
        kind,
        stopwatch: Stopwatch::started(now),
        revealed: false,
        draft: String::new(),
        ticked: vec![false; points],
        note_changed_at: None,
        detection: None,
        draft_changed_at: None,
        draft_seen: String::new(),
        detected_at_reveal: Vec::new(),
        misses_at_reveal: Vec::new(),
        hovered_point: None,
        take_keyboard: true,
        scroll_to_top: true,
        scroll_to_points: false,
        take: None,
    }
}

/// Whether what the user types goes into a text box: one has the keyboard, or the
/// answer box is about to take it.
fn typing(ui: &egui::Ui, shown: &ShownCard) -> bool {
    shown.take_keyboard || ui.ctx().text_edit_focused()
}

/// Keyboard shortcuts, read before the widgets so a key never does two things. Keys that
/// type text are ignored while a text box has focus; Ctrl+Enter still reveals from there.
fn shortcuts(ui: &egui::Ui, shown: &ShownCard, has_answered: bool, actions: &mut Vec<Action>) {
    let typing = typing(ui, shown);
    ui.input_mut(|input| {
        if !shown.revealed {
            if input.consume_key(Modifiers::COMMAND, Key::Enter)
                || (!typing
                    && (input.consume_key(Modifiers::NONE, Key::Space)
                        || input.consume_key(Modifiers::NONE, Key::Enter)))
            {
                actions.push(Action::Review(ReviewAction::Reveal));
            }
        } else if !typing {
            let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
            for (key, rating) in keys.into_iter().zip(Rating::ALL) {
                if input.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Review(ReviewAction::Grade(rating)));
                }
            }
            if input.consume_key(Modifiers::NONE, Key::Space)
                || input.consume_key(Modifiers::NONE, Key::Enter)
            {
                // Without a suggestion the key does nothing: the hint under the grades
                // says to tick or press 1–4.
                let drafted = grading::drafted(&shown.draft);
                if let Some(suggestion) = grading::suggestion(&shown.ticked, drafted) {
                    actions.push(Action::Review(ReviewAction::Grade(suggestion.rating)));
                }
            }
        }
        // Shift+V records and stops, as Anki's "Record own voice"; never while typing,
        // where it is a capital V.
        if !typing && input.consume_key(Modifiers::SHIFT, Key::V) {
            actions.push(Action::Review(ReviewAction::Record));
        }
        // V plays the take back after the reveal, as Anki's replay of your own voice.
        if !typing
            && shown.revealed
            && shown.take.is_some()
            && input.consume_key(Modifiers::NONE, Key::V)
        {
            actions.push(Action::Review(ReviewAction::Play));
        }
        if has_answered
            && !typing
            && (input.consume_key(Modifiers::COMMAND, Key::Z)
                || input.consume_key(Modifiers::NONE, Key::U))
        {
            actions.push(Action::Review(ReviewAction::Undo));
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn card_body(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    shown: &mut ShownCard,
    microphone: &Microphone,
    remaining: DueCounts,
    has_answered: bool,
    focus: bool,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let now = ctx.now;
    let collection = ctx.collection;
    let language = ctx.card_language;
    let target_seconds = i64::from(collection.settings().answer_target_seconds);
    let Some((deck, card)) = collection.decks().find_card(&shown.card_id) else {
        return;
    };
    let state = collection.state(&card.id);
    let previews = collection.scheduler().preview(&card.id, &state, now);

    shortcuts(ui, shown, has_answered, actions);
    let keys = Keys {
        typing: typing(ui, shown),
        can_undo: has_answered,
    };

    // The bar at the bottom first, so it keeps its place whatever the card holds above.
    let bar = egui::Frame::new()
        .fill(theme::tone::CARD.on(ui))
        .inner_margin(egui::Margin::symmetric(8, 10));
    egui::Panel::bottom("answer_bar").frame(bar).show(ui, |ui| {
        if shown.revealed {
            let suggestion = grading::suggestion(&shown.ticked, grading::drafted(&shown.draft));
            grade_bar(ui, ctx, suggestion, &previews, keys, actions);
        } else {
            reveal_bar(ui, ctx, keys, actions);
        }
    });

    header(
        ui,
        ctx,
        deck.title.get(ctx.lang),
        state.phase(),
        remaining,
        shown,
        (target_seconds, microphone.is_recording()),
        actions,
    );
    if !shown.revealed {
        // The timer ticks once a second while the question is open.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }

    egui::ScrollArea::vertical()
        .id_salt("review_scroll")
        .auto_shrink([false, false])
        .start_at_top(std::mem::take(&mut shown.scroll_to_top))
        .show(ui, |ui| {
            theme::column(ui, theme::READING_WIDTH, |ui| {
                ui.add_space(theme::space::M);
                theme::card(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    theme::caption(ui, text.question);
                    let (first, below) = language.texts(&card.question);
                    let job = kinsoku::job(
                        ui,
                        RichText::new(first)
                            .size(theme::size::QUESTION)
                            .color(theme::tone::STRONG_TEXT.on(ui)),
                    );
                    kinsoku::label(ui, job);
                    if let Some(below) = below {
                        let job = kinsoku::job(
                            ui,
                            RichText::new(below)
                                .size(theme::size::BODY)
                                .color(theme::tone::MUTED_TEXT.on(ui)),
                        );
                        kinsoku::label(ui, job);
                    }
                });
                ui.add_space(theme::space::M);
                // Answering aloud comes first, above the box for a typed draft: the note's
                // header stays right under the box, where it has always been.
                let target = collection.settings().answer_target_seconds;
                if voice::recorder(ui, text, microphone, keys.typing, ctx.can_write(), target) {
                    actions.push(Action::Review(ReviewAction::Record));
                }
                let marks: Vec<std::ops::Range<usize>> =
                    match (&shown.detection, shown.hovered_point) {
                        (Some((draft, coverage)), Some(point)) if *draft == shown.draft => {
                            coverage.matches.get(point).cloned().unwrap_or_default()
                        }
                        _ => Vec::new(),
                    };
                let take_keyboard = std::mem::take(&mut shown.take_keyboard) || focus;
                let answer_box = widgets::answer_box_marked(
                    ui,
                    text,
                    &mut shown.draft,
                    4,
                    &marks,
                    take_keyboard,
                );
                // What is typed is seen: in a small window the box can be below the
                // question, out of view, when typing starts without a click.
                if answer_box.changed() {
                    answer_box.scroll_to_me(None);
                }
                if shown.detect(collection, ctx.now, false) {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(
                            DETECTION_DELAY_MS as u64,
                        ));
                }
                if let Some(take) = &shown.take {
                    voice::spoken_line(ui, text, take, target);
                    // Listening back is for after the reveal, beside the points to tick.
                    if shown.revealed
                        && let Some(action) =
                            voice::player(ui, text, microphone, take, !keys.typing)
                    {
                        actions.push(Action::Recording(Screen::Review, action));
                    }
                }
                if let Some(delivery) = delivery::assess(&shown.draft) {
                    widgets::delivery_line(ui, text, &delivery, target);
                    if !shown.revealed && !card.points.is_empty() {
                        let line = text.detected_so_far(shown.detected().len(), card.points.len());
                        theme::caption(ui, &line);
                    }
                }
                if shown.revealed {
                    ui.add_space(theme::space::M);
                    let detected = shown.detected_at_reveal.clone();
                    let misses = shown.misses_at_reveal.clone();
                    let ticked_before = shown.ticked.clone();
                    let points = theme::card(ui).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        widgets::answer_points(
                            ui,
                            text,
                            card,
                            collection.own_points(&card.id),
                            &mut shown.ticked,
                            language,
                            &detected,
                            &misses,
                        )
                    });
                    shown.hovered_point = points.inner;
                    // Ticking a point is grading, not typing: the answer box lets go of
                    // the keyboard, so 1–4 grade as the hint says (the box keeps it
                    // through clicks while the answer is written, for the input method).
                    if shown.ticked != ticked_before
                        && let Some(id) = ui.memory(|memory| memory.focused())
                    {
                        ui.memory_mut(|memory| memory.surrender_focus(id));
                    }
                    // The top of the points, as far as the view holds: their heading and
                    // the first ones, not their end.
                    if std::mem::take(&mut shown.scroll_to_points) {
                        let rect = points.response.rect;
                        let view = ui.clip_rect().height();
                        let top = egui::Rect::from_min_size(
                            rect.min,
                            egui::vec2(rect.width(), rect.height().min(view)),
                        );
                        ui.scroll_to_rect(top, None);
                    }
                    stories_section(ui, ctx, &card.id, actions);
                }
                ui.add_space(theme::space::M);
                let note_let_go = egui::CollapsingHeader::new(text.note)
                    .default_open(!shown.note.is_empty())
                    .show(ui, |ui| {
                        let label = theme::caption(ui, text.note_label);
                        let note = ui
                            .add_enabled(
                                ctx.can_write(),
                                egui::TextEdit::multiline(&mut shown.note)
                                    .layouter(&mut kinsoku::layouter)
                                    .hint_text(text.note_hint)
                                    .desired_rows(3)
                                    .desired_width(f32::INFINITY),
                            )
                            .labelled_by(label.id);
                        if note.changed() {
                            shown.note_changed_at = Some(ctx.now);
                        }
                        note.lost_focus()
                    })
                    .body_returned
                    .unwrap_or(false);
                // Outside the note's section: a note typed and then folded away is still
                // logged once typing pauses.
                if let Some(changed) = shown.note_changed_at {
                    let paused = (ctx.now - changed).num_milliseconds() >= drafts::SAVE_DELAY_MS;
                    if paused || note_let_go {
                        actions.push(Action::Review(ReviewAction::SaveNote));
                    } else {
                        ui.ctx()
                            .request_repaint_after(std::time::Duration::from_millis(
                                drafts::SAVE_DELAY_MS as u64,
                            ));
                    }
                }
                if shown.revealed
                    && let Some(action) = voice::card_history(
                        ui,
                        text,
                        collection,
                        ("review_history", &card.id),
                        microphone,
                        ctx.can_write(),
                        *ctx.now.offset(),
                    )
                {
                    actions.push(Action::Recording(Screen::Review, action));
                }
                let undo = if keys.typing {
                    text.undo.to_string()
                } else {
                    format!("{} (U)", text.undo)
                };
                if has_answered && ui.button(undo).clicked() {
                    actions.push(Action::Review(ReviewAction::Undo));
                }
                ui.add_space(theme::space::L);
            });
        });
}

/// Where the session is: a way out, the deck, the card's state, what is left today and
/// the answer timer.
#[allow(clippy::too_many_arguments)]
fn header(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    deck_title: &str,
    phase: Phase,
    remaining: DueCounts,
    shown: &ShownCard,
    (target_seconds, recording): (i64, bool),
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let place = HeaderPlace {
        phase,
        sweep: shown.kind == QueueKind::Sweep,
        deck_title,
    };
    let mut below = false;
    ui.horizontal(|ui| {
        // Right to left: the timer and the counts keep their room; the deck's title takes
        // what is left and is cut short, never drawn under them.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let elapsed = i64::try_from(shown.stopwatch.elapsed_ms(ctx.now) / 1000).unwrap_or(0);
            let clock = RichText::new(format!(
                "{} / {}",
                widgets::clock(elapsed),
                widgets::clock(target_seconds)
            ))
            .monospace()
            .size(18.0);
            if elapsed > target_seconds {
                ui.label(clock.color(ui.visuals().error_fg_color).strong())
                    .on_hover_text(text.past_target);
            } else {
                ui.label(clock);
            }
            // Always in sight, even when the Record button has scrolled away (large text
            // in a small window).
            if recording {
                ui.add_space(theme::space::S);
                ui.label(
                    RichText::new(text.recording_badge())
                        .color(ui.visuals().error_fg_color)
                        .strong(),
                );
            }
            ui.add_space(theme::space::M);
            remaining_counts(ui, text, remaining);
            ui.add_space(theme::space::M);
            // Where the way out and the card's state do not fit beside the counts (a
            // narrow window, large text), they go on a row of their own rather than over
            // the counts.
            if ui.available_width() >= place.least_width(ui, text) {
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    place.show(ui, text, actions);
                });
            } else {
                below = true;
            }
        });
    });
    if below {
        ui.horizontal(|ui| place.show(ui, text, actions));
    }
    ui.separator();
}

/// The left of the header: the way back, the card's state and its deck.
struct HeaderPlace<'a> {
    phase: Phase,
    sweep: bool,
    deck_title: &'a str,
}

impl HeaderPlace<'_> {
    /// Room for the button and the labels, and a few letters of the deck's title.
    fn least_width(&self, ui: &egui::Ui, text: &Strings) -> f32 {
        let button = egui::TextStyle::Button.resolve(ui.style());
        let small = egui::FontId::proportional(theme::size::SMALL);
        let spacing = ui.spacing();
        let mut least = theme::text_width(ui, &format!("← {}", text.back_to_decks), button)
            + 2.0 * spacing.button_padding.x
            + theme::space::S
            + theme::text_width(ui, text.phase(self.phase), small.clone())
            + 2.0 * spacing.item_spacing.x
            + 60.0;
        if self.sweep {
            least += theme::text_width(ui, text.sweep_badge, small) + spacing.item_spacing.x;
        }
        least
    }

    fn show(&self, ui: &mut egui::Ui, text: &Strings, actions: &mut Vec<Action>) {
        if ui.button(format!("← {}", text.back_to_decks)).clicked() {
            actions.push(Action::Review(ReviewAction::End));
        }
        ui.add_space(theme::space::S);
        ui.label(
            RichText::new(text.phase(self.phase))
                .size(theme::size::SMALL)
                .strong()
                .color(theme::phase_tone(self.phase).on(ui)),
        );
        if self.sweep {
            ui.label(
                RichText::new(text.sweep_badge)
                    .size(theme::size::SMALL)
                    .strong()
                    .color(theme::tone::LEARNING.on(ui)),
            )
            .on_hover_text(text.final_sweep_hint);
        }
        ui.add(
            egui::Label::new(RichText::new(self.deck_title).color(theme::tone::MUTED_TEXT.on(ui)))
                .truncate(),
        );
    }
}

/// What is left today in the session's decks, as Anki's "new + learning + review" counter.
fn remaining_counts(ui: &mut egui::Ui, text: &Strings, remaining: DueCounts) {
    // Right to left: the last comes first.
    for (index, (count, tone, name)) in [
        (remaining.review, theme::tone::DUE, text.due),
        (remaining.learning, theme::tone::LEARNING, text.learning),
        (remaining.new, theme::tone::NEW, text.new),
    ]
    .into_iter()
    .enumerate()
    {
        if index > 0 {
            ui.label(RichText::new("+").color(theme::tone::MUTED_TEXT.on(ui)));
        }
        ui.label(RichText::new(count.to_string()).strong().color(tone.on(ui)))
            .on_hover_text(format!("{name}: {count}"));
    }
    theme::caption(ui, text.left_today);
}

/// Which keys work now, for the hints under the bar: only those, so a hint never
/// promises a key that would type a letter instead.
#[derive(Debug, Clone, Copy)]
struct Keys {
    typing: bool,
    can_undo: bool,
}

impl Keys {
    /// `default`: the grade Space gives after the reveal, if any.
    fn hint(self, text: &Strings, revealed: bool, default: Option<Rating>) -> String {
        let default = default.map(|rating| rating_label(text, rating));
        let mut hint = match (self.typing, revealed) {
            (true, false) => text.keys_typing_before_reveal.to_string(),
            (true, true) => text.keys_typing_after_reveal(default),
            (false, false) => text.keys_before_reveal.to_string(),
            (false, true) => text.keys_after_reveal(default),
        };
        if self.can_undo && !self.typing {
            hint.push_str("   ");
            hint.push_str(text.keys_undo);
        }
        hint
    }
}

/// Before the reveal: the button that shows the points.
fn reveal_bar(ui: &mut egui::Ui, ctx: &ScreenContext, keys: Keys, actions: &mut Vec<Action>) {
    let text = ctx.text;
    ui.vertical_centered(|ui| {
        let key = if keys.typing { "Ctrl+Enter" } else { "Space" };
        let reveal = widgets::primary_button(&format!("{}  ({key})", text.show_answer))
            .min_size(egui::vec2(260.0, 44.0));
        if ui.add(reveal).clicked() {
            actions.push(Action::Review(ReviewAction::Reveal));
        }
        theme::caption(ui, &keys.hint(text, false, None));
    });
}

/// After the reveal: the four grades, each the same size in the same place on every
/// card, the default one (Space), if there is one, highlighted.
fn grade_bar(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    suggestion: Option<grading::Suggestion>,
    previews: &NextStates,
    keys: Keys,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let default = suggestion.map(|suggestion| suggestion.rating);
    let suggested = suggestion.is_some_and(|suggestion| suggestion.from_points);
    let gap = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - 3.0 * gap) / 4.0).min(180.0);
    let row_width = 4.0 * width + 3.0 * gap;
    let room = width - 2.0 * ui.spacing().button_padding.x;
    let font = egui::FontId::proportional(theme::size::BUTTON);
    ui.horizontal(|ui| {
        ui.add_space(((ui.available_width() - row_width) / 2.0).max(0.0));
        for (index, rating) in Rating::ALL.into_iter().enumerate() {
            let interval = previews
                .for_rating(rating)
                .due()
                .map(|due| widgets::interval_label(text, ctx.now, due))
                .unwrap_or_default();
            let name = format!("{} {}", index + 1, rating_label(text, rating));
            let tagged = format!("{interval} · {}", text.suggested);
            let tag = suggested && default == Some(rating);
            // The tag goes only where it fits: a wider button would push the last grade
            // off a narrow window and move the others. The highlight and the hint line
            // say it there too, and screen readers still hear it.
            let label = if tag && theme::text_width(ui, &tagged, font.clone()) <= room {
                format!("{name}\n{tagged}")
            } else {
                format!("{name}\n{interval}")
            };
            let spoken = (tag && !label.ends_with(&tagged)).then(|| format!("{name}\n{tagged}"));
            let color = rating_color(ui, rating);
            let mut button = egui::Button::new(RichText::new(label).size(theme::size::BUTTON));
            if default == Some(rating) {
                button = button
                    .fill(color.gamma_multiply(0.25))
                    .stroke(egui::Stroke::new(2.0, color));
            }
            let response =
                ui.add_enabled_ui(ctx.can_write(), |ui| ui.add_sized([width, 52.0], button));
            if let Some(spoken) = spoken {
                let enabled = ctx.can_write();
                response.inner.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, enabled, &spoken)
                });
            }
            if response.inner.clicked() {
                actions.push(Action::Review(ReviewAction::Grade(rating)));
            }
        }
    });
    ui.vertical_centered(|ui| {
        theme::caption(ui, &keys.hint(text, true, default));
    });
}

/// The user's stories linked to the card, under its points, and a way to write one.
pub fn stories_section(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    card_id: &str,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let stories: Vec<_> = ctx.collection.stories_of(card_id).collect();
    ui.add_space(theme::space::S);
    egui::CollapsingHeader::new(format!("{} ({})", text.your_stories, stories.len()))
        .id_salt(("stories", card_id))
        .default_open(!stories.is_empty())
        .show(ui, |ui| {
            for story in stories {
                ui.label(RichText::new(&story.content.title).strong());
                crate::ui::stories_screen::star(ui, text, &story.content);
                ui.add_space(theme::space::S);
            }
            if ctx.can_write() && ui.button(text.add_story).clicked() {
                actions.push(Action::WriteStory(card_id.to_string()));
            }
        });
}
