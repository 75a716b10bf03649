//! `mensetsu stories`: the story bank, for reading or for another tool.

use super::{GlobalOptions, open_collection, print_json};
use crate::core::content::deck::Lang;
use crate::core::study::story;
use std::process::ExitCode;

/// Your stories (STAR: situation, task, action, result) with their competencies and the
/// questions they answer
#[derive(Debug, clap::Args)]
pub struct StoriesArgs {
    /// A JSON list of objects: id, title, situation, task, action, result, lang,
    /// competencies, cards, updated_at
    #[arg(long)]
    json: bool,
}

pub fn run(options: &GlobalOptions, args: &StoriesArgs) -> ExitCode {
    let collection = match open_collection(options, "stories") {
        Ok(collection) => collection,
        Err(code) => return code,
    };
    let stories = collection.stories();
    if args.json {
        return print_json(&stories);
    }
    if stories.is_empty() {
        println!("no stories yet; add them in the app (Stories)");
    }
    for story in stories.iter().map(|story| &story.content) {
        let competencies: Vec<&str> = story
            .competencies
            .iter()
            .map(|id| story::competency_label(id, Lang::En))
            .collect();
        println!("{}  [{}]", story.title, competencies.join(", "));
        for (label, text) in [
            ("S", &story.situation),
            ("T", &story.task),
            ("A", &story.action),
            ("R", &story.result),
        ] {
            if !text.is_empty() {
                println!("  {label}: {text}");
            }
        }
        if !story.cards.is_empty() {
            println!("  answers: {}", story.cards.join(", "));
        }
    }
    ExitCode::SUCCESS
}
