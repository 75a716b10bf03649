//! Keeps a system input method (Mozc on IBus or Fcitx5, reached through XIM on X11)
//! undisturbed while the user types in the app's text boxes.
//!
//! egui asks the integration to interrupt the composition whenever a widget requests the
//! keyboard, even the box that already has it (a click in it), and egui-winit does that by
//! switching the input method off and on again, which makes winit's X11 backend destroy
//! and re-create its XIM input context. Fcitx5 keeps its on/off state per input context
//! (its default), so every such click turned Japanese input off, and a composition still
//! pending in Fcitx5's own window was committed to the destroyed context and lost.
//!
//! [`ImeGuard`] is an egui plugin that edits what egui hands the integration:
//! - the interruption is dropped while the keyboard stays in a text box from one frame to
//!   the next (the same box, or another one when nothing is being composed in the first);
//! - a click in the box while a pre-edit is shown in it waits until the composition is
//!   committed (or cancelled), so the pre-edit is never turned into plain text under a
//!   composition the input method still goes on with (which doubled it);
//! - on X11 the caret's bottom is reported instead of its top, see [`ImeGuard::new`].

use egui::{Event, FullOutput, Id, ImeEvent, PointerButton, RawInput, Rect, SurrenderFocusOn};

/// Draws `add` so that a click on a button, a checkbox or empty space leaves the keyboard
/// in the text box that has it: egui otherwise takes it away for the frame of the click,
/// the integration turns the input method off, and on X11 the next box gets a new input
/// context, which Fcitx5 starts in direct input. Esc still leaves the box, and a click in
/// another text box still moves the keyboard there.
pub fn keeping_the_keyboard<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let ctx = ui.ctx().clone();
    let surrender_on = ctx.options(|o| o.input_options.surrender_focus_on);
    ctx.options_mut(|o| o.input_options.surrender_focus_on = SurrenderFocusOn::Never);
    let inner = add(ui);
    ctx.options_mut(|o| o.input_options.surrender_focus_on = surrender_on);
    inner
}

#[derive(Debug, Default)]
pub struct ImeGuard {
    place_below_line: bool,
    /// The widget that had the input method in the last output, if any.
    owner: Option<Id>,
    /// An input method's pre-edit is in a text box (on-the-spot): seen in `Preedit`
    /// events, which an input method that draws its pre-edit itself never sends.
    composing: bool,
    /// Where the text box that has the input method is on screen (last output): its
    /// text area's rows, but only as wide as its text.
    owner_rect: Option<Rect>,
    /// A press held back during a composition, whose release is held back too.
    held_button: Option<PointerButton>,
}

impl ImeGuard {
    /// `place_below_line`: winit's X11 backend sends the top-left corner of the caret
    /// rectangle as the XIM spot, which XIM takes for the baseline of the text, so the
    /// candidate window opened over the line being typed. With this set the caret is
    /// reported as its bottom edge, as GTK does. Wayland, Windows and macOS take the whole
    /// rectangle and place the window below it themselves, so it stays off there.
    pub fn new(place_below_line: bool) -> Self {
        Self {
            place_below_line,
            ..Self::default()
        }
    }

    /// Installs the guard into `ctx` (again only changing where the caret is reported).
    pub fn install(ctx: &egui::Context, place_below_line: bool) {
        if ctx
            .with_plugin(|guard: &mut Self| guard.place_below_line = place_below_line)
            .is_none()
        {
            ctx.add_plugin(Self::new(place_below_line));
        }
    }

    /// Whether an on-the-spot pre-edit is in a text box now.
    pub fn composing(&self) -> bool {
        self.composing
    }
}

impl egui::Plugin for ImeGuard {
    fn debug_name(&self) -> &'static str {
        "mensetsu::ImeGuard"
    }

    fn input_hook(&mut self, _ctx: &egui::Context, input: &mut RawInput) {
        input.events.retain(|event| match event {
            Event::Ime(ImeEvent::Preedit { text, .. }) => {
                self.composing = !text.is_empty();
                true
            }
            Event::Ime(ImeEvent::Commit(_)) => {
                self.composing = false;
                true
            }
            // The input method may end the composition on its own then, without a word.
            Event::WindowFocused(false) => {
                self.composing = false;
                true
            }
            // Only a click in the box being composed in moves the pre-edit's place; a
            // click elsewhere (a button, a point) leaves the box and the composition be,
            // and one in another box takes the keyboard there as egui does, the pre-edit
            // staying behind as text.
            Event::PointerButton {
                pos,
                button,
                pressed: true,
                ..
            } if self.composing && self.owner_rect.is_some_and(|rect| in_rows_of(rect, *pos)) => {
                self.held_button = Some(*button);
                false
            }
            Event::PointerButton {
                button,
                pressed: false,
                ..
            } if self.held_button == Some(*button) => {
                self.held_button = None;
                false
            }
            Event::PointerButton {
                button,
                pressed: true,
                ..
            } => {
                if self.held_button == Some(*button) {
                    self.held_button = None;
                }
                true
            }
            _ => true,
        });
    }

    fn output_hook(&mut self, ctx: &egui::Context, output: &mut FullOutput) {
        let focused = ctx.memory(|memory| memory.focused());
        let Some(ime) = &mut output.platform_output.ime else {
            // The integration turns the input method off, which ends any composition.
            self.owner = None;
            self.owner_rect = None;
            self.composing = false;
            return;
        };
        let kept_in_a_box = self.owner.is_some() && (self.owner == focused || !self.composing);
        if kept_in_a_box {
            ime.should_interrupt_composition = false;
        } else if ime.should_interrupt_composition {
            // egui leaves the pre-edit in the box it was typed in as plain text, and the
            // input method's context is reset, so its composition is over.
            self.composing = false;
        }
        if self.place_below_line {
            ime.cursor_rect = bottom_edge(ime.cursor_rect);
        }
        self.owner = focused;
        self.owner_rect = Some(ime.rect);
    }
}

fn bottom_edge(rect: Rect) -> Rect {
    Rect::from_min_max(egui::pos2(rect.min.x, rect.max.y), rect.max)
}

/// Whether `pos` is in the rows of the text area `rect`, with the box's frame: egui gives
/// the text's width rather than the box's, and the app's text boxes span their column, so
/// the rows stand for the box (a click beside it, on the page, is held back too).
fn in_rows_of(rect: Rect, pos: egui::Pos2) -> bool {
    const FRAME: f32 = 8.0;
    (rect.min.y - FRAME..=rect.max.y + FRAME).contains(&pos.y)
}
