//! Answering aloud on a screen: the microphone while it records (a level meter, the time
//! against the answer target), the take once it stops, with its figures beside the
//! delivery line, and what went wrong, where the Record button is.

use crate::audio::{self, Recording};
use crate::core::content::deck::Lang;
use crate::core::paths::DataDir;
use crate::core::review::log::Spoken;
use crate::core::review::store::Store;
use crate::core::review::table::ReviewRef;
use crate::core::speech::analysis::{self, Analysis, Pace};
use crate::core::speech::{recordings, wav};
use crate::core::study::indexed::IndexedCollection;
use crate::ui::kinsoku;
use crate::ui::strings::{PlayState, Strings};
use crate::ui::theme;
use crate::ui::widgets::{self, clock};
use chrono::{DateTime, FixedOffset};
use egui::RichText;
use std::path::PathBuf;

/// A finished recording of the answer on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Take {
    pub id: String,
    pub path: PathBuf,
    /// Its figures, or why the file could not be measured.
    pub figures: Result<Analysis, String>,
    /// Its outline for the waveform ([`analysis::envelope`]); empty when unreadable.
    pub envelope: Vec<f32>,
}

/// Slices of a take's waveform: about a pixel each on a wide window.
const ENVELOPE_BINS: usize = 600;

impl Take {
    /// Reads and measures the recording `id` at `path` in the language the answer is given
    /// in, counting silences of `pause_s` or more as pauses; an unreadable file is a take
    /// whose figures say why.
    pub fn measure(id: String, path: PathBuf, lang: Lang, pause_s: f64) -> Take {
        let (figures, envelope) = match wav::read(&path) {
            Ok(audio) => (
                Ok(analysis::analyze(&audio, lang, pause_s)),
                analysis::envelope(&audio, ENVELOPE_BINS),
            ),
            Err(error) => (Err(error.to_string()), Vec::new()),
        };
        Take {
            id,
            path,
            figures,
            envelope,
        }
    }

    /// The take of a draft taken up again: the recording `id` of the data folder (a file
    /// gone since is a take whose figures say why).
    pub fn reopen(collection: &IndexedCollection, id: &str, lang: Lang, pause_s: f64) -> Take {
        match recordings::path(collection.data_dir(), id) {
            Some(path) => Take::measure(id.to_string(), path, lang, pause_s),
            // drafts.json edited by hand: named, never opened, never logged.
            None => Take {
                id: id.to_string(),
                path: PathBuf::new(),
                figures: Err(format!(
                    "{}: `{id}` is no recording's name",
                    collection.data_dir().drafts_file().display()
                )),
                envelope: Vec::new(),
            },
        }
    }

    /// What the log keeps of it; nothing when it could not be measured (the file stays,
    /// but an answer never points at a recording it cannot read).
    pub fn spoken(&self) -> Option<Spoken> {
        self.figures
            .as_ref()
            .ok()
            .map(|analysis| recordings::spoken(&self.id, analysis))
    }

    fn duration_s(&self) -> f64 {
        self.figures
            .as_ref()
            .map_or(0.0, |analysis| analysis.duration_s)
    }
}

/// What the user does with a recording, on any screen that shows one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordingAction {
    /// Plays the recording from where it was paused (or from the start), or pauses it.
    Toggle(String),
    /// Plays it from this many milliseconds in (a click on its waveform, or Replay).
    Seek(String, u64),
    /// Asks whether to delete it (`None`: the user kept it).
    AskDelete(Option<String>),
    /// Deletes its file for good, once the user said yes; the answers naming it stay.
    Delete(String),
}

struct Live {
    recording: Recording,
    id: String,
    path: PathBuf,
}

#[cfg(unix)]
struct Playing {
    recording: String,
    playback: audio::pulse::Playback,
}

/// The microphone (and the speaker) of a screen: recording or not, which recording plays
/// or waits where it was paused, and the last problem it had.
#[derive(Default)]
pub struct Microphone {
    live: Option<Live>,
    #[cfg(unix)]
    playing: Option<Playing>,
    /// The recording last paused and where: Play goes on from there.
    paused: Option<(String, f64)>,
    /// A recording whose Delete was clicked, waiting for the user to say yes.
    deleting: Option<String>,
    /// The recording that could not be played (or deleted) and why: said beside its own
    /// buttons, in the history as under the answer, not where the Record button is.
    unplayable: Option<(String, String)>,
    /// Why recording could not start or went wrong, shown where the Record button is.
    pub problem: Option<String>,
}

impl std::fmt::Debug for Microphone {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Microphone")
            .field("recording", &self.live.as_ref().map(|live| &live.id))
            .field("paused", &self.paused)
            .field("problem", &self.problem)
            .finish()
    }
}

impl Microphone {
    pub fn is_recording(&self) -> bool {
        self.live.is_some()
    }

    /// Plays `take` back from where it was paused, or pauses it.
    pub fn toggle_playing(&mut self, take: &Take, text: &Strings) {
        self.toggle(&take.id, &take.path, text);
    }

    /// Applies what the user did to a recording of the data folder `dir`; `can_write`
    /// says whether this window may delete files.
    pub fn apply(
        &mut self,
        action: RecordingAction,
        dir: &DataDir,
        can_write: bool,
        text: &Strings,
    ) {
        let path_of = |id: &str| recordings::path(dir, id);
        match action {
            RecordingAction::Toggle(id) => {
                if let Some(path) = path_of(&id) {
                    self.toggle(&id, &path, text);
                }
            }
            RecordingAction::Seek(id, milliseconds) => {
                if let Some(path) = path_of(&id) {
                    self.play_from(&id, &path, milliseconds as f64 / 1000.0, text);
                }
            }
            RecordingAction::AskDelete(id) => self.deleting = id,
            RecordingAction::Delete(id) => {
                self.deleting = None;
                if !can_write {
                    return;
                }
                if self.playing_at(&id).is_some() || self.paused_at(&id).is_some() {
                    self.stop_playing();
                }
                if let Err(error) = recordings::delete(dir, &id) {
                    self.unplayable = Some((id, text.cannot_delete_recording(&error.to_string())));
                }
            }
        }
    }

    fn toggle(&mut self, id: &str, path: &std::path::Path, text: &Strings) {
        if let Some(at) = self.playing_at(id) {
            self.stop_playing();
            self.paused = Some((id.to_string(), at));
            return;
        }
        let from = self.paused_at(id).unwrap_or(0.0);
        self.play_from(id, path, from, text);
    }

    /// Plays the recording `id` from `from_s` seconds in, stopping whatever played.
    fn play_from(&mut self, id: &str, path: &std::path::Path, from_s: f64, text: &Strings) {
        self.stop_playing();
        self.unplayable = None;
        #[cfg(unix)]
        match audio::play(path, from_s) {
            Ok(playback) => {
                self.playing = Some(Playing {
                    recording: id.to_string(),
                    playback,
                })
            }
            Err(error) => {
                self.unplayable = Some((id.to_string(), text.cannot_play(&error.to_string())))
            }
        }
        #[cfg(not(unix))]
        {
            let _ = (path, from_s);
            self.unplayable = Some((id.to_string(), text.cannot_play("no sound server")));
        }
    }

    /// Stops playing, if playing, and forgets where anything was paused.
    pub fn stop_playing(&mut self) {
        self.paused = None;
        #[cfg(unix)]
        if let Some(playing) = self.playing.take() {
            let _ = playing.playback.stop();
        }
    }

    /// Where the recording `id` is playing, in seconds, if it is.
    pub fn playing_at(&self, id: &str) -> Option<f64> {
        #[cfg(unix)]
        return self
            .playing
            .as_ref()
            .filter(|playing| playing.recording == id)
            .map(|playing| playing.playback.position_s());
        #[cfg(not(unix))]
        {
            let _ = id;
            None
        }
    }

    /// Why the recording `id` could not be played or deleted, if it could not.
    pub fn unplayable(&self, id: &str) -> Option<&str> {
        self.unplayable
            .as_ref()
            .filter(|(unplayable, _)| unplayable == id)
            .map(|(_, reason)| reason.as_str())
    }

    /// Where the recording `id` was paused, if it was.
    pub fn paused_at(&self, id: &str) -> Option<f64> {
        self.paused
            .as_ref()
            .filter(|(paused, _)| paused == id)
            .map(|(_, at)| *at)
    }

    /// Forgets a playback that has played to its end (Play then starts from the top).
    pub fn tidy(&mut self) {
        #[cfg(unix)]
        if self
            .playing
            .as_ref()
            .is_some_and(|playing| playing.playback.has_ended())
            && let Some(playing) = self.playing.take()
            && let Err(error) = playing.playback.wait()
        {
            self.unplayable = Some((playing.recording, error.to_string()));
        }
    }

    /// Seconds recorded and the level now (0…1), while recording.
    pub fn meter(&self) -> Option<(f64, f32)> {
        self.live
            .as_ref()
            .map(|live| (live.recording.elapsed_s(), live.recording.level()))
    }

    /// Starts recording from the default source into a new file of the data folder.
    pub fn start(&mut self, store: &Store, now: DateTime<FixedOffset>, text: &Strings) {
        if self.live.is_some() {
            return;
        }
        self.problem = None;
        // The source first: without a sound server no file is made.
        let source = match audio::default_source() {
            Ok(source) => source,
            Err(error) => {
                self.problem = Some(text.cannot_record(&error.to_string()));
                return;
            }
        };
        let id = recordings::new_id(store.device_id(), now, rand::random());
        let (path, file) = match recordings::create(store.dir(), &id) {
            Ok(created) => created,
            Err(error) => {
                self.problem = Some(text.cannot_record(&error.to_string()));
                return;
            }
        };
        let limit = (wav::MAX_MINUTES * 60.0) as u64 * u64::from(wav::RECORDING_RATE);
        match Recording::start(source, file, path.clone(), Some(limit)) {
            Ok(recording) => {
                self.live = Some(Live {
                    recording,
                    id,
                    path,
                })
            }
            Err(error) => self.problem = Some(text.cannot_record(&error.to_string())),
        }
    }

    /// Stops recording and measures the take, in the language the answer is given in,
    /// counting silences of `pause_s` or more as pauses.
    pub fn stop(&mut self, lang: Lang, pause_s: f64, text: &Strings) -> Option<Take> {
        let live = self.live.take()?;
        if let Err(error) = live.recording.stop() {
            self.problem = Some(text.cannot_record(&error.to_string()));
        }
        Some(Take::measure(live.id, live.path, lang, pause_s))
    }

    /// A recording that ended by itself (the server went away, twenty minutes passed)
    /// is stopped as if the user had.
    pub fn ended_by_itself(&self) -> bool {
        self.live
            .as_ref()
            .is_some_and(|live| live.recording.has_ended())
    }
}

/// The Record (or Stop) button with, while recording, a level meter and the time against
/// the answer target; returns whether the button was clicked.
pub fn recorder(
    ui: &mut egui::Ui,
    text: &Strings,
    microphone: &Microphone,
    typing: bool,
    can_write: bool,
    target_seconds: u32,
) -> bool {
    let mut clicked = false;
    ui.horizontal_wrapped(|ui| {
        let recording = microphone.is_recording();
        let label = text.record_button(recording, !typing);
        clicked = ui
            .add_enabled(can_write, egui::Button::new(label))
            .clicked();
        if let Some((seconds, level)) = microphone.meter() {
            ui.add(
                egui::ProgressBar::new(level.clamp(0.0, 1.0))
                    .desired_width(120.0)
                    .desired_height(8.0),
            )
            .on_hover_text(text.level_meter());
            let elapsed = clock(seconds as i64);
            let target = clock(i64::from(target_seconds));
            let over = seconds > f64::from(target_seconds);
            let color = if over {
                ui.visuals().warn_fg_color
            } else {
                theme::tone::MUTED_TEXT.on(ui)
            };
            ui.label(RichText::new(format!("{elapsed} / {target}")).color(color));
            // The meter and the clock move while recording.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    });
    if let Some(problem) = &microphone.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    clicked
}

/// Deletes the file of a take of `card_id` dropped without being logged (recorded over,
/// discarded, quit, undone past): nothing in the app could reach it again, and a
/// recording is private. A take an answer of the card names is left alone (an undone
/// answer does not count: its card shows the take again until it is graded anew).
pub fn discard_take(collection: &IndexedCollection, card_id: &str, recording: &str) {
    let named = collection.history(card_id).any(|replayed| {
        replayed
            .record
            .spoken
            .is_some_and(|spoken| spoken.recording == recording)
    });
    if !named {
        // Already gone is as good; a file that cannot be deleted stays where it was.
        let _ = recordings::delete(collection.data_dir(), recording);
    }
}

/// After an answer given aloud to `card_id` is logged: deletes the card's recordings
/// beyond the newest the setting `keep_recordings` keeps; `Some` says why one could not be.
pub fn keep_the_newest(
    collection: &IndexedCollection,
    dir: &DataDir,
    card_id: &str,
    text: &Strings,
) -> Option<String> {
    let keep = collection.settings().keep_recordings;
    if keep == 0 {
        return None;
    }
    // Only recordings here count: one not yet synced from the other computer (or deleted)
    // must not make this one delete the older recording it can still play.
    let ids: Vec<String> = collection
        .history(card_id)
        .filter_map(|replayed| {
            replayed
                .record
                .spoken
                .map(|spoken| spoken.recording.clone())
        })
        .filter(|id| recordings::is_here(dir, id))
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    recordings::keep_newest(dir, keep, &ids)
        .err()
        .map(|error| text.cannot_delete_recording(&error.to_string()))
}

impl Microphone {
    fn play_state(&self, id: &str) -> (PlayState, Option<f64>) {
        match (self.playing_at(id), self.paused_at(id)) {
            (Some(at), _) => (PlayState::Playing, Some(at)),
            (None, Some(at)) => (PlayState::Paused, Some(at)),
            (None, None) => (PlayState::Stopped, None),
        }
    }
}

/// Play (Pause, Resume) and Replay for a take, how far it has played, and its waveform
/// with the pauses shaded, a click on which plays from there. `with_key` names V on the
/// button (not while the keyboard is in a text box, where V is a letter).
pub fn player(
    ui: &mut egui::Ui,
    text: &Strings,
    microphone: &Microphone,
    take: &Take,
    with_key: bool,
) -> Option<RecordingAction> {
    let mut action = None;
    let (state, at) = microphone.play_state(&take.id);
    ui.horizontal_wrapped(|ui| {
        if ui.button(text.play_button(state, with_key)).clicked() {
            action = Some(RecordingAction::Toggle(take.id.clone()));
        }
        if state != PlayState::Stopped && ui.button(text.replay()).clicked() {
            action = Some(RecordingAction::Seek(take.id.clone(), 0));
        }
        let duration = take.duration_s();
        if duration > 0.0 {
            let at = clock(at.unwrap_or(0.0).min(duration) as i64);
            let muted = theme::tone::MUTED_TEXT.on(ui);
            ui.label(
                RichText::new(format!("{at} / {}", clock(duration.round() as i64))).color(muted),
            );
        }
        if state == PlayState::Playing {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    });
    if let Some(reason) = microphone.unplayable(&take.id) {
        ui.colored_label(ui.visuals().error_fg_color, reason);
    }
    if let Some(seconds) = waveform(ui, text, take, at) {
        let milliseconds = (seconds * 1000.0).round() as u64;
        action = Some(RecordingAction::Seek(take.id.clone(), milliseconds));
    }
    action
}

/// The take's loudness over time, its pauses shaded and the part played drawn strong, with
/// a line where playing is; returns the time clicked (or where a drag let go).
fn waveform(ui: &mut egui::Ui, text: &Strings, take: &Take, at_s: Option<f64>) -> Option<f64> {
    let duration = take.duration_s();
    let Ok(analysis) = &take.figures else {
        return None;
    };
    if take.envelope.is_empty() || duration <= 0.0 {
        return None;
    }
    let size = egui::vec2(ui.available_width().max(120.0), 44.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click_and_drag());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text.waveform_label()));
    let x_of =
        |seconds: f64| rect.left() + (seconds / duration).clamp(0.0, 1.0) as f32 * rect.width();
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
    let pause_fill = visuals.warn_fg_color.gamma_multiply(0.18);
    for pause in &analysis.pauses {
        let band =
            egui::Rect::from_x_y_ranges(x_of(pause.start_s)..=x_of(pause.end_s), rect.y_range());
        painter.rect_filled(band, 0.0, pause_fill);
    }
    let played_x = at_s.map_or(rect.left(), x_of);
    let strong = theme::tone::ACCENT.on(ui);
    let weak = theme::tone::MUTED_TEXT.on(ui).gamma_multiply(0.6);
    let columns = (rect.width().floor() as usize / 2).max(1);
    let bins = take.envelope.len();
    for column in 0..columns {
        let (first, last) = (
            column * bins / columns,
            ((column + 1) * bins / columns).max(column * bins / columns + 1),
        );
        let peak = take.envelope[first.min(bins - 1)..last.min(bins)]
            .iter()
            .copied()
            .fold(0.0_f32, f32::max);
        let x = rect.left() + (column as f32 + 0.5) * rect.width() / columns as f32;
        let half = (peak * (rect.height() / 2.0 - 3.0)).max(0.5);
        let color = if x <= played_x { strong } else { weak };
        painter.line_segment(
            [
                egui::pos2(x, rect.center().y - half),
                egui::pos2(x, rect.center().y + half),
            ],
            egui::Stroke::new(1.5, color),
        );
    }
    if at_s.is_some() {
        painter.line_segment(
            [
                egui::pos2(played_x, rect.top()),
                egui::pos2(played_x, rect.bottom()),
            ],
            egui::Stroke::new(2.0, visuals.strong_text_color()),
        );
    }
    let response = response.on_hover_text(text.waveform_hint());
    if response.clicked() || response.drag_stopped() {
        let x = response.interact_pointer_pos()?.x;
        return Some(f64::from((x - rect.left()) / rect.width()).clamp(0.0, 1.0) * duration);
    }
    None
}

/// Every earlier answer to `card_id` ([`widgets::answer_history`]), with Listen and
/// Delete on the answers given aloud; returns what the user did to a recording.
///
/// `(place, card_id)`: the card, and where its history is shown (which keeps it open or
/// closed there); `local`, the clock the user reads now.
pub fn card_history(
    ui: &mut egui::Ui,
    text: &Strings,
    collection: &IndexedCollection,
    (place, card_id): (&str, &str),
    microphone: &Microphone,
    can_write: bool,
    local: chrono::FixedOffset,
) -> Option<RecordingAction> {
    let id_salt = (place, card_id);
    let history: Vec<ReviewRef> = collection
        .history(card_id)
        .map(|replayed| replayed.record)
        .collect();
    let dir = collection.data_dir();
    let mut action = None;
    widgets::answer_history(ui, text, &history, local, id_salt, &mut |ui, recording| {
        if let Some(asked) = past_recording(ui, text, microphone, dir, recording, can_write) {
            action = Some(asked);
        }
    });
    action
}

/// A past answer's recording in the card history: Play (Pause, Resume) and Delete, which
/// asks first; or why it cannot be played (deleted, or not yet synced to this computer).
pub fn past_recording(
    ui: &mut egui::Ui,
    text: &Strings,
    microphone: &Microphone,
    dir: &DataDir,
    recording: &str,
    can_write: bool,
) -> Option<RecordingAction> {
    if !recordings::is_here(dir, recording) {
        ui.weak(text.recording_gone());
        return None;
    }
    let mut action = None;
    let (state, at) = microphone.play_state(recording);
    if ui.small_button(text.play_short(state)).clicked() {
        action = Some(RecordingAction::Toggle(recording.to_string()));
    }
    if let Some(reason) = microphone.unplayable(recording) {
        ui.colored_label(ui.visuals().error_fg_color, reason);
    }
    if let Some(at) = at {
        ui.weak(clock(at as i64));
        if state == PlayState::Playing {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(200));
        }
    }
    if !can_write {
        return action;
    }
    if microphone.deleting.as_deref() == Some(recording) {
        kinsoku::paragraph(ui, text.delete_recording_question());
        if ui
            .small_button(text.delete_recording_yes())
            .on_hover_text(text.delete_recording_hint())
            .clicked()
        {
            action = Some(RecordingAction::Delete(recording.to_string()));
        }
        if ui.small_button(text.keep_recording()).clicked() {
            action = Some(RecordingAction::AskDelete(None));
        }
    } else if ui
        .small_button(text.delete_recording())
        .on_hover_text(text.delete_recording_hint())
        .clicked()
    {
        action = Some(RecordingAction::AskDelete(Some(recording.to_string())));
    }
    action
}

/// The figures of a take, beside the delivery line of the typed draft: speaking time
/// against the target, pauses, and the rate against the normal range.
pub fn spoken_line(ui: &mut egui::Ui, text: &Strings, take: &Take, target_seconds: u32) {
    let size = theme::size::SMALL;
    let muted = theme::tone::MUTED_TEXT.on(ui);
    let warn = ui.visuals().warn_fg_color;
    let analysis = match &take.figures {
        Ok(analysis) => analysis,
        Err(reason) => {
            ui.colored_label(ui.visuals().error_fg_color, reason);
            return;
        }
    };
    ui.horizontal_wrapped(|ui| {
        // From the milliseconds the log keeps, as card history shows them.
        let speech = widgets::clock_ms((analysis.speech_s * 1000.0).round() as u64);
        let target = clock(i64::from(target_seconds));
        let over = analysis.speech_s > f64::from(target_seconds);
        ui.label(
            RichText::new(text.spoken_time(&speech, &target))
                .size(size)
                .color(if over { warn } else { muted }),
        );
        ui.label(
            RichText::new(format!("· {}", text.spoken_pauses(analysis.pauses.len())))
                .size(size)
                .color(muted),
        );
        let rate = analysis.rate;
        let (low, high) = rate.unit.normal_range();
        let color = match rate.pace() {
            Pace::Normal => theme::tone::GOOD.on(ui),
            Pace::Slow | Pace::Fast => warn,
        };
        ui.label(
            RichText::new(format!(
                "· {:.1} {} ({low}–{high})",
                rate.value,
                text.rate_unit(rate.unit)
            ))
            .size(size)
            .color(color),
        );
    });
}
