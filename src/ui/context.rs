//! What a screen is given to draw with, and what it may ask for. Screens and the app
//! both import this module, never each other's, so the app can own the screens without
//! a screen knowing the app.

use crate::core::content::deck::Lang;
use crate::core::content::user_decks::{AddAs, Preview};
use crate::core::review::log::Flag;
use crate::core::review::scheduler::Rating;
use crate::core::review::store::Store;
use crate::core::settings::{ContentLanguage, Settings};
use crate::core::study::indexed::IndexedCollection;
use crate::core::study::interview::InterviewDraft;
use crate::core::study::mock::MockSetup;
use crate::core::study::scope::Scope;
use crate::core::study::story::StoryContent;
use crate::core::sync::resolve::{DeckChoice, Side};
use crate::ui::strings::Strings;
use crate::ui::voice::{Microphone, RecordingAction};
use chrono::{DateTime, FixedOffset, Local};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where the app reads the time from; tests substitute a clock they control.
pub trait Clock {
    fn now(&self) -> DateTime<FixedOffset>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// The screens of the app. Each keeps its state while another is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Decks,
    /// A study session: the card on screen, or the session's summary once it is over.
    Review,
    /// The card browser.
    Browse,
    Stats,
    /// The story bank.
    Stories,
    Mock,
    Settings,
    /// The deck editor (no tab: opened from the decks screen).
    Edit,
    /// The two versions of a file changed on two computers (no tab: opened from the
    /// decks screen's problems).
    Conflict,
}

/// Everything a screen reads while it draws. Nothing here can change the domain: changes
/// are [`Action`]s, applied by the app after the frame's UI is drawn.
pub struct ScreenContext<'a> {
    pub collection: &'a IndexedCollection,
    pub text: &'static Strings,
    /// The app's language (labels, deck titles).
    pub lang: Lang,
    /// The language(s) the cards are shown in.
    pub card_language: ContentLanguage,
    pub now: DateTime<FixedOffset>,
    /// `Err` holds why this window cannot write (another window has the data folder).
    pub writable: Result<(), &'a str>,
}

impl ScreenContext<'_> {
    pub fn can_write(&self) -> bool {
        self.writable.is_ok()
    }
}

/// What a screen asks the app to do once the frame's UI is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Open(Screen),
    StartSession(Scope),
    Review(ReviewAction),
    Mock(MockAction),
    SaveSettings(Box<Settings>),
    /// Puts FSRS parameters in the settings (`None`: FSRS-6's defaults), leaving any other
    /// unsaved change on the settings screen as it is.
    UseParameters(Option<Vec<f32>>),
    Export(ExportTarget),
    Interview(InterviewAction),
    /// A change to these cards, from the browser.
    Card(Vec<String>, CardChange),
    /// Opens the browser on a search.
    Browse(String),
    Story(StoryAction),
    /// Opens the story bank with a new story linked to this card.
    WriteStory(String),
    Import(ImportAction),
    Editor(EditorAction),
    /// Opens the editor on a new deck.
    NewDeck,
    /// A file dropped anywhere on the window: the decks screen previews it for import.
    FileDropped(PathBuf),
    Conflict(ConflictAction),
    /// Playing, seeking or deleting a recording shown on this screen (its microphone's).
    Recording(Screen, RecordingAction),
}

impl Action {
    /// The screen that applies this action; `None` for the app's own (opening a screen).
    /// A match with no catch-all, so a new action cannot be left without an owner.
    pub fn owner(&self) -> Option<Screen> {
        match self {
            Action::Open(_) => None,
            Action::StartSession(_) | Action::Review(_) => Some(Screen::Review),
            Action::Mock(_) => Some(Screen::Mock),
            Action::SaveSettings(_) | Action::UseParameters(_) => Some(Screen::Settings),
            Action::Export(_)
            | Action::Interview(_)
            | Action::Import(_)
            | Action::FileDropped(_) => Some(Screen::Decks),
            Action::Card(..) | Action::Browse(_) => Some(Screen::Browse),
            Action::Story(_) | Action::WriteStory(_) => Some(Screen::Stories),
            Action::Editor(_) | Action::NewDeck => Some(Screen::Edit),
            Action::Conflict(_) => Some(Screen::Conflict),
            Action::Recording(screen, _) => Some(*screen),
        }
    }
}

/// What a screen writes through when it applies an action, enters or leaves: the
/// collection (every write a method of it), the store, the time, and the app's words for
/// what it reports.
pub struct Writing<'a> {
    pub collection: &'a mut IndexedCollection,
    /// `None`: this window cannot write (another window has the data folder).
    pub store: Option<&'a mut Store>,
    pub now: DateTime<FixedOffset>,
    pub text: &'static Strings,
    /// The app's language.
    pub lang: Lang,
    /// The language(s) the cards are shown in.
    pub card_language: ContentLanguage,
}

impl Writing<'_> {
    /// Plays, seeks or deletes a recording of the data folder through a screen's
    /// microphone; only the window that writes the folder deletes.
    pub fn recording(&self, microphone: &mut Microphone, action: RecordingAction) {
        let can_write = self.store.is_some();
        microphone.apply(action, self.collection.data_dir(), can_write, self.text);
    }

    /// A failed write, as the banner says it.
    pub fn failure(&self, error: impl std::fmt::Display) -> String {
        format!("{}: {error}", self.text.save_failed)
    }

    /// The banner's message for `result`, if it failed.
    pub fn report(&self, result: Result<(), impl std::fmt::Display>) -> Vec<FollowUp> {
        result
            .err()
            .map(|error| FollowUp::Flash(self.failure(error)))
            .into_iter()
            .collect()
    }
}

/// What a screen leaves to the app after applying an action: what no screen owns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    /// Shows this screen (the one shown is left, this one entered).
    Open(Screen),
    /// A message for the banner: a failed write and the like.
    Flash(String),
    /// A message for the banner that reports something done, not a problem: shown in
    /// the text's colour, not the error red ("Grades saved" read as a failure).
    Notice(String),
}

/// A screen, as the app drives it: drawn while it is shown, told when it is opened and
/// left, and given the actions it owns (see [`Action::owner`]) to apply after the frame.
/// What the screen cannot do itself (show another screen, the banner) comes back as
/// [`FollowUp`]s.
pub trait View {
    /// Draws the screen, pushing what the user did.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ScreenContext, actions: &mut Vec<Action>);

    /// The screen is opened, from another or from itself.
    fn enter(&mut self, _writing: &mut Writing) {}

    /// Another screen is opened: a timer stops, a note is saved.
    fn leave(&mut self, _writing: &mut Writing) -> Vec<FollowUp> {
        Vec::new()
    }

    /// Applies an action this screen owns, through the collection's methods.
    fn apply(&mut self, _action: Action, _writing: &mut Writing) -> Vec<FollowUp> {
        Vec::new()
    }
}

/// A file changed on two computers.
#[derive(Debug, Clone, PartialEq)]
pub enum ConflictAction {
    /// Shows the two versions; the path is the sync tool's copy.
    Open(PathBuf),
    /// Carries out the user's choice for the file shown.
    Resolve(Resolution),
}

/// A choice between the two versions of a file changed on two computers.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// For a deck (and, keeping one side, for any file).
    Deck(DeckChoice),
    /// For the settings: the version each differing setting is taken from.
    Settings(HashMap<String, Side>),
}

/// Writing an imported deck.
#[derive(Debug, Clone)]
pub enum ImportAction {
    /// Writes the previewed deck as the user chose.
    Add {
        preview: Box<Preview>,
        add_as: AddAs,
    },
    /// Writes a previewed Anki package's new cards and answers.
    Anki {
        plan: Box<crate::core::anki::import::Plan>,
    },
}

impl PartialEq for ImportAction {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                ImportAction::Add { preview, add_as },
                ImportAction::Add {
                    preview: other_preview,
                    add_as: other_add_as,
                },
            ) => preview.target == other_preview.target && add_as == other_add_as,
            (ImportAction::Anki { plan }, ImportAction::Anki { plan: other }) => {
                plan.file == other.file && plan.reviews == other.reviews
            }
            _ => false,
        }
    }
}

/// The deck editor's file operations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorAction {
    /// Opens a user deck file for editing, at a card when one is given.
    Open {
        path: PathBuf,
        card: Option<String>,
    },
    /// Creates a new deck with this title and opens it.
    Create(String),
    Save,
    /// Reads the file again, dropping unsaved changes (asked first when there are some).
    Reload,
    /// Writes the deck as edited to a new file with new ids, leaving the file as it is.
    SaveAsCopy,
    /// Moves the deck's file into the deleted-decks folder (asked first).
    Delete,
}

/// Changes to the story bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryAction {
    /// Adds a story, or saves a new version of the one `editing` names.
    Save {
        draft: StoryContent,
        editing: Option<String>,
    },
    Remove(String),
}

/// What the browser can do to cards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardChange {
    Suspend(bool),
    /// Out of the queues until the next study day (true), or back today (false).
    Bury(bool),
    Flag(Flag),
    OwnPoints(Vec<String>),
}

/// Changes to the interviews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterviewAction {
    /// Adds an interview, or saves a new version of the one `editing` names.
    Save {
        draft: InterviewDraft,
        editing: Option<String>,
    },
    Remove(String),
}

/// Steps of a study session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Reveal,
    Grade(Rating),
    Undo,
    /// Ends the session and shows its summary.
    End,
    /// Starts recording the spoken answer, or stops it (Shift+V).
    Record,
    /// Plays the recorded answer back, or stops playing it (V).
    Play,
    /// Logs the card's note, once typing in it pauses.
    SaveNote,
}

/// Steps of a mock interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MockAction {
    Start(MockSetup),
    /// Ends the current question and moves to the next (or to grading).
    Next,
    /// Goes on with an interview that waited while another screen was shown.
    Resume,
    /// Ends the interview without saving anything (after the user confirmed).
    Quit,
    Save,
    /// Starts recording the spoken answer to the question on screen, or stops it.
    Record,
    /// Plays the recording of the answer at this index back, or stops playing.
    Play(usize),
}

/// What the export menu writes into the data folder's `exports/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    /// A deck, by id, as an Anki text file.
    Anki(String),
    /// The review log as CSV for the FSRS optimizer.
    Reviews,
    /// Decks, by id, as an Anki package with their scheduling and history, and with
    /// the recordings of the answers given aloud when `recordings` (off unless asked).
    AnkiPackage {
        decks: Vec<String>,
        recordings: bool,
    },
}
