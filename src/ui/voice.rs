//! Answering aloud on a screen: the microphone while it records (a level meter, the time
//! against the answer target), the take once it stops, with its figures beside the
//! delivery line, and what went wrong, where the Record button is.

use crate::audio::{self, Recording};
use crate::core::content::deck::Lang;
use crate::core::review::log::Spoken;
use crate::core::review::store::Store;
use crate::core::speech::analysis::{self, Analysis, Pace};
use crate::core::speech::{recordings, wav};
use crate::ui::strings::Strings;
use crate::ui::theme;
use crate::ui::widgets::clock;
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
}

impl Take {
    /// What the log keeps of it; nothing when it could not be measured (the file stays,
    /// but an answer never points at a recording it cannot read).
    pub fn spoken(&self) -> Option<Spoken> {
        self.figures
            .as_ref()
            .ok()
            .map(|analysis| recordings::spoken(&self.id, analysis))
    }
}

struct Live {
    recording: Recording,
    id: String,
    path: PathBuf,
}

/// The microphone (and the speaker) of a screen: recording or not, playing a take back
/// or not, and the last problem it had.
#[derive(Default)]
pub struct Microphone {
    live: Option<Live>,
    #[cfg(unix)]
    playing: Option<audio::pulse::Playback>,
    /// Why recording could not start or went wrong, shown where the Record button is.
    pub problem: Option<String>,
}

impl std::fmt::Debug for Microphone {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Microphone")
            .field("recording", &self.live.as_ref().map(|live| &live.id))
            .field("problem", &self.problem)
            .finish()
    }
}

impl Microphone {
    pub fn is_recording(&self) -> bool {
        self.live.is_some()
    }

    /// Plays `take` back, or stops playing it.
    pub fn toggle_playing(&mut self, take: &Take, text: &Strings) {
        #[cfg(unix)]
        {
            if let Some(playing) = self.playing.take() {
                if let Err(error) = playing.stop() {
                    self.problem = Some(text.cannot_play(&error.to_string()));
                }
                return;
            }
            self.problem = None;
            match audio::play(&take.path) {
                Ok(playing) => self.playing = Some(playing),
                Err(error) => self.problem = Some(text.cannot_play(&error.to_string())),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = take;
            self.problem = Some(text.cannot_play("no sound server"));
        }
    }

    /// Stops playing, if playing.
    pub fn stop_playing(&mut self) {
        #[cfg(unix)]
        if let Some(playing) = self.playing.take() {
            let _ = playing.stop();
        }
    }

    /// Seconds played, while playing.
    pub fn playing_s(&self) -> Option<f64> {
        #[cfg(unix)]
        return self
            .playing
            .as_ref()
            .map(audio::pulse::Playback::position_s);
        #[cfg(not(unix))]
        None
    }

    /// Forgets a playback that has played to its end.
    pub fn tidy(&mut self) {
        #[cfg(unix)]
        if self
            .playing
            .as_ref()
            .is_some_and(audio::pulse::Playback::has_ended)
            && let Some(playing) = self.playing.take()
            && let Err(error) = playing.wait()
        {
            self.problem = Some(error.to_string());
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
        let figures = wav::read(&live.path)
            .map(|audio| analysis::analyze(&audio, lang, pause_s))
            .map_err(|error| error.to_string());
        Some(Take {
            id: live.id,
            path: live.path,
            figures,
        })
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

/// Play (or Stop playing) for a take, with how far it has played; returns whether the
/// button was clicked.
pub fn player(ui: &mut egui::Ui, text: &Strings, microphone: &Microphone, typing: bool) -> bool {
    let mut clicked = false;
    ui.horizontal(|ui| {
        let playing = microphone.playing_s();
        clicked = ui
            .button(text.play_button(playing.is_some(), !typing))
            .clicked();
        if let Some(seconds) = playing {
            ui.label(RichText::new(clock(seconds as i64)).color(theme::tone::MUTED_TEXT.on(ui)));
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(200));
        }
    });
    clicked
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
        let speech = clock(analysis.speech_s.round() as i64);
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
                rate.unit.label()
            ))
            .size(size)
            .color(color),
        );
    });
}
