//! How far loading a data folder has got, for a window that shows it while another thread
//! loads. Atomics only: the loading thread writes, the window reads whenever it draws,
//! neither waits for the other.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// What loading is doing now, in the order it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadStage {
    /// Opening the data folder: taking its lock and finding the end of this device's log.
    Opening,
    /// Reading and checking the deck files.
    Decks,
    /// Reading and parsing every device's review log.
    Logs,
    /// Replaying the answers through the scheduler: [`LoadProgress::replayed`] of them.
    Replay,
    /// Everything loaded.
    Done,
}

/// Shared between the loading thread and the window (in an `Arc`).
#[derive(Debug)]
pub struct LoadProgress {
    stage: AtomicU8,
    replayed: AtomicU64,
    to_replay: AtomicU64,
}

impl Default for LoadProgress {
    fn default() -> Self {
        Self {
            stage: AtomicU8::new(LoadStage::Opening as u8),
            replayed: AtomicU64::new(0),
            to_replay: AtomicU64::new(0),
        }
    }
}

impl LoadProgress {
    pub fn stage(&self) -> LoadStage {
        match self.stage.load(Ordering::Relaxed) {
            0 => LoadStage::Opening,
            1 => LoadStage::Decks,
            2 => LoadStage::Logs,
            3 => LoadStage::Replay,
            _ => LoadStage::Done,
        }
    }

    pub fn set_stage(&self, stage: LoadStage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Answers replayed so far and how many there are to replay.
    pub fn replayed(&self) -> (u64, u64) {
        (
            self.replayed.load(Ordering::Relaxed),
            self.to_replay.load(Ordering::Relaxed),
        )
    }

    pub(crate) fn start_replay(&self, total: usize) {
        self.replayed.store(0, Ordering::Relaxed);
        self.to_replay.store(total as u64, Ordering::Relaxed);
        self.set_stage(LoadStage::Replay);
    }

    pub(crate) fn set_replayed(&self, done: usize) {
        self.replayed.store(done as u64, Ordering::Relaxed);
    }
}
