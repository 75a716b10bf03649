//! A file dialog drawn by egui itself, for Import….
//!
//! The platform's dialog (rfd through the XDG desktop portal) did nothing, and said
//! nothing, where no portal runs: a bare X session, many tiling window managers. This one
//! works wherever the window does, and egui_kittest can drive it. `egui-file-dialog`, the
//! crate that does this, supports egui 0.36 and not the 0.37 we use, so it is ours: a
//! folder field, a few usual places, the folder's entries (folders first), Open and Cancel.

use crate::ui::strings::Strings;
use crate::ui::theme;
use std::path::{Path, PathBuf};

/// The files Import can read; the rest are listed only when asked.
const IMPORTABLE: &[&str] = &["md", "markdown", "txt", "json", "apkg", "colpkg"];

#[derive(Debug)]
pub struct FileDialog {
    open: bool,
    folder: PathBuf,
    /// The folder field: the folder shown, or whatever the user typed there.
    typed: String,
    /// The folder's entries, read once when the folder is entered, not every frame.
    listing: Listing,
    selected: Option<PathBuf>,
    show_all: bool,
    /// A typed path that names nothing.
    missing: Option<String>,
}

/// A folder's entries, or why it could not be read.
type Listing = Result<Vec<Entry>, String>;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    is_dir: bool,
}

impl Default for FileDialog {
    fn default() -> Self {
        Self {
            open: false,
            folder: PathBuf::new(),
            typed: String::new(),
            listing: Ok(Vec::new()),
            selected: None,
            show_all: false,
            missing: None,
        }
    }
}

impl FileDialog {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens at the folder it was last in, or at `start` the first time.
    pub fn open(&mut self, start: &Path) {
        self.open = true;
        self.selected = None;
        self.missing = None;
        let folder = if self.folder.as_os_str().is_empty() {
            start.to_path_buf()
        } else {
            self.folder.clone()
        };
        self.enter(folder);
    }

    fn enter(&mut self, folder: PathBuf) {
        self.listing = list(&folder);
        self.typed = folder.display().to_string();
        self.folder = folder;
        self.selected = None;
        self.missing = None;
    }

    /// Draws the dialog while it is open; the file chosen, once.
    pub fn show(&mut self, ctx: &egui::Context, text: &Strings) -> Option<PathBuf> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let mut go_to = None;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("file_dialog")).show(ctx, |ui| {
            let width = (ctx.content_rect().width() - 80.0).clamp(280.0, 640.0);
            ui.set_width(width);
            ui.label(
                egui::RichText::new(text.file_dialog_title)
                    .size(theme::size::HEADING)
                    .strong(),
            );
            ui.horizontal_wrapped(|ui| {
                if let Some(parent) = self.folder.parent()
                    && ui.button(format!("⬆ {}", text.folder_up)).clicked()
                {
                    go_to = Some(parent.to_path_buf());
                }
                for (label, place) in places(text) {
                    if ui
                        .button(label)
                        .on_hover_text(place.display().to_string())
                        .clicked()
                    {
                        go_to = Some(place);
                    }
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label(text.folder);
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.typed).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                // Enter in the field goes to the folder typed, or opens the file typed.
                if field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
                    let path = expand_home(self.typed.trim());
                    if path.is_dir() {
                        go_to = Some(path);
                    } else if path.is_file() {
                        chosen = Some(path);
                    } else {
                        self.missing = Some(path.display().to_string());
                    }
                }
            });
            if let Some(missing) = &self.missing {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} {missing}", text.no_such_file),
                );
            }
            ui.add_space(theme::space::S);
            let entries: Vec<&Entry> = match &self.listing {
                Ok(entries) => entries
                    .iter()
                    .filter(|entry| self.show_all || shown_by_default(entry))
                    .collect(),
                Err(error) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("{} {error}", text.folder_unreadable),
                    );
                    Vec::new()
                }
            };
            if self.listing.is_ok() && !entries.iter().any(|entry| !entry.is_dir) {
                theme::caption(ui, text.folder_empty);
            }
            let row_height = ui.spacing().interact_size.y;
            let list_height = (ctx.content_rect().height() * 0.45).clamp(120.0, 420.0);
            egui::ScrollArea::vertical()
                .id_salt(("file_dialog_list", &self.folder))
                .max_height(list_height)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, entries.len(), |ui, rows| {
                    for entry in &entries[rows] {
                        let path = self.folder.join(&entry.name);
                        if entry.is_dir {
                            // One click enters a folder: nothing else can be done with it.
                            if ui
                                .selectable_label(false, format!("{}/", entry.name))
                                .clicked()
                            {
                                go_to = Some(path);
                            }
                            continue;
                        }
                        let is_selected = self.selected.as_ref() == Some(&path);
                        let response = ui.selectable_label(is_selected, &entry.name);
                        if response.double_clicked() {
                            chosen = Some(path);
                        } else if response.clicked() {
                            self.selected = Some(path);
                        }
                    }
                });
            ui.checkbox(&mut self.show_all, text.show_all_files);
            ui.add_space(theme::space::S);
            ui.horizontal(|ui| {
                let open = ui.add_enabled(
                    self.selected.is_some(),
                    crate::ui::widgets::primary_button(text.open_file),
                );
                if open.clicked() {
                    chosen = self.selected.clone();
                }
                if ui.button(text.cancel).clicked() {
                    cancel = true;
                }
            });
        });
        if let Some(folder) = go_to {
            self.enter(folder);
        }
        if chosen.is_some() || cancel || modal.should_close() {
            self.open = false;
        }
        chosen
    }
}

/// The usual places to start from, where this computer has them.
fn places(text: &Strings) -> Vec<(&'static str, PathBuf)> {
    let Some(dirs) = directories::UserDirs::new() else {
        return Vec::new();
    };
    let mut places = vec![(text.home_folder, dirs.home_dir().to_path_buf())];
    for (label, place) in [
        (text.downloads_folder, dirs.download_dir()),
        (text.documents_folder, dirs.document_dir()),
    ] {
        if let Some(place) = place.filter(|place| place.is_dir()) {
            places.push((label, place.to_path_buf()));
        }
    }
    places
}

/// `~/guides` as the shell would read it.
pub fn expand_home(typed: &str) -> PathBuf {
    match typed.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map_or_else(
            || PathBuf::from(typed),
            |home| PathBuf::from(home).join(rest),
        ),
        None => PathBuf::from(typed),
    }
}

fn shown_by_default(entry: &Entry) -> bool {
    !entry.name.starts_with('.') && (entry.is_dir || is_importable(&entry.name))
}

fn is_importable(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, extension)| {
        IMPORTABLE
            .iter()
            .any(|known| extension.eq_ignore_ascii_case(known))
    })
}

/// A folder's entries, folders first, each group by name regardless of case.
fn list(folder: &Path) -> Listing {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)
        .map_err(|error| error.to_string())?
        .filter_map(Result::ok)
        .map(|entry| Entry {
            name: entry.file_name().to_string_lossy().into_owned(),
            // Through a link, as opening it would go.
            is_dir: entry.path().is_dir(),
        })
        .collect();
    sort(&mut entries);
    Ok(entries)
}

fn sort(entries: &mut [Entry]) {
    entries.sort_by_cached_key(|entry| (!entry.is_dir, entry.name.to_lowercase()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, is_dir: bool) -> Entry {
        Entry {
            name: name.into(),
            is_dir,
        }
    }

    #[test]
    fn folders_first_then_names_regardless_of_case() {
        let mut entries = vec![
            entry("b.md", false),
            entry("Zeta", true),
            entry("A.json", false),
            entry("alpha", true),
        ];
        sort(&mut entries);
        let names: Vec<&str> = entries.iter().map(|entry| entry.name.as_str()).collect();
        assert_eq!(names, ["alpha", "Zeta", "A.json", "b.md"]);
    }

    #[test]
    fn only_what_import_reads_unless_asked() {
        assert!(shown_by_default(&entry("guide.MD", false)));
        assert!(shown_by_default(&entry("deck.apkg", false)));
        assert!(shown_by_default(&entry("notes", true)));
        assert!(!shown_by_default(&entry("photo.png", false)));
        assert!(!shown_by_default(&entry(".hidden.md", false)));
        assert!(!shown_by_default(&entry("README", false)));
    }
}
