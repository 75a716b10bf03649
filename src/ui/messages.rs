//! What the core found wrong, said in the interface's language. The core gives a kind
//! with its parameters and an English `Display` (what the commands print); here each
//! kind has its Japanese sentence, in a `match` with no catch-all, so a new kind without
//! one does not compile. English is the core's own text, so the two cannot drift.
//!
//! No egui here: the commands use it too, for a user whose locale is Japanese.

use crate::core::content::deck::Lang;
use crate::core::content::import::ImportError;
use crate::core::content::user_decks::{Clash, DeckFileError, Unreadable};
use crate::core::files::{self, WriteError};
use crate::core::problem::{CardName, Problem, ProblemKind, SetAside};
use crate::core::study::search::{self, QueryError, QueryErrorKind};
use crate::ui::strings::Strings;

impl Strings {
    /// `file:line:column: message`, as the commands print it.
    pub fn problem(&self, problem: &Problem) -> String {
        format!("{}: {}", problem.place(), self.problem_kind(&problem.kind))
    }

    pub fn problem_kind(&self, kind: &ProblemKind) -> String {
        match self.lang {
            Lang::En => kind.to_string(),
            Lang::Ja => problem_ja(kind),
        }
    }

    /// A malformed search, with the character it goes wrong at.
    pub fn query_error(&self, error: &QueryError) -> String {
        match self.lang {
            Lang::En => error.to_string(),
            Lang::Ja => format!(
                "{}（検索の {} 文字目）",
                query_error_ja(&error.kind),
                error.column
            ),
        }
    }

    /// Why a deck file could not be previewed, created, saved or reloaded.
    pub fn deck_file_error(&self, error: &DeckFileError) -> String {
        let Lang::Ja = self.lang else {
            return error.to_string();
        };
        match error {
            DeckFileError::Read { path, source } => {
                format!("{} を読めません：{source}", path.display())
            }
            DeckFileError::NotUtf8 { path, line, column } => format!(
                "{} は UTF-8 のテキストではありません（最初のおかしなバイトは {line} 行 {column} 文字目）。UTF-8 で保存してからもう一度試してください",
                path.display()
            ),
            DeckFileError::Unreadable(unreadable) => match unreadable.as_ref() {
                Unreadable::Deck(problem) => self.problem(problem),
                Unreadable::Edited(kind) => self.problem_kind(kind),
                Unreadable::Guide { name, error } => {
                    format!("{name}：{}", self.import_error(error))
                }
            },
            DeckFileError::ChangedOnDisk { path } => format!(
                "{} は開いたあとにディスク上で変更されました。読み込み直す（ここでの変更は破棄されます）か、こちらの版を複製として保存してください",
                path.display()
            ),
            DeckFileError::Move { path, to, source } => format!(
                "{} を {} に移せません：{source}",
                path.display(),
                to.display()
            ),
            DeckFileError::Exists { path } => format!("{} はすでにあります", path.display()),
            DeckFileError::Encode(error) => format!("デッキを書き出せません：{error}"),
            DeckFileError::Write(error) => self.write_error(error),
        }
    }

    pub fn write_error(&self, error: &WriteError) -> String {
        let Lang::Ja = self.lang else {
            return error.to_string();
        };
        match error {
            WriteError::Exists { path } => {
                format!("{} はすでにあるため、そのままにしました", path.display())
            }
            WriteError::Folder { path, source } => {
                format!("フォルダ {} を作れません：{source}", path.display())
            }
            WriteError::Write { path, source } => {
                format!("{} に書き込めません：{source}", path.display())
            }
            WriteError::NoFreeName { path } => format!(
                "{} と、その横の番号付きの名前 {} 個がすべて使われています",
                path.display(),
                files::MAX_SUFFIX
            ),
        }
    }

    /// Why a role guide could not be imported.
    pub fn import_error(&self, error: &ImportError) -> String {
        let Lang::Ja = self.lang else {
            return error.to_string();
        };
        match error {
            ImportError::FrontMatter { line, reason } => {
                format!("{line} 行目から始まるフロントマターを読めません（{reason}）")
            }
            ImportError::NoInterviewSection { line, text } => format!(
                "面接の節（「面接でよくある質問」「面接でよく聞かれる質問」「想定質問」\"Interview questions\" \"Common questions\" などの見出し）がなく、{line} 行目「{text}」は mensetsu が読める質問ではありません。メモとして読めるのは、見出しの質問（`## Q1. …` や `## 1. …`、その下に回答のポイント）、`Q:`/`A:` の組、1 行に 1 問の質問だけのファイルです"
            ),
            ImportError::NoQuestions { heading, line } => format!(
                "面接の節「{heading}」（{line} 行目）に、mensetsu が読める形の質問がありません。読めるのは、質問と回答の列がある表、`質問 回答` の見出しに続く `1. 質問？ 回答` の行、番号付きリスト `1. **質問**` です"
            ),
        }
    }

    /// Ids an imported deck shares with decks already loaded.
    pub fn clash(&self, clash: &Clash) -> String {
        match (self.lang, clash) {
            (Lang::En, clash) => clash.to_string(),
            (Lang::Ja, Clash::DeckId { id, other }) => {
                format!("デッキの id `{id}` は {other} でも使われています")
            }
            (Lang::Ja, Clash::CardIds { count, other }) => {
                format!("カードの id のうち {count} 件は {other} にもあります")
            }
        }
    }
}

fn card_ja(card: &CardName) -> String {
    match card {
        CardName::Number(number) => format!("{number} 枚目のカード"),
        CardName::Id(id) => format!("カード `{id}` "),
    }
}

fn problem_ja(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::CannotRead { error } => format!("読めません：{error}"),
        ProblemKind::CannotReadDecksFolder { error } => {
            format!("デッキのフォルダを読めません：{error}")
        }
        ProblemKind::CannotReadReviewsFolder { error } => {
            format!("回答ログのフォルダを読めません：{error}")
        }
        ProblemKind::NotUtf8 => {
            "UTF-8 のテキストではありません。UTF-8 で保存してください".to_string()
        }
        ProblemKind::InvalidJson { detail } => format!("JSON として正しくありません：{detail}"),
        ProblemKind::DeckCutOff => "JSON として正しくありません。デッキの途中でファイルが終わっています（途中で切れていませんか？）".to_string(),
        ProblemKind::WrongDeckFormat { detail } => format!("デッキの形式が違います：{detail}"),
        ProblemKind::DeckFormatTooNew { found, supported } => format!(
            "デッキの形式 {found} は、この版の mensetsu が読める形式（{supported}）より新しいものです。mensetsu を更新してください"
        ),
        ProblemKind::EmptyDeckId => "デッキの `id` が空です".to_string(),
        ProblemKind::UntitledDeck => "デッキの `title` にどの言語の文字もありません".to_string(),
        ProblemKind::NoCards => "デッキにカードがありません".to_string(),
        ProblemKind::EmptyCardId { number } => format!("{number} 枚目のカードの `id` が空です"),
        ProblemKind::DuplicateCardId { id, first_line } => match first_line {
            Some(line) => format!("カードの id `{id}` が重複しています（最初は {line} 行目）"),
            None => format!("カードの id `{id}` が重複しています"),
        },
        ProblemKind::EmptyQuestion { card } => format!("{}の質問が空です", card_ja(card)),
        ProblemKind::PointsAndNoPoints { card } => format!(
            "{}にガイド自身の回答ポイントがあるのに、`no_points` でポイントなしとされています",
            card_ja(card)
        ),
        ProblemKind::EmptyPoint { card, point } => {
            format!("{}の回答ポイント {point} が空です", card_ja(card))
        }
        ProblemKind::DeckIdTaken { id, other } => format!(
            "デッキの id `{id}` はすでに {other} で使われています。このデッキは読み込みませんでした"
        ),
        ProblemKind::CardIdTaken { id, other } => format!(
            "カードの id `{id}` はすでに {other} で使われています。このカードは読み込みませんでした"
        ),
        ProblemKind::SettingsUnreadable { error } => {
            format!("読めません（{error}）。既定の設定を使います")
        }
        ProblemKind::SettingsDamaged { detail, set_aside } => match set_aside {
            SetAside::KeptAs(aside) => format!(
                "設定ファイルが壊れています（{detail}）。{} として残し、既定の設定を使います",
                aside.display()
            ),
            SetAside::Failed(error) => format!(
                "設定ファイルが壊れていて（{detail}）、別の名前にできませんでした（{error}）。既定の設定を使い、このファイルには保存しません"
            ),
            SetAside::LeftAsIs => format!(
                "設定ファイルが壊れています（{detail}）。既定の設定を使い、ファイルはそのままにします（このデータフォルダを開いている mensetsu のウィンドウが別の名前にします）"
            ),
        },
        ProblemKind::SettingOutOfRange {
            field,
            value,
            kind,
            span,
            default,
        } => match kind {
            Some(_) => format!(
                "{field} の値 {value} は正しくありません（{span}）。{default} を使います"
            ),
            None => {
                format!("{field} の値 {value} は範囲（{span}）の外です。{default} を使います")
            }
        },
        ProblemKind::BadSteps {
            field,
            max_minutes,
            default,
        } => format!(
            "{field} は 1 秒から {max_minutes} 分までのステップにしてください。{default} を使います"
        ),
        ProblemKind::FsrsParametersRejected { error } => {
            format!("fsrs_parameters を使えません（{error}）。FSRS-6 の既定値を使います")
        }
        ProblemKind::SchedulingRejected { error } => {
            format!("スケジュールの設定を使えません（{error}）。既定値を使います")
        }
        ProblemKind::LogLineNul => "NUL バイトだけの行です（停電やディスクの空き不足で残るものです）。この行は読み飛ばしました".to_string(),
        ProblemKind::LogLineNotUtf8 { column } => format!(
            "UTF-8 のテキストではありません（最初のおかしなバイトは {column} 文字目）。この行は読み飛ばしました"
        ),
        ProblemKind::LogLineUnreadable { detail, cut_off: true } => format!(
            "最後の行が途中で切れています（書き込みの途中でアプリが止まったようです）：{detail}。この行は読み飛ばしました"
        ),
        ProblemKind::LogLineUnreadable { detail, cut_off: false } => {
            format!("読めない行です：{detail}。この行は読み飛ばしました")
        }
        ProblemKind::TimeBeforePreviousLine {
            at,
            previous_line,
            previous_at,
        } => format!(
            "時刻 {at} が {previous_line} 行目（{previous_at}）より前です。時刻の順に並べて使いますが、コンピューターの時計が戻されたようです"
        ),
        ProblemKind::TimeInFuture { at, now } => format!(
            "時刻 {at} が現在（{now}）より後です。そのまま使いますが、書き込んだコンピューターの時計がずれていたようです"
        ),
        ProblemKind::ReviewIdTwice { id, first } => format!(
            "回答の id `{id}` が二度出てきます（最初は {first}）。後のほうは使いません"
        ),
        ProblemKind::UnknownUndo { id } => {
            format!("取り消す回答 `{id}` が見つかりません。この取り消しは使いません")
        }
        ProblemKind::OrphanReviews { count, card } => format!(
            "どのデッキにもないカード `{card}` への回答が {count} 件あります。ログには残してあり、デッキが戻れば再び数えます"
        ),
        ProblemKind::ChangedOnTwoComputers { copy, tool, more } => format!(
            "2 台のコンピューターで変更されました。もう一方の版は {}（{tool} が残したもの）です{}。デッキ画面の「解決…」か `mensetsu conflicts resolve` で選んでください",
            copy.display(),
            if *more > 0 { format!("。このファイルにはほかに {more} 個の版があり、その後に続きます") } else { String::new() }
        ),
        ProblemKind::ConflictCopyDamaged { copy, tool, detail } => format!(
            "2 台のコンピューターで変更されましたが、もう一方の版 {}（{tool} が残したもの）は読めません（{detail}）。この版を残すと、もう一方は conflicts/resolved に移します",
            copy.display()
        ),
        ProblemKind::LogWrittenByTwoComputers { copy, tool, device } => format!(
            "2 台のコンピューターが同じデバイス ID `{device}` で書き込みました（{tool} がもう一方の版を {} として残しました。その記録も、重複は一度だけ読みます）。どちらか一方に別の ID を付けてください：そのコンピューターで mensetsu の設定フォルダーの `device-id`（Linux では ~/.config/mensetsu/device-id）を削除するか、MENSETSU_DEVICE_ID に新しい ID を設定して、mensetsu を起動し直します",
            copy.display()
        ),
        ProblemKind::GitConflictMarkers => "git のマージが途中のままです（<<<<<<<、=======、>>>>>>> で始まる行）。どちらかの行を残してマーカーを消し、コミットしてください".to_string(),
        ProblemKind::Other(text) => text.clone(),
    }
}

fn query_error_ja(kind: &QueryErrorKind) -> String {
    match kind {
        QueryErrorKind::LoneMinus => {
            "`-` は否定する語の直前に、空けずに書いてください（例：-is:new）".to_string()
        }
        QueryErrorKind::UnclosedQuote => {
            "この引用符が閉じられていません。語句の終わりに \" を書いてください".to_string()
        }
        QueryErrorKind::MissingKey { sign } => format!("`{sign}` の前に検索キーがありません"),
        QueryErrorKind::NeedsColon { key, example } => {
            format!("`{key}` のあとは `:` です（例：{example}）")
        }
        QueryErrorKind::MissingValue { key, example } => {
            format!("`{key}` の記号のあとに値を書いてください（例：{example}）")
        }
        QueryErrorKind::NotAState { value } => format!(
            "`is:{value}` という状態はありません。使えるのは {} です",
            search::STATES
        ),
        QueryErrorKind::NotAFlag { value } => {
            format!("`flag:{value}` というフラグはありません。フラグは 0（なし）から 7 です")
        }
        QueryErrorKind::NotANumber { text } => format!("`{text}` は整数ではありません"),
        QueryErrorKind::NoComparison { value } => {
            format!("`prop:{value}` には比較が必要です（例：prop:due<3）")
        }
        QueryErrorKind::NotAProperty { name } => format!(
            "`{name}` というプロパティはありません。使えるのは {} です",
            search::PROPERTIES
        ),
        QueryErrorKind::MissingNumber => "比較のあとに数がありません".to_string(),
        QueryErrorKind::NotAKey { key } => format!(
            "`{key}` という検索キーはありません。使えるキーは {} です",
            search::KEYS
        ),
        QueryErrorKind::Or { word } => format!(
            "`{word}`（どちらか一方）は使えません。すべての語に合うカードを探します。語そのものを探すときは引用符で囲んでください：\"{word}\""
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::study::search;
    use crate::ui::strings::strings;

    #[test]
    fn english_is_what_the_commands_print_and_japanese_is_japanese() {
        let error = search::parse("deck:vpoe is:nonsense").unwrap_err();
        assert_eq!(strings(Lang::En).query_error(&error), error.to_string());
        assert_eq!(
            strings(Lang::Ja).query_error(&error),
            "`is:nonsense` という状態はありません。使えるのは new, learn, review, due, suspended, buried, leech です（検索の 14 文字目）"
        );
        let problem = Problem::error("decks/a.json", ProblemKind::NoCards).at_line(Some(1));
        assert_eq!(strings(Lang::En).problem(&problem), problem.to_string());
        assert_eq!(
            strings(Lang::Ja).problem(&problem),
            "decks/a.json:1: デッキにカードがありません"
        );
        let question = ProblemKind::EmptyQuestion {
            card: CardName::Id("x-1".into()),
        };
        assert_eq!(
            strings(Lang::Ja).problem_kind(&question),
            "カード `x-1` の質問が空です"
        );
    }
}
