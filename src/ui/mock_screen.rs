//! Mock interview: pick roles, a number of questions and a time per answer; answer the
//! questions one after another without seeing the points; then tick and grade each answer
//! beside its points. Past sessions are listed with their coverage and time per answer.
//! The interview lives here for as long as the app runs, so another screen can be opened
//! in the middle of one.

use crate::core::collection::AnswerDetails;
use crate::core::content::deck::Lang;
use crate::core::content::role;
use crate::core::drafts::{MockDraft, MockDraftAnswer};
use crate::core::review::log::Mode;
use crate::core::review::scheduler::Rating;
use crate::core::review::store::{Store, StoreError};
use crate::core::study::delivery;
use crate::core::study::grading;
use crate::core::study::indexed::IndexedCollection;
use crate::core::study::mock::{self, MockSetup, MockSummary};
use crate::core::study::stopwatch::Stopwatch;
use crate::ui::context::{Action, FollowUp, MockAction, Screen, ScreenContext, View, Writing};
use crate::ui::ime;
use crate::ui::kinsoku;
use crate::ui::strings::Strings;
use crate::ui::theme;
use crate::ui::voice::{self, Microphone, Take};
use crate::ui::widgets::{self, FollowFocus, StartAtTop, rating_label};
use chrono::{DateTime, FixedOffset};
use egui::{Key, Modifiers, RichText};

/// One question asked in a mock interview and what the user did with it.
#[derive(Debug, Clone, PartialEq)]
pub struct MockAnswer {
    pub card_id: String,
    pub draft: String,
    pub duration_ms: u64,
    pub ticked: Vec<bool>,
    /// The points detected in the draft when grading began (they start ticked).
    pub detected: Vec<usize>,
    pub rating: Option<Rating>,
    /// The answer as spoken, if recorded (logged with the grade).
    pub take: Option<Take>,
}

#[derive(Debug, Clone)]
pub enum MockState {
    Setup(MockSetup),
    Answering {
        setup: MockSetup,
        answers: Vec<MockAnswer>,
        index: usize,
        /// Time on the current question; stands still while another screen is shown.
        stopwatch: Stopwatch,
        /// The user went to another screen: the interview waits for Resume.
        paused: bool,
    },
    Grading {
        setup: MockSetup,
        answers: Vec<MockAnswer>,
        /// The answer 1-4 grade (highlighted).
        focused: usize,
    },
}

impl MockAnswer {
    /// The grade that will be saved: the user's choice, or the default the ticked points
    /// give (preselected); none for an answer neither drafted nor ticked until the user
    /// chooses (see [`grading::suggestion`]).
    pub fn grade(&self) -> Option<Rating> {
        self.rating.or_else(|| self.suggestion().map(|s| s.rating))
    }

    fn suggestion(&self) -> Option<grading::Suggestion> {
        grading::suggestion(&self.ticked, grading::drafted(&self.draft))
    }
}

/// Why a mock interview could not go on.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    #[error("no questions in the chosen roles")]
    NoQuestions,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Settings(#[from] crate::core::files::WriteError),
}

#[derive(Debug)]
pub struct MockScreen {
    state: MockState,
    /// The answer box takes the keyboard when a question appears, once: requesting focus
    /// on every frame would fight the user's clicks (and an input method's composition).
    focus_answer: bool,
    /// Quit was pressed and waits for the user to confirm discarding the answers.
    confirming_quit: bool,
    /// The review of the answers opens at the first one, never where the last review
    /// (or one in an earlier run of the app) was scrolled to.
    grading_from_the_top: bool,
    /// Recording the answer to the question on screen, or playing one back in the review.
    microphone: Microphone,
    /// The page last shown (setup, pause, or the question's number): a new one opens at
    /// its top, not where the last was scrolled to (the question was out of sight).
    page_shown: Option<(u8, usize)>,
}

impl Default for MockScreen {
    fn default() -> Self {
        Self {
            state: MockState::Setup(MockSetup::default()),
            focus_answer: false,
            confirming_quit: false,
            grading_from_the_top: false,
            microphone: Microphone::default(),
            page_shown: None,
        }
    }
}

impl MockScreen {
    /// The setup screen, set as the last mock interview started was (the settings keep
    /// it across runs).
    pub fn remembering(settings: &crate::core::settings::Settings) -> Self {
        Self {
            state: MockState::Setup(MockSetup::remembered(settings)),
            ..Self::default()
        }
    }

    pub fn state(&self) -> &MockState {
        &self.state
    }

    /// The interview as `drafts.json` keeps it: `None` before the first answer is typed,
    /// recorded or finished (nothing to lose yet) and once it is saved or quit.
    pub fn draft(&self, now: DateTime<FixedOffset>) -> Option<MockDraft> {
        let (setup, answers, current) = match &self.state {
            MockState::Setup(_) => return None,
            MockState::Answering {
                setup,
                answers,
                index,
                stopwatch,
                ..
            } => {
                let started = *index > 0
                    || answers
                        .iter()
                        .any(|a| !a.draft.trim().is_empty() || a.take.is_some());
                if !started {
                    return None;
                }
                let mut answers = answers.clone();
                if let Some(answer) = answers.get_mut(*index) {
                    answer.duration_ms = stopwatch.elapsed_ms(now);
                }
                (setup, answers, Some(*index))
            }
            MockState::Grading { setup, answers, .. } => (setup, answers.clone(), None),
        };
        Some(MockDraft {
            roles: setup.roles.iter().cloned().collect(),
            questions: setup.questions,
            seconds_per_answer: setup.seconds_per_answer,
            answers: answers
                .into_iter()
                .map(|answer| MockDraftAnswer {
                    card: answer.card_id,
                    answer: answer.draft,
                    duration_ms: answer.duration_ms,
                    ticked: answer.ticked,
                    detected: answer.detected,
                    rating: answer.rating,
                    recording: answer.take.map(|take| take.id),
                })
                .collect(),
            current,
            at: now,
        })
    }

    /// Takes a drafted interview up again where it was: the question on screen with its
    /// timer running from the time already spent, or the grading.
    pub fn resume(
        &mut self,
        draft: &MockDraft,
        collection: &IndexedCollection,
        lang: Lang,
        now: DateTime<FixedOffset>,
    ) {
        let setup = MockSetup {
            roles: draft.roles.iter().cloned().collect(),
            questions: draft.questions,
            seconds_per_answer: draft.seconds_per_answer,
        };
        let mut answers: Vec<MockAnswer> = draft
            .answers
            .iter()
            .map(|answer| {
                // The deck may have changed since: one tick per point it has now.
                let points = collection
                    .decks()
                    .find_card(&answer.card)
                    .map_or(0, |(_, card)| card.points.len());
                let mut ticked = answer.ticked.clone();
                ticked.resize(points, false);
                MockAnswer {
                    card_id: answer.card.clone(),
                    draft: answer.answer.clone(),
                    duration_ms: answer.duration_ms,
                    ticked,
                    detected: answer.detected.clone(),
                    rating: answer.rating,
                    take: answer.recording.as_ref().map(|id| {
                        Take::reopen(collection, id, lang, collection.settings().pause_seconds)
                    }),
                }
            })
            .collect();
        self.confirming_quit = false;
        self.state = match draft.current.filter(|index| *index < answers.len()) {
            Some(index) => {
                let spent = answers.get(index).map_or(0, |answer| answer.duration_ms);
                if let Some(answer) = answers.get_mut(index) {
                    answer.duration_ms = 0;
                }
                self.focus_answer = true;
                MockState::Answering {
                    setup,
                    answers,
                    index,
                    stopwatch: Stopwatch::continued(spent, now),
                    paused: false,
                }
            }
            None => MockState::Grading {
                setup,
                answers,
                focused: 0,
            },
        };
    }

    /// Stops the question's timer while the user decides something else (the close
    /// dialog); true if it was running, for [`MockScreen::release`].
    pub fn hold(&mut self, now: DateTime<FixedOffset>) -> bool {
        match &mut self.state {
            MockState::Answering {
                stopwatch,
                paused: false,
                ..
            } if stopwatch.is_running() => {
                stopwatch.pause(now);
                true
            }
            _ => false,
        }
    }

    /// Runs the timer [`MockScreen::hold`] stopped again.
    pub fn release(&mut self, now: DateTime<FixedOffset>) {
        if let MockState::Answering {
            stopwatch,
            paused: false,
            ..
        } = &mut self.state
        {
            stopwatch.resume(now);
        }
    }

    /// Drops the interview (the window closes without it).
    pub fn discard(&mut self, collection: &IndexedCollection) {
        if let MockState::Answering { answers, .. } | MockState::Grading { answers, .. } =
            &self.state
        {
            // Recordings no answer will name: nothing could reach them again.
            for answer in answers {
                if let Some(take) = &answer.take {
                    voice::discard_take(collection, &answer.card_id, &take.id);
                }
            }
        }
        let setup = match &self.state {
            MockState::Answering { setup, .. } | MockState::Grading { setup, .. } => setup.clone(),
            MockState::Setup(setup) => setup.clone(),
        };
        self.state = MockState::Setup(setup);
        self.confirming_quit = false;
    }

    fn step(
        &mut self,
        action: MockAction,
        collection: &mut IndexedCollection,
        store: Option<&mut Store>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), MockError> {
        match action {
            MockAction::Start(setup) => {
                let kept = setup.preferences();
                self.start(setup, collection, now)?;
                // A window that does not own the data folder writes nothing.
                if store.is_some() {
                    collection.remember_mock_setup(kept)?;
                }
                Ok(())
            }
            MockAction::Next => {
                self.next_question(collection, now);
                Ok(())
            }
            MockAction::Resume => {
                if let MockState::Answering {
                    stopwatch, paused, ..
                } = &mut self.state
                {
                    stopwatch.resume(now);
                    *paused = false;
                    self.focus_answer = true;
                }
                Ok(())
            }
            MockAction::Quit => {
                self.discard(collection);
                Ok(())
            }
            MockAction::Save => match store {
                Some(store) => self.save(collection, store, now),
                None => Ok(()),
            },
            // The microphone's: see `apply`.
            MockAction::Record | MockAction::Play(_) => Ok(()),
        }
    }

    /// Stops recording, if recording, and gives the question on screen the take (a take
    /// it had is recorded over, and its file goes).
    fn stop_recording(&mut self, collection: &IndexedCollection, lang: Lang, text: &Strings) {
        let pause_s = collection.settings().pause_seconds;
        let Some(take) = self.microphone.stop(lang, pause_s, text) else {
            return;
        };
        match &mut self.state {
            MockState::Answering { answers, index, .. } if *index < answers.len() => {
                let answer = &mut answers[*index];
                if let Some(old) = answer.take.replace(take) {
                    voice::discard_take(collection, &answer.card_id, &old.id);
                }
            }
            // No question on screen to own it.
            _ => voice::discard_take(collection, "", &take.id),
        }
    }

    fn start(
        &mut self,
        setup: MockSetup,
        collection: &IndexedCollection,
        now: DateTime<FixedOffset>,
    ) -> Result<(), MockError> {
        let cards = mock::pick_questions(
            collection.decks(),
            &setup.roles,
            setup.questions,
            &mut rand::rng(),
        );
        if cards.is_empty() {
            return Err(MockError::NoQuestions);
        }
        let answers = cards
            .into_iter()
            .map(|card_id| {
                let points = collection
                    .decks()
                    .find_card(&card_id)
                    .map_or(0, |(_, card)| card.points.len());
                MockAnswer {
                    card_id,
                    draft: String::new(),
                    duration_ms: 0,
                    ticked: vec![false; points],
                    detected: Vec::new(),
                    rating: None,
                    take: None,
                }
            })
            .collect();
        self.state = MockState::Answering {
            setup,
            answers,
            index: 0,
            stopwatch: Stopwatch::started(now),
            paused: false,
        };
        self.focus_answer = true;
        Ok(())
    }

    fn next_question(&mut self, collection: &IndexedCollection, now: DateTime<FixedOffset>) {
        let MockState::Answering {
            setup,
            answers,
            index,
            stopwatch,
            paused: false,
        } = &mut self.state
        else {
            return;
        };
        if let Some(answer) = answers.get_mut(*index) {
            answer.duration_ms = stopwatch.elapsed_ms(now);
        }
        *index += 1;
        *stopwatch = Stopwatch::started(now);
        self.focus_answer = true;
        if *index >= answers.len() {
            let mut answers = std::mem::take(answers);
            // Grading starts from what each draft was detected to cover.
            for answer in &mut answers {
                if let Some((_, card)) = collection.decks().find_card(&answer.card_id) {
                    let coverage = collection.detector().detect(card, &answer.draft);
                    answer.ticked =
                        grading::ticks_at_reveal(answer.ticked.len(), &coverage.covered);
                    answer.detected = coverage.covered;
                }
            }
            self.state = MockState::Grading {
                setup: setup.clone(),
                answers,
                focused: 0,
            };
            self.grading_from_the_top = true;
        }
    }

    /// Logs every graded mock answer as a review of its card, under one session id. On an
    /// error the grading stays on screen: the answers not yet saved are still there.
    fn save(
        &mut self,
        collection: &mut IndexedCollection,
        store: &mut Store,
        now: DateTime<FixedOffset>,
    ) -> Result<(), MockError> {
        let MockState::Grading { setup, answers, .. } = &mut self.state else {
            return Ok(());
        };
        // Saving waits until every answer has a grade: none is logged as a guess.
        if answers.iter().any(|answer| answer.grade().is_none()) {
            return Ok(());
        }
        let session = format!("mock-{}", store.next_id());
        while let Some(answer) = answers.first() {
            let Some(grade) = answer.grade() else {
                break;
            };
            let details = AnswerDetails {
                duration_ms: Some(answer.duration_ms),
                mode: Mode::Mock,
                session: Some(session.clone()),
                points_detected: Some(answer.detected.clone()),
                spoken: answer.take.as_ref().and_then(Take::spoken),
                ..AnswerDetails::with_ticks(&answer.ticked, &answer.draft)
            };
            collection.record_answer(store, &answer.card_id, grade, now, details)?;
            answers.remove(0);
        }
        self.state = MockState::Setup(setup.clone());
        Ok(())
    }
}

impl View for MockScreen {
    // Entering does nothing: a mock interview waits for Resume, so its timer starts only
    // when the user is ready.

    /// The question's timer stops and the interview waits for Resume.
    fn leave(&mut self, writing: &mut Writing) -> Vec<FollowUp> {
        self.stop_recording(
            writing.collection,
            writing.card_language.order().0,
            writing.text,
        );
        self.microphone.stop_playing();
        if let MockState::Answering {
            stopwatch, paused, ..
        } = &mut self.state
        {
            stopwatch.pause(writing.now);
            *paused = true;
        }
        self.confirming_quit = false;
        Vec::new()
    }

    fn apply(&mut self, action: Action, writing: &mut Writing) -> Vec<FollowUp> {
        let step = match action {
            Action::Mock(step) => step,
            Action::Recording(_, action) => {
                writing.recording(&mut self.microphone, action);
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        let lang = writing.card_language.order().0;
        let mut keep_recording = false;
        match step {
            MockAction::Record => {
                if self.microphone.is_recording() {
                    self.stop_recording(writing.collection, lang, writing.text);
                } else if let (Some(store), MockState::Answering { .. }) =
                    (writing.store.as_deref(), &self.state)
                {
                    self.microphone.start(store, writing.now, writing.text);
                }
                return Vec::new();
            }
            MockAction::Play(index) => {
                if let MockState::Grading { answers, .. } = &self.state
                    && let Some(take) = answers.get(index).and_then(|answer| answer.take.clone())
                {
                    self.microphone.toggle_playing(&take, writing.text);
                }
                return Vec::new();
            }
            MockAction::Next | MockAction::Quit | MockAction::Save => {
                // The question's answer is over: what was said is its take. An interview
                // answered aloud goes on recording: the next question gets a take of its
                // own without a click, as each answer of a real interview is heard.
                keep_recording = matches!(step, MockAction::Next) && self.microphone.is_recording();
                self.stop_recording(writing.collection, lang, writing.text);
                self.microphone.stop_playing();
                self.microphone.problem = None;
            }
            MockAction::Start(_) | MockAction::Resume => {}
        }
        // Saving logs the answers given aloud: their cards may have older recordings to
        // delete (the setting keep_recordings). How many are graded is said once saved.
        let (graded, spoken_cards): (usize, Vec<String>) = match (&step, &self.state) {
            (MockAction::Save, MockState::Grading { answers, .. }) => (
                answers.len(),
                answers
                    .iter()
                    .filter(|answer| answer.take.is_some())
                    .map(|answer| answer.card_id.clone())
                    .collect(),
            ),
            _ => (0, Vec::new()),
        };
        match self.step(
            step,
            writing.collection,
            writing.store.as_deref_mut(),
            writing.now,
        ) {
            Ok(()) => {
                if keep_recording
                    && matches!(self.state, MockState::Answering { .. })
                    && let Some(store) = writing.store.as_deref()
                {
                    self.microphone.start(store, writing.now, writing.text);
                }
                if let Some(store) = writing.store.as_deref() {
                    for card_id in &spoken_cards {
                        if let Some(problem) = voice::keep_the_newest(
                            writing.collection,
                            store.dir(),
                            card_id,
                            writing.text,
                        ) {
                            self.microphone.problem = Some(problem);
                        }
                    }
                }
                if graded > 0 && matches!(self.state, MockState::Setup(_)) {
                    return vec![FollowUp::Notice(writing.text.mock_saved(graded))];
                }
                Vec::new()
            }
            Err(MockError::NoQuestions) => {
                vec![FollowUp::Flash(writing.text.no_mock_questions.to_string())]
            }
            Err(error) => vec![FollowUp::Flash(writing.failure(error))],
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>) {
        if self.microphone.ended_by_itself() {
            self.stop_recording(ctx.collection, ctx.card_language.order().0, ctx.text);
        }
        self.microphone.tidy();
        let microphone = &self.microphone;
        // The grading scrolls its answers under a fixed heading; everything else scrolls
        // as a page (at 800×600 with large text Start, Next question and Quit were under
        // the window's edge, out of reach of the mouse).
        let scrolls_as_a_page = !matches!(self.state, MockState::Grading { .. });
        let page = match &self.state {
            MockState::Setup(_) => (0, 0),
            MockState::Answering {
                paused: true,
                index,
                ..
            } => (1, *index),
            MockState::Answering { index, .. } => (2, *index),
            MockState::Grading { .. } => (3, 0),
        };
        let new_page = self.page_shown.replace(page) != Some(page);
        let show_page = |ui: &mut egui::Ui| {
            ui.add_space(theme::space::M);
            match &mut self.state {
                MockState::Setup(setup) => setup_ui(ui, ctx, setup, actions),
                MockState::Answering {
                    paused: true,
                    index,
                    answers,
                    ..
                } => paused_ui(ui, ctx, *index, answers.len(), actions),
                MockState::Answering {
                    setup,
                    answers,
                    index,
                    stopwatch,
                    ..
                } => {
                    let focus = std::mem::take(&mut self.focus_answer);
                    let question = Question {
                        setup,
                        index: *index,
                        stopwatch,
                        focus,
                    };
                    // The answer box keeps the keyboard and the input method its
                    // context when Next question is clicked.
                    ime::keeping_the_keyboard(ui, |ui| {
                        answering_ui(ui, ctx, &question, answers, microphone, actions);
                    });
                }
                MockState::Grading {
                    answers,
                    focused,
                    setup,
                } => {
                    let from_the_top = std::mem::take(&mut self.grading_from_the_top);
                    let target = setup.seconds_per_answer;
                    let review = Review {
                        target,
                        from_the_top,
                        microphone,
                    };
                    grading_ui(ui, ctx, answers, focused, &review, actions);
                }
            }
            if !matches!(self.state, MockState::Setup(_)) {
                ui.add_space(theme::space::L);
                quit_ui(ui, ctx, &mut self.confirming_quit, actions);
            }
        };
        if scrolls_as_a_page {
            let mut area = egui::ScrollArea::vertical()
                .id_salt("mock_page")
                .auto_shrink([false, false]);
            if new_page {
                area = area.vertical_scroll_offset(0.0);
            }
            area.show_following_focus(ui, |ui| theme::column(ui, theme::READING_WIDTH, show_page));
        } else {
            theme::column(ui, theme::READING_WIDTH, show_page);
        }
    }
}

fn setup_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    setup: &mut MockSetup,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(text.mock_interview).size(theme::size::HEADING));
        kinsoku::paragraph(ui, text.mock_explain);
        ui.add_space(theme::space::M);
        egui::Grid::new("mock_setup")
            .num_columns(2)
            .spacing([20.0, 12.0])
            .show(ui, |ui| {
                ui.label(text.roles);
                // One under another: a wrapped row inside a grid cell was drawn over the
                // next row (Japanese, large text). Every deck's role, so every deck can be
                // asked.
                let decks = &ctx.collection.decks().decks;
                let roles = role::offered(decks.iter().map(|loaded| loaded.deck.role.as_str()));
                ui.vertical(|ui| {
                    for id in roles {
                        let mut on = setup.roles.contains(id);
                        if ui.checkbox(&mut on, role::label(id, ctx.lang)).changed() {
                            if on {
                                setup.roles.insert(id.to_string());
                            } else {
                                setup.roles.remove(id);
                            }
                        }
                    }
                });
                ui.end_row();
                let label = ui.label(text.question_count);
                ui.add(
                    egui::DragValue::new(&mut setup.questions)
                        .custom_parser(widgets::parse_number)
                        .range(mock::QUESTIONS.range()),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(text.time_per_answer);
                ui.add(
                    egui::DragValue::new(&mut setup.seconds_per_answer)
                        .custom_parser(widgets::parse_number)
                        .range(mock::SECONDS_PER_ANSWER.range())
                        .suffix(format!(" {}", text.seconds)),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(theme::space::M);
        let start = ui.add_enabled(
            ctx.can_write() && !setup.roles.is_empty(),
            widgets::primary_button(text.start_mock),
        );
        if start.clicked() {
            actions.push(Action::Mock(MockAction::Start(setup.clone())));
        }
    });
    ui.add_space(theme::space::M);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        past_sessions(
            ui,
            text,
            &mock::summaries(ctx.collection),
            *ctx.now.offset(),
        );
    });
}

/// An interview left for another screen: where it stands, and Resume.
fn paused_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    index: usize,
    total: usize,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(text.mock_paused);
        kinsoku::paragraph(ui, text.mock_paused_at(index + 1, total));
        ui.add_space(theme::space::S);
        let resume = widgets::primary_button(&format!("{}  (Ctrl+Enter)", text.resume));
        if ui.add(resume).clicked()
            || ui.input_mut(|input| input.consume_key(Modifiers::COMMAND, Key::Enter))
        {
            actions.push(Action::Mock(MockAction::Resume));
        }
    });
}

/// Quit, with a second step that says what is lost before anything is.
fn quit_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    confirming: &mut bool,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    // The question confirming it opens under the window's edge on a small screen: the
    // page scrolls to it once, on the frame it first shows.
    let bring_into_view = egui::Id::unique("mock_quit_confirm_into_view");
    if !*confirming {
        if ui.button(text.quit_mock).clicked() {
            *confirming = true;
            ui.data_mut(|data| data.insert_temp(bring_into_view, true));
        }
        return;
    }
    let card = theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(text.quit_mock_confirm).color(ui.visuals().warn_fg_color));
        ui.horizontal(|ui| {
            if ui.button(text.discard_answers).clicked() {
                actions.push(Action::Mock(MockAction::Quit));
            }
            if ui.button(text.keep_going).clicked() {
                *confirming = false;
            }
        });
    });
    if ui.data_mut(|data| data.remove_temp::<bool>(bring_into_view)) == Some(true) {
        card.response.scroll_to_me(None);
    }
}

/// The question on screen and how it is timed.
struct Question<'a> {
    setup: &'a MockSetup,
    index: usize,
    stopwatch: &'a Stopwatch,
    /// Give the answer box the keyboard (a question just appeared).
    focus: bool,
}

fn answering_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    question: &Question,
    answers: &mut [MockAnswer],
    microphone: &Microphone,
    actions: &mut Vec<Action>,
) {
    let text = ctx.text;
    let index = question.index;
    let total = answers.len();
    let limit = i64::from(question.setup.seconds_per_answer);
    let elapsed = i64::try_from(question.stopwatch.elapsed_ms(ctx.now) / 1000).unwrap_or(i64::MAX);
    let Some(answer) = answers.get_mut(index) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.strong(format!("{} {}/{}", text.question, index + 1, total));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let remaining = limit.saturating_sub(elapsed);
            let label = RichText::new(widgets::clock(remaining))
                .monospace()
                .size(18.0);
            if remaining < 0 {
                ui.label(label.color(ui.visuals().error_fg_color).strong());
                ui.colored_label(ui.visuals().error_fg_color, text.times_up);
            } else {
                ui.label(label);
            }
        });
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_secs(1));
    ui.separator();
    let language = ctx.card_language;
    if let Some((_, card)) = ctx.collection.decks().find_card(&answer.card_id) {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            widgets::show_localized(ui, &card.question, language, theme::size::QUESTION);
        });
    }
    ui.add_space(theme::space::M);
    widgets::answer_box(ui, text, &mut answer.draft, 6, question.focus);
    ui.add_space(theme::space::S);
    // Shift+V records and stops, as in study, once the answer box lets go of the
    // keyboard (Esc): in the box it is a capital V.
    let typing = ui.ctx().text_edit_focused();
    let limit_seconds = question.setup.seconds_per_answer;
    let shift_v = !typing
        && ctx.can_write()
        && ui.input_mut(|input| input.consume_key(Modifiers::SHIFT, Key::V));
    if voice::recorder(ui, text, microphone, typing, ctx.can_write(), limit_seconds) || shift_v {
        actions.push(Action::Mock(MockAction::Record));
    }
    if let Some(take) = &answer.take {
        voice::spoken_line(ui, text, take, limit_seconds);
    }
    let next_label = if index + 1 == total {
        text.finish_answers
    } else {
        text.next_question
    };
    let next = ui.button(format!("{next_label}  (Ctrl+Enter)")).clicked()
        || ui.input_mut(|input| input.consume_key(Modifiers::COMMAND, Key::Enter));
    if next {
        actions.push(Action::Mock(MockAction::Next));
    }
}

/// Keys of the grading: 1-4 grade the highlighted answer and move to the next, the arrow
/// keys move between answers.
fn grading_keys(ui: &egui::Ui, answers: &mut [MockAnswer], focused: &mut usize) {
    let count = answers.len();
    ui.input_mut(|input| {
        let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
        for (key, rating) in keys.into_iter().zip(Rating::ALL) {
            if input.consume_key(Modifiers::NONE, key)
                && let Some(answer) = answers.get_mut(*focused)
            {
                answer.rating = Some(rating);
                *focused = (*focused + 1).min(count.saturating_sub(1));
            }
        }
        if input.consume_key(Modifiers::NONE, Key::ArrowDown) {
            *focused = (*focused + 1).min(count.saturating_sub(1));
        }
        if input.consume_key(Modifiers::NONE, Key::ArrowUp) {
            *focused = focused.saturating_sub(1);
        }
    });
}

/// What the review of a mock interview draws with besides the answers.
struct Review<'a> {
    target: u32,
    from_the_top: bool,
    microphone: &'a Microphone,
}

fn grading_ui(
    ui: &mut egui::Ui,
    ctx: &ScreenContext,
    answers: &mut [MockAnswer],
    focused: &mut usize,
    review: &Review,
    actions: &mut Vec<Action>,
) {
    let target = review.target;
    let from_the_top = review.from_the_top;
    let text = ctx.text;
    let language = ctx.card_language;
    let typing = ui.ctx().text_edit_focused();
    let highlighted_before = *focused;
    if !typing {
        grading_keys(ui, answers, focused);
        // V plays the highlighted answer's recording back, as in study.
        if answers
            .get(*focused)
            .is_some_and(|answer| answer.take.is_some())
            && ui.input_mut(|input| input.consume_key(Modifiers::NONE, Key::V))
        {
            actions.push(Action::Mock(MockAction::Play(*focused)));
        }
    }
    ui.heading(text.grade_answers);
    theme::caption(ui, text.mock_grading_keys);
    if let Some(problem) = &review.microphone.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    egui::ScrollArea::vertical()
        .id_salt("mock_scroll")
        .auto_shrink([false, false])
        .start_at_top(from_the_top)
        .show_following_focus(ui, |ui| {
            for (number, answer) in answers.iter_mut().enumerate() {
                let Some((_, card)) = ctx.collection.decks().find_card(&answer.card_id) else {
                    continue;
                };
                let mut frame = theme::card(ui);
                if number == *focused {
                    frame = frame.stroke(egui::Stroke::new(2.0, theme::tone::ACCENT.on(ui)));
                }
                ui.add_space(theme::space::S);
                let response = frame.show(ui, |ui| {
                    ui.push_id(number, |ui| {
                        ui.set_width(ui.available_width());
                        theme::caption(
                            ui,
                            &text.mock_answer_heading(
                                number + 1,
                                &widgets::clock_ms(answer.duration_ms),
                            ),
                        );
                        widgets::show_localized(ui, &card.question, language, 18.0);
                        ui.add_space(theme::space::S);
                        ui.columns(2, |columns| {
                            theme::caption(&mut columns[0], text.your_draft);
                            if answer.draft.trim().is_empty() {
                                columns[0].weak("—");
                            } else {
                                let job =
                                    crate::ui::kinsoku::job(&columns[0], answer.draft.as_str());
                                crate::ui::kinsoku::label(&mut columns[0], job);
                            }
                            if let Some(take) = &answer.take {
                                voice::spoken_line(&mut columns[0], text, take, target);
                                // One take plays at a time; each answer's button plays its
                                // own, V the highlighted answer's.
                                let with_key = number == *focused && !typing;
                                if let Some(action) = voice::player(
                                    &mut columns[0],
                                    text,
                                    review.microphone,
                                    take,
                                    with_key,
                                ) {
                                    actions.push(Action::Recording(Screen::Mock, action));
                                }
                            }
                            if let Some(delivery) = delivery::assess(&answer.draft) {
                                widgets::delivery_line(&mut columns[0], text, &delivery, target);
                            }
                            widgets::answer_points(
                                &mut columns[1],
                                text,
                                card,
                                ctx.collection.own_points(&card.id),
                                &mut answer.ticked,
                                language,
                                // The mock review ticks what the draft covers but marks
                                // nothing as found or missed.
                                &[],
                                &[],
                            );
                            for story in ctx.collection.stories_of(&card.id) {
                                columns[1].add_space(theme::space::S);
                                columns[1].label(
                                    egui::RichText::new(format!(
                                        "{}: {}",
                                        text.your_stories, story.content.title
                                    ))
                                    .strong(),
                                );
                                crate::ui::stories_screen::star(
                                    &mut columns[1],
                                    text,
                                    &story.content,
                                );
                            }
                        });
                        let suggestion = answer.suggestion();
                        let default = suggestion.map(|suggestion| suggestion.rating);
                        let suggested = suggestion.is_some_and(|s| s.from_points);
                        let grade = answer.grade();
                        ui.horizontal(|ui| {
                            for rating in Rating::ALL {
                                let mut label = rating_label(text, rating).to_string();
                                if suggested && default == Some(rating) {
                                    label.push_str(&format!(" · {}", text.suggested));
                                }
                                if ui.selectable_label(grade == Some(rating), label).clicked() {
                                    answer.rating = Some(rating);
                                }
                            }
                        });
                    })
                });
                if response.response.contains_pointer()
                    && ui.input(|input| input.pointer.any_pressed())
                {
                    *focused = number;
                } else if number == *focused && *focused != highlighted_before {
                    // Moved to by a key (a grade, ↓ or ↑): brought into view, so what V
                    // plays and 1–4 grade is on screen.
                    response.response.scroll_to_me(None);
                }
            }
            ui.add_space(theme::space::M);
            let ungraded = answers.iter().any(|answer| answer.grade().is_none());
            let save = ui.add_enabled(
                ctx.can_write() && !ungraded,
                egui::Button::new(text.save_mock),
            );
            if ungraded {
                theme::caption(ui, text.grade_every_answer);
            }
            if save.clicked() {
                actions.push(Action::Mock(MockAction::Save));
            }
        });
}

/// Past mock interviews, newest first, with coverage and time per answer.
/// `local`: the clock the user reads now, as the answer history lists its times.
fn past_sessions(ui: &mut egui::Ui, text: &Strings, summaries: &[MockSummary], local: FixedOffset) {
    ui.label(RichText::new(text.past_mocks).size(theme::size::HEADING));
    if summaries.is_empty() {
        ui.weak("—");
        return;
    }
    egui::Grid::new("past_mocks").striped(true).show(ui, |ui| {
        for title in [text.date, text.questions, text.coverage, text.average_time] {
            ui.label(RichText::new(title).strong());
        }
        ui.end_row();
        for summary in summaries {
            ui.label(widgets::minute_at(summary.graded_at, local));
            ui.label(summary.answers.len().to_string());
            ui.label(
                summary
                    .coverage()
                    .map_or("—".to_string(), |c| format!("{:.0}%", c * 100.0)),
            );
            ui.label(widgets::clock_ms(summary.average_duration_ms()));
            ui.end_row();
        }
    });
}
