//! One shape for everything found wrong while loading a data folder: a deck that does not
//! parse, a log line that cannot be read, a setting out of range, reviews of a card no
//! deck has. Each names its file and, where the file allows, the line and column, so the
//! app, the commands and the tests all show and count problems the same way.

use std::fmt;
use std::path::PathBuf;

/// How much a problem cost the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Something was left out: a deck, a card, a log line, a setting's value.
    Error,
    /// Kept and used, but worth knowing: a time in the future, a clock turned back,
    /// reviews of a card no deck has.
    Warning,
}

/// A problem with a file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based; only with a line.
    pub column: Option<usize>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    /// Something in `file` that was left out.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// Something in `file` that was kept but looks wrong.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    /// The same problem at a line; `None` or 0 (serde's "no line") leaves it unplaced.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line.filter(|line| *line > 0);
        self
    }

    pub fn at_column(mut self, column: Option<usize>) -> Self {
        self.column = column.filter(|column| *column > 0);
        self
    }
}

/// `file:line:column: message`, the form compilers use, so editors and terminals can jump
/// to the place.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_with_as_much_of_the_place_as_is_known() {
        let problem = Problem::error("decks/a.json", "bad");
        assert_eq!(problem.to_string(), "decks/a.json: bad");
        let problem = problem.at_line(Some(3));
        assert_eq!(problem.to_string(), "decks/a.json:3: bad");
        assert_eq!(
            problem.at_column(Some(7)).to_string(),
            "decks/a.json:3:7: bad"
        );
        let unplaced = Problem::warning("r.jsonl", "x").at_line(Some(0));
        assert_eq!(unplaced.to_string(), "r.jsonl: x");
        assert_eq!(unplaced.severity, Severity::Warning);
    }
}
