//! The records of a review log's second version. A log has one writer, so a sync tool's
//! conflict copy of one means two computers were given the same device id: what both
//! versions hold is read once, and what only the copy holds (the other computer's
//! answers) is read like any log's. Apart from [`conflicts`] so that finding copies does
//! not depend on the log's records (the deck loader uses it, and the log depends on
//! decks).

use crate::core::problem::Problem;
use crate::core::review::log::LoggedRecord;
use crate::core::sync::conflicts::{self, FileKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

/// Reports the conflict copies among the logs of `reviews_dir` and leaves out each of
/// their records that is also in the log they are a copy of, so what both versions hold
/// counts once. Everything else in a copy is kept: the answers the other computer gave
/// under the same device id are answers all the same.
pub fn read_once(reviews_dir: &Path, records: &mut Vec<LoggedRecord>, problems: &mut Vec<Problem>) {
    let conflicts = conflicts::in_folder(reviews_dir, FileKind::ReviewLog);
    if conflicts.is_empty() {
        return;
    }
    problems.extend(conflicts::problems_of(&conflicts));
    let copy_of: FxHashMap<&Path, &Path> = conflicts
        .iter()
        .map(|conflict| (conflict.copy.as_path(), conflict.original.as_path()))
        .collect();
    let originals: FxHashSet<&Path> = copy_of.values().copied().collect();
    let in_originals: FxHashSet<(&Path, &str)> = records
        .iter()
        .filter(|logged| originals.contains(logged.origin.file.as_path()))
        .map(|logged| (logged.origin.file.as_path(), logged.record.id()))
        .collect();
    let mut by_id: FxHashMap<(&Path, &str), usize> = FxHashMap::default();
    for (index, logged) in records.iter().enumerate() {
        if in_originals.contains(&(logged.origin.file.as_path(), logged.record.id())) {
            by_id.insert((logged.origin.file.as_path(), logged.record.id()), index);
        }
    }
    let twice: FxHashSet<usize> = records
        .iter()
        .enumerate()
        .filter_map(|(index, logged)| {
            let original = copy_of.get(logged.origin.file.as_path())?;
            let first = by_id.get(&(*original, logged.record.id()))?;
            (records[*first].record == logged.record).then_some(index)
        })
        .collect();
    if twice.is_empty() {
        return;
    }
    let mut index = 0;
    records.retain(|_| {
        index += 1;
        !twice.contains(&(index - 1))
    });
}
