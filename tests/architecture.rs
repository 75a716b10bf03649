//! The layers of `src/` point one way: no module depends, through any chain of `crate::`
//! paths, on a module that depends back on it. A cycle makes two layers one (a change to
//! either means reading both, and caches end up cleared by hand in several places), so a
//! new one fails here with the chain that makes it.
//!
//! Dependencies are read from the source text: every `crate::a::b` path outside comments
//! and outside the `#[cfg(test)] mod tests` block at the end of a file, braces included
//! (`crate::a::{b, c::d}`), each resolved to the longest module it names. A module's use
//! of its own ancestors is no edge (a child is part of its parent, as `ui::app::close` is
//! of `ui::app`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Cycles not yet taken apart, each as its sorted modules. The test fails if one of them
/// is gone (take it off the list) or changes, so the list only ever shrinks. Empty: a new
/// cycle is a failure.
const KNOWN_CYCLES: &[&[&str]] = &[];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// `src/core/study/queue.rs` → `core::study::queue`; `mod.rs` names its folder; the crate
/// roots (`lib.rs`, `main.rs`) are the empty path.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file without its comments and without a trailing test module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(tests) => &text[..tests],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path that `crate::` starts in `code`, braces expanded.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find("crate::") {
        let before = rest[..start].chars().next_back();
        rest = &rest[start + "crate::".len()..];
        if before.is_some_and(is_path_char) {
            continue;
        }
        let mut chars = rest.char_indices().peekable();
        paths.extend(read_tree(rest, &mut chars, Vec::new()));
    }
    paths
}

/// Reads `a::b::{c, d::e}` from `chars` (inside `text`), prefixed with `prefix`.
fn read_tree(
    text: &str,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    mut prefix: Vec<String>,
) -> Vec<Vec<String>> {
    loop {
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
        match chars.peek().copied() {
            Some((_, '{')) => {
                chars.next();
                let mut found = Vec::new();
                loop {
                    found.extend(read_tree(text, chars, prefix.clone()));
                    while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                    match chars.next() {
                        Some((_, ',')) => continue,
                        _ => return found,
                    }
                }
            }
            Some((begin, c)) if is_path_char(c) => {
                let mut end = begin;
                while let Some(&(at, c)) = chars.peek() {
                    if !is_path_char(c) {
                        break;
                    }
                    end = at + c.len_utf8();
                    chars.next();
                }
                prefix.push(text[begin..end].to_string());
                if text[end..].starts_with("::") {
                    chars.next();
                    chars.next();
                    continue;
                }
                // `as name` and whatever follows are not part of the path.
                return vec![prefix];
            }
            _ => {
                return if prefix.is_empty() {
                    Vec::new()
                } else {
                    vec![prefix]
                };
            }
        }
    }
}

/// Each module's dependencies on other modules of the crate.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<String, PathBuf> = files
        .into_iter()
        .map(|file| (module_of(&src, &file), file))
        .collect();
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let mut depends = BTreeSet::new();
        for path in crate_paths(&code) {
            let target = (1..=path.len())
                .rev()
                .map(|length| path[..length].join("::"))
                .find(|candidate| modules.contains_key(candidate));
            if let Some(target) = target {
                let is_self_or_ancestor =
                    *module == target || module.starts_with(&format!("{target}::"));
                if !is_self_or_ancestor {
                    depends.insert(target);
                }
            }
        }
        graph.insert(module.clone(), depends);
    }
    graph
}

/// The strongly connected components of more than one module (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, module: &'a str) {
            let order = self.index.len();
            self.index.insert(module, order);
            self.low.insert(module, order);
            self.stack.push(module);
            self.on_stack.insert(module);
            for next in &self.graph[module] {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[module].min(self.low[next]);
                    self.low.insert(module, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[module].min(self.index[next]);
                    self.low.insert(module, low);
                }
            }
            if self.low[module] == self.index[module] {
                let mut component = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    component.push(top.to_string());
                    if top == module {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for module in graph.keys() {
        if !walk.index.contains_key(module.as_str()) {
            walk.visit(module);
        }
    }
    walk.found.sort();
    walk.found
}

/// Who in `component` depends on whom, for the failure message.
fn describe(graph: &BTreeMap<String, BTreeSet<String>>, component: &[String]) -> String {
    component
        .iter()
        .map(|module| {
            let inside: Vec<&str> = graph[module]
                .iter()
                .filter(|next| component.contains(next))
                .map(String::as_str)
                .collect();
            format!("  {module} -> {}", inside.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_module_of_src_depends_on_itself_through_others() {
    let graph = module_graph();
    assert!(
        graph.len() > 50 && graph["core::collection"].contains("core::review::log"),
        "the module graph was not read: {graph:#?}"
    );
    let found = cycles(&graph);
    let known: Vec<Vec<String>> = KNOWN_CYCLES
        .iter()
        .map(|cycle| cycle.iter().map(|module| module.to_string()).collect())
        .collect();
    let new: Vec<String> = found
        .iter()
        .filter(|cycle| !known.contains(cycle))
        .map(|cycle| describe(&graph, cycle))
        .collect();
    assert!(
        new.is_empty(),
        "modules that depend on each other:\n{}",
        new.join("\n\n")
    );
    let gone: Vec<&Vec<String>> = known
        .iter()
        .filter(|cycle| !found.contains(cycle))
        .collect();
    assert!(
        gone.is_empty(),
        "these known cycles are gone or changed; take them off KNOWN_CYCLES: {gone:?}"
    );
}

#[test]
fn the_reader_finds_every_kind_of_path_and_the_walk_finds_cycles() {
    let code = code_of(
        "use crate::core::{files::{self, Readers}, text};\n\
         // use crate::ui::app;\n\
         let x = crate::core::review::log::merge(y); use crate::cli as c;\n\
         #[cfg(test)]\nmod tests { use crate::ui::strings; }",
    );
    let paths: Vec<String> = crate_paths(&code)
        .iter()
        .map(|path| path.join("::"))
        .collect();
    assert_eq!(
        paths,
        [
            "core::files::self",
            "core::files::Readers",
            "core::text",
            "core::review::log::merge",
            "cli"
        ]
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(from, to)| {
        (
            from.to_string(),
            to.into_iter().map(str::to_string).collect(),
        )
    })
    .collect();
    assert_eq!(cycles(&graph), [["a", "b", "c"]]);
}

/// The collection holds what its log derives; the indexes built over it (the queue's, the
/// detector, the statistics) sit above it, in `core::study::indexed`, and follow the
/// changes its writes return. A collection that imported them again would be back to
/// clearing caches by hand.
#[test]
fn the_collection_knows_nothing_of_the_indexes_above_it() {
    let graph = module_graph();
    let above = [
        "core::study::coverage",
        "core::study::due_index",
        "core::study::indexed",
        "core::study::queue",
        "core::study::stats",
    ];
    let reached: Vec<&&str> = above
        .iter()
        .filter(|module| graph["core::collection"].contains(**module))
        .collect();
    assert!(reached.is_empty(), "core::collection imports {reached:?}");
    assert!(graph["core::study::indexed"].contains("core::collection"));
}

/// The methods of `IndexedCollection` that write (those taking `&mut self`), from its
/// source.
fn collection_writes(indexed: &str) -> BTreeSet<String> {
    let mut writes = BTreeSet::new();
    let mut rest = indexed;
    while let Some(start) = rest.find("pub fn ") {
        rest = &rest[start + "pub fn ".len()..];
        let name: String = rest.chars().take_while(|c| is_path_char(*c)).collect();
        let parameters = rest[name.len()..].trim_start_matches('(').trim_start();
        if parameters.starts_with("&mut self") {
            writes.insert(name);
        }
    }
    // The writes that move no card state are lent through a macro, one `fn name(…)` a
    // line of its invocation.
    if let Some(start) = indexed.find("writes_that_move_no_state! {") {
        let block = &indexed[start..];
        let block = &block[..block.find("\n}").unwrap_or(block.len())];
        for line in block.lines() {
            if let Some(rest) = line.trim_start().strip_prefix("fn ") {
                writes.insert(rest.chars().take_while(|c| is_path_char(*c)).collect());
            }
        }
    }
    writes
}

/// What in `code` is one screen's handling: an `Action` variant other than the app's
/// own (opening a screen, the file dropped on the window), one of a screen's own action
/// types (`internal`), or a write to the collection (`writes`).
fn screen_glue(code: &str, internal: &[String], writes: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(start) = rest.find("Action::") {
        let before = rest[..start].chars().next_back();
        rest = &rest[start + "Action::".len()..];
        let variant: String = rest.chars().take_while(|c| is_path_char(*c)).collect();
        if !before.is_some_and(is_path_char) && !["Open", "FileDropped"].contains(&&*variant) {
            found.push(format!("Action::{variant}"));
        }
    }
    let words: BTreeSet<&str> = code
        .split(|c: char| !is_path_char(c))
        .filter(|word| !word.is_empty())
        .collect();
    found.extend(
        internal
            .iter()
            .filter(|name| words.contains(name.as_str()))
            .cloned(),
    );
    let joined: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    found.extend(
        writes
            .iter()
            .filter(|write| joined.contains(&format!("collection.{write}(")))
            .map(|write| format!("collection.{write}")),
    );
    found
}

/// `ui/app.rs` routes: tabs and banners, the collection and the store, and each action
/// handed to the screen that owns it (`Action::owner`), which applies it in its own file.
/// A screen's handling back in the app (matching its actions, writing the collection for
/// it) fails here; the drafts and the close dialog (`ui/app/close.rs`) are the app's own.
#[test]
fn the_app_routes_actions_and_each_screen_applies_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |path: &str| std::fs::read_to_string(src.join(path)).unwrap();
    let writes = collection_writes(&read("core/study/indexed.rs"));
    assert!(
        writes.contains("record_answer") && writes.contains("save_story"),
        "the collection's writes were not read: {writes:?}"
    );
    // The action types of `ui/context.rs` but the app's own.
    let context = code_of(&read("ui/context.rs"));
    let internal: Vec<String> = context
        .split("pub enum ")
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| is_path_char(*c)).collect())
        .filter(|name: &String| !["Action", "Screen", "FollowUp"].contains(&name.as_str()))
        .collect();
    assert!(
        internal.contains(&"StoryAction".to_string()) && internal.len() >= 6,
        "the screens' action types were not read: {internal:?}"
    );
    let glue = |code: &str| screen_glue(code, &internal, &writes);
    assert_eq!(
        glue(
            "match action { Action::Story(StoryAction::Remove(id)) => self\n.collection\n.remove_story(store, &id, now), Action::Open(s) => {} }"
        ),
        ["Action::Story", "StoryAction", "collection.remove_story"],
        "the check finds nothing"
    );
    let found = glue(&code_of(&read("ui/app.rs")));
    assert!(
        found.is_empty(),
        "ui/app.rs does a screen's work ({found:?}); it goes in the screen's `View::apply`"
    );
}
