//! The app's own labels in Japanese and English. A struct rather than a key lookup, so a
//! missing translation is a compile error, not a blank button. Text with a number or a
//! name in it is a function of them, one `match` arm per language, so English can say
//! "1 card" and "2 cards" and no placeholder is ever left unfilled.

use crate::core::content::deck::Lang;
use crate::core::review::scheduler::Interval;
use crate::core::review::store::StoreError;
use crate::core::speech::analysis::RateUnit;
use crate::core::study::coverage::Miss;
use crate::core::study::delivery::Script;
use std::fmt::Display;

/// Where a recording is, for its Play button's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayState {
    Stopped,
    Playing,
    Paused,
}

pub struct Strings {
    /// Which language the labels are in, for the functions that build a sentence.
    pub lang: Lang,
    pub app_title: &'static str,
    pub decks: &'static str,
    pub deck: &'static str,
    /// The tab of a study session in progress.
    pub study_tab: &'static str,
    pub settings: &'static str,
    pub data_dir: &'static str,
    pub new: &'static str,
    pub learning: &'static str,
    pub due: &'static str,
    pub study: &'static str,
    pub study_all_due: &'static str,
    pub nothing_due: &'static str,
    pub problems_found: &'static str,
    /// On the decks screen, beside a file changed on two computers.
    pub resolve_conflict: &'static str,
    pub conflict_heading: &'static str,
    pub this_version: &'static str,
    pub other_version: &'static str,
    pub newer_version: &'static str,
    pub keep_this_version: &'static str,
    pub keep_other_version: &'static str,
    pub merge_versions: &'static str,
    pub card_only_other: &'static str,
    pub card_only_this: &'static str,
    pub card_changed: &'static str,
    pub card_same: &'static str,
    pub save_setting_choices: &'static str,
    pub setting_name: &'static str,
    pub setting_default: &'static str,
    pub version_unreadable: &'static str,
    pub read_only: &'static str,
    /// The banner of a window that cannot write to its data folder.
    pub read_only_banner: &'static str,
    pub new_hint: &'static str,
    pub learning_hint: &'static str,
    pub due_hint: &'static str,
    pub welcome_title: &'static str,
    pub question: &'static str,
    pub your_answer: &'static str,
    pub answer_hint: &'static str,
    pub show_answer: &'static str,
    pub answer_points: &'static str,
    pub derived_point: &'static str,
    /// The hover text of a point quoted from another guide than the card's own.
    pub derived_from_hint: &'static str,
    /// Beside a point the draft was detected to cover.
    pub detected_point: &'static str,
    pub derived_hint: &'static str,
    pub no_points: &'static str,
    pub suggested: &'static str,
    pub again: &'static str,
    pub hard: &'static str,
    pub good: &'static str,
    pub easy: &'static str,
    pub undo: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub note_label: &'static str,
    pub back_to_decks: &'static str,
    pub past_target: &'static str,
    pub keys_before_reveal: &'static str,
    /// The keys while a text box has the keyboard, before and after the reveal.
    pub keys_typing_before_reveal: &'static str,
    pub keys_undo: &'static str,
    pub session_done: &'static str,
    pub session_ended_early: &'static str,
    /// After the counts of what is left in a session.
    pub left_today: &'static str,
    pub queue_relearning: &'static str,
    pub answered: &'static str,
    pub come_back_at: &'static str,
    pub all_done_today: &'static str,
    pub answer_kept_for_card: &'static str,
    pub average_time: &'static str,
    pub desired_retention: &'static str,
    pub new_per_day: &'static str,
    pub rollover_hour: &'static str,
    pub learning_steps: &'static str,
    pub relearning_steps: &'static str,
    pub steps_hint: &'static str,
    pub answer_timer: &'static str,
    pub seconds: &'static str,
    pub theme: &'static str,
    pub settings_study: &'static str,
    pub settings_language: &'static str,
    pub settings_look: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub text_size: &'static str,
    pub ui_language: &'static str,
    pub content_language: &'static str,
    pub both: &'static str,
    pub both_english_first: &'static str,
    pub japanese_only: &'static str,
    pub english_only: &'static str,
    /// The app language follows the system locale.
    pub language_auto: &'static str,
    /// The card language follows the app language.
    pub card_language_auto: &'static str,
    pub lang_japanese: &'static str,
    pub lang_english: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub saved: &'static str,
    pub invalid_steps: &'static str,
    pub preview_no_points: &'static str,
    pub queue_learning: &'static str,
    pub queue_review: &'static str,
    pub queue_new: &'static str,
    pub save_failed: &'static str,
    pub statistics: &'static str,
    pub range: &'static str,
    pub days_30: &'static str,
    pub days_90: &'static str,
    pub days_365: &'static str,
    pub reviews_per_day: &'static str,
    pub time_per_day: &'static str,
    /// The same two charts over a year, whose bars are weeks.
    pub reviews_per_week: &'static str,
    pub time_per_week: &'static str,
    pub retention_per_week: &'static str,
    pub due_forecast: &'static str,
    pub study_calendar: &'static str,
    pub true_retention_30: &'static str,
    pub true_retention: &'static str,
    pub streak: &'static str,
    pub mastered: &'static str,
    pub by_role: &'static str,
    pub in_review: &'static str,
    pub due_today: &'static str,
    pub due_today_hint: &'static str,
    pub axis_answers: &'static str,
    pub axis_minutes: &'static str,
    pub axis_cards: &'static str,
    pub axis_percent: &'static str,
    pub retention_empty: &'static str,
    pub talk_time_per_week: &'static str,
    pub pace_per_week: &'static str,
    /// The pace chart's y axis: morae or syllables a second.
    pub axis_per_second: &'static str,
    pub normal_range: &'static str,
    /// Instead of the talk charts when no answer was ever given aloud: how to give one.
    pub spoken_empty: &'static str,
    pub spoken_empty_in_range: &'static str,
    /// Monday first.
    pub weekdays_short: [&'static str; 7],
    pub months_short: [&'static str; 12],
    pub by_deck: &'static str,
    pub role: &'static str,
    pub mock_interview: &'static str,
    pub mock_explain: &'static str,
    pub roles: &'static str,
    pub question_count: &'static str,
    pub time_per_answer: &'static str,
    pub start_mock: &'static str,
    pub times_up: &'static str,
    pub finish_answers: &'static str,
    pub next_question: &'static str,
    pub grade_answers: &'static str,
    pub save_mock: &'static str,
    pub mock_paused: &'static str,
    pub resume: &'static str,
    pub quit_mock: &'static str,
    pub quit_mock_confirm: &'static str,
    pub discard_answers: &'static str,
    pub keep_going: &'static str,
    pub mock_grading_keys: &'static str,
    pub your_draft: &'static str,
    pub delivery_fillers: &'static str,
    pub delivery_number: &'static str,
    pub delivery_no_number: &'static str,
    pub delivery_conclusion: &'static str,
    pub delivery_no_conclusion: &'static str,
    pub grade_every_answer: &'static str,
    pub past_mocks: &'static str,
    pub date: &'static str,
    pub questions: &'static str,
    pub coverage: &'static str,
    pub history: &'static str,
    pub no_history: &'static str,
    pub points_short: &'static str,
    pub no_mock_questions: &'static str,
    pub export_menu: &'static str,
    pub export_anki: &'static str,
    pub export_reviews: &'static str,
    /// The submenu of Anki packages (.apkg) with scheduling and history.
    pub export_apkg: &'static str,
    pub export_apkg_all: &'static str,
    /// In the package menu, off by default: recordings leave the computer only when asked.
    pub export_with_recordings: &'static str,
    /// The import panel's button for a previewed Anki package.
    pub import_anki_add: &'static str,
    pub export_folder_hint: &'static str,
    pub exported_to: &'static str,
    pub export_failed: &'static str,
    pub interviews: &'static str,
    pub add_interview: &'static str,
    pub interviews_empty: &'static str,
    pub interview_name: &'static str,
    pub interview_name_hint: &'static str,
    pub interview_date: &'static str,
    pub interview_date_hint: &'static str,
    pub interview_not_a_date: &'static str,
    pub interview_roles: &'static str,
    pub interview_decks: &'static str,
    pub save_interview: &'static str,
    pub today_word: &'static str,
    pub tomorrow_word: &'static str,
    pub readiness: &'static str,
    pub readiness_hint: &'static str,
    pub readiness_chart: &'static str,
    pub edit: &'static str,
    pub remove: &'static str,
    pub past_interviews: &'static str,
    pub sweep_badge: &'static str,
    pub settings_memory: &'static str,
    pub final_sweep: &'static str,
    pub final_sweep_hint: &'static str,
    pub parameters: &'static str,
    pub parameters_default: &'static str,
    pub parameters_fitted: &'static str,
    pub optimize: &'static str,
    pub optimize_hint: &'static str,
    pub fit_failed: &'static str,
    pub reset_parameters: &'static str,
    pub workload_title: &'static str,
    pub workload_hint: &'static str,
    pub simulate_workload: &'static str,
    pub simulating: &'static str,
    pub minutes_per_day: &'static str,
    pub current_setting: &'static str,
    pub suggested_short: &'static str,
    pub interview_no_name: &'static str,
    pub interview_no_date: &'static str,
    pub interview_nothing_covered: &'static str,
    pub interview_no_cards: &'static str,
    pub interview_gone: &'static str,
    pub browse_tab: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub search_syntax: &'static str,
    pub study_these_hint: &'static str,
    pub state: &'static str,
    pub due_date: &'static str,
    pub stability: &'static str,
    pub difficulty: &'static str,
    pub reps: &'static str,
    pub lapses: &'static str,
    pub flag: &'static str,
    pub tags: &'static str,
    /// An example of tags in the editor, in the interface's language.
    pub tags_hint: &'static str,
    pub suspended: &'static str,
    pub buried: &'static str,
    pub suspend: &'static str,
    pub unsuspend: &'static str,
    pub bury: &'static str,
    pub unbury: &'static str,
    pub own_point: &'static str,
    pub own_points_label: &'static str,
    pub own_points_hint: &'static str,
    pub save_own_points: &'static str,
    pub stories_tab: &'static str,
    pub leeches: &'static str,
    pub show_in_browser: &'static str,
    pub new_story: &'static str,
    pub stories_intro: &'static str,
    pub story_title: &'static str,
    pub story_title_hint: &'static str,
    pub story_language: &'static str,
    pub situation: &'static str,
    pub task: &'static str,
    pub action: &'static str,
    pub result: &'static str,
    pub situation_hint: &'static str,
    pub task_hint: &'static str,
    pub action_hint: &'static str,
    pub result_hint: &'static str,
    pub competencies: &'static str,
    pub story_answers: &'static str,
    pub link_question: &'static str,
    pub link_question_hint: &'static str,
    pub link: &'static str,
    pub unlink: &'static str,
    pub save_story: &'static str,
    pub story_grid: &'static str,
    pub story_grid_hint: &'static str,
    pub without_story: &'static str,
    pub story_no_title: &'static str,
    pub story_gone: &'static str,
    pub your_stories: &'static str,
    pub add_story: &'static str,
    pub weak_points: &'static str,
    pub weak_points_hint: &'static str,
    pub weak_points_empty: &'static str,
    pub weak_points_count_hint: &'static str,
    pub import_button: &'static str,
    pub import_title: &'static str,
    pub import_hint: &'static str,
    pub choose_file: &'static str,
    pub or_path: &'static str,
    pub preview: &'static str,
    /// The in-app file dialog (src/ui/file_dialog.rs).
    pub file_dialog_title: &'static str,
    pub folder: &'static str,
    pub folder_up: &'static str,
    pub home_folder: &'static str,
    pub downloads_folder: &'static str,
    pub documents_folder: &'static str,
    pub open_file: &'static str,
    pub show_all_files: &'static str,
    pub folder_empty: &'static str,
    pub folder_unreadable: &'static str,
    pub no_such_file: &'static str,
    pub import_replace: &'static str,
    pub import_add: &'static str,
    pub close: &'static str,
    pub drop_to_import: &'static str,
    pub new_deck_button: &'static str,
    pub new_deck: &'static str,
    pub deck_title: &'static str,
    pub deck_title_hint: &'static str,
    pub create_deck: &'static str,
    pub edit_deck: &'static str,
    /// The menu that holds the tabs a narrow window has no room for.
    pub more_tabs: &'static str,
    pub reload: &'static str,
    pub deck_title_ja: &'static str,
    pub deck_title_en: &'static str,
    pub deck_role: &'static str,
    pub add_card: &'static str,
    pub untitled_card: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub select_card: &'static str,
    /// In the editor of a deck without cards, where "choose one on the left" meant nothing.
    pub no_cards_yet: &'static str,
    pub question_ja: &'static str,
    pub question_en: &'static str,
    pub remove_point: &'static str,
    pub point_ja_hint: &'static str,
    pub point_en_hint: &'static str,
    pub add_point: &'static str,
    pub delete_card_confirm: &'static str,
    pub delete_card: &'static str,
    pub deck_saved: &'static str,
    pub reload_discards: &'static str,
    pub discard_and_reload: &'static str,
    pub save_as_copy: &'static str,
    pub save_as_copy_hint: &'static str,
    pub delete_deck: &'static str,
    pub unsaved_changes: &'static str,
    pub discard_changes: &'static str,
    pub keep_editing: &'static str,
    /// The dialog when the window is closed with work not saved.
    pub close_title: &'static str,
    pub close_would_lose: &'static str,
    pub close_study_draft: &'static str,
    pub close_story_untitled: &'static str,
    pub close_interview: &'static str,
    pub close_settings: &'static str,
    /// What Save does: with only things saved where they belong, only drafts, both.
    pub close_save_hint: &'static str,
    pub close_save_hint_drafts: &'static str,
    pub close_save_hint_both: &'static str,
    pub close_read_only: &'static str,
    pub close_not_saved: &'static str,
    pub close_save: &'static str,
    pub close_discard: &'static str,
    pub close_cancel: &'static str,
    /// The offer at start of work drafted before the app last ended.
    pub resume_title: &'static str,
    pub resume_mock_button: &'static str,
    pub discard_mock_button: &'static str,
    pub resume_study_button: &'static str,
    pub discard_study_button: &'static str,
    /// A drafted card no deck has any more.
    pub resume_card_gone: &'static str,
    /// Monday first, as chrono numbers them from Monday; whole words (a lone 「日」 beside
    /// a date reads as "day").
    pub weekdays: &'static [&'static str; 7],
}

pub const JA: Strings = Strings {
    lang: Lang::Ja,
    app_title: "面接 mensetsu",
    decks: "デッキ",
    deck: "デッキ",
    study_tab: "学習中のセッション",
    settings: "設定",
    data_dir: "データフォルダ",
    new: "新規",
    learning: "学習中",
    due: "復習",
    study: "学習する",
    study_all_due: "今日のカードを学習",
    nothing_due: "今日の学習はありません",
    problems_found: "読み込めなかった項目があります",
    resolve_conflict: "解決…",
    conflict_heading: "2 台のコンピューターで変更されたファイル",
    this_version: "この版",
    other_version: "もう一方の版",
    newer_version: "（新しいほう）",
    keep_this_version: "この版を残す",
    keep_other_version: "もう一方を残す",
    merge_versions: "統合：両方のカードを残し、両方で変わったカードは新しいほうの文面にする",
    card_only_other: "もう一方だけ",
    card_only_this: "この版だけ",
    card_changed: "変更あり",
    card_same: "同じ",
    save_setting_choices: "この選択で保存",
    setting_name: "設定",
    setting_default: "（既定値）",
    version_unreadable: "読めない版があるため、残せるのはこの版だけです",
    read_only: "閲覧のみ",
    read_only_banner: "このウィンドウは閲覧のみです。ここでの操作は保存されません。",
    new_hint: "まだ学習していないカードのうち、今日始められる枚数",
    learning_hint: "学習ステップの途中で、今日もう一度出るカード",
    due_hint: "今日が復習日、または期日を過ぎたカード",
    welcome_title: "ようこそ。ここから始めましょう",
    question: "質問",
    your_answer: "あなたの回答（任意）",
    answer_hint: "回答の下書きを入力…",
    show_answer: "回答ポイントを表示",
    answer_points: "回答ポイント",
    derived_point: "本文より",
    detected_point: "下書きにあり",
    derived_hint: "出典に回答ポイントがないため、ガイド本文から作成した項目です",
    derived_from_hint: "このカードのガイドには記述がないため、別のガイドから引用した項目です",
    no_points: "このカードには回答ポイントがありません",
    suggested: "おすすめ",
    again: "もう一度",
    hard: "難しい",
    good: "正解",
    easy: "簡単",
    undo: "元に戻す",
    note: "メモ",
    note_hint: "自分のエピソードや言い回しを書き留める…",
    note_label: "このカードのメモ（次回以降も表示されます）",
    back_to_decks: "デッキ一覧へ",
    past_target: "目標時間を超えました",
    keys_before_reveal: "Space / Enter: 表示",
    keys_typing_before_reveal: "Ctrl+Enter: 表示   Esc: 回答欄から出る",
    keys_undo: "U / Ctrl+Z: 元に戻す",
    session_done: "おつかれさまでした。このセッションは完了です",
    session_ended_early: "学習を中断しました",
    left_today: "今日の残り",
    queue_relearning: "再学習",
    answered: "回答数",
    come_back_at: "次の学習カードの時刻",
    all_done_today: "今日の分はすべて完了しました。",
    answer_kept_for_card: "途中だったカードの回答は残してあります。そのカードが次に出たときに戻ります。",
    average_time: "平均回答時間",
    desired_retention: "目標記憶率",
    new_per_day: "1日の新規カード数",
    rollover_hour: "日付の切り替え時刻",
    learning_steps: "学習ステップ",
    relearning_steps: "再学習ステップ",
    steps_hint: "例: 1分 10分",
    answer_timer: "回答の目標時間",
    seconds: "秒",
    theme: "テーマ",
    settings_study: "学習",
    settings_language: "言語",
    settings_look: "表示",
    theme_system: "システム",
    theme_light: "ライト",
    theme_dark: "ダーク",
    text_size: "文字サイズ",
    ui_language: "表示言語",
    content_language: "カードの言語",
    both: "日本語（下に英語）",
    both_english_first: "英語（下に日本語）",
    japanese_only: "日本語のみ",
    english_only: "英語のみ",
    language_auto: "自動（システムに合わせる）",
    card_language_auto: "表示言語に合わせる（日本語の表示なら日本語、英語の表示なら英語と下に日本語）",
    lang_japanese: "日本語",
    lang_english: "English（英語）",
    save: "保存",
    cancel: "キャンセル",
    saved: "保存しました",
    invalid_steps: "ステップは「1分 10分」「1時間」のように入力してください",
    preview_no_points: "回答ポイントなし",
    queue_learning: "学習中",
    queue_review: "復習",
    queue_new: "新規",
    save_failed: "保存できませんでした",
    statistics: "統計",
    range: "期間",
    days_30: "30日",
    days_90: "90日",
    days_365: "1年",
    reviews_per_day: "1日あたりの回答数（評価別）",
    time_per_day: "1日あたりの学習時間（分）",
    reviews_per_week: "週ごとの回答数（評価別）",
    time_per_week: "週ごとの学習時間（分）",
    retention_per_week: "週ごとの実際の記憶率（%）と目標",
    due_forecast: "今後30日の期日カード数",
    study_calendar: "学習カレンダー",
    true_retention_30: "実際の記憶率（30日）",
    true_retention: "実際の記憶率",
    streak: "連続学習日数",
    mastered: "習得済み",
    by_role: "役職別",
    in_review: "復習中",
    due_today: "今日の期日",
    due_today_hint: "FSRS の予定で今日までに期日が来るカード。面接前の総復習で出すカードは含みません",
    axis_answers: "回答数",
    axis_minutes: "分",
    axis_cards: "枚",
    axis_percent: "%",
    retention_empty: "この期間に復習段階のカードへの回答はまだありません。カードが復習に戻ってくると、ここに記憶率が表示されます。",
    talk_time_per_week: "週ごとの声の回答時間（分）",
    pace_per_week: "週ごとの話す速さと標準の範囲",
    axis_per_second: "毎秒",
    normal_range: "標準の範囲",
    spoken_empty: "声で答えた回答はまだありません。学習中に「● 声で答える」（Shift+V）を押して声で答え、評価すると、話した時間と速さが週ごとにここに表示されます。",
    spoken_empty_in_range: "この期間に声で答えた回答はありません。",
    weekdays_short: ["月", "火", "水", "木", "金", "土", "日"],
    months_short: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    by_deck: "デッキ別",
    role: "役職",
    mock_interview: "模擬面接",
    mock_explain: "回答ポイントを見ずに続けて答え、最後にまとめて採点します。",
    roles: "役職",
    question_count: "質問数",
    time_per_answer: "1問あたりの時間",
    start_mock: "模擬面接を始める",
    times_up: "時間切れ",
    finish_answers: "回答を終えて採点へ",
    next_question: "次の質問",
    grade_answers: "回答を採点する",
    save_mock: "採点を保存",
    mock_paused: "模擬面接は一時停止中です",
    resume: "再開する",
    quit_mock: "模擬面接をやめる…",
    quit_mock_confirm: "ここまでの回答は保存されずに消えます。やめますか？",
    discard_answers: "回答を破棄してやめる",
    keep_going: "続ける",
    your_draft: "あなたの回答",
    delivery_fillers: "つなぎ言葉",
    delivery_number: "数字あり",
    delivery_no_number: "数字なし",
    delivery_conclusion: "結論から",
    delivery_no_conclusion: "結論が先頭にない",
    mock_grading_keys: "1–4: 選択中の回答を評価して次へ   ↑ ↓: 回答を選ぶ。評価はチェックしたポイントからの提案で、変更できます。下書きもチェックもない回答は、評価を選ぶまで未評価です。",
    grade_every_answer: "保存するには、すべての回答を評価してください（下書きもチェックもない回答はまだ未評価です）",
    past_mocks: "これまでの模擬面接",
    date: "日時",
    questions: "質問数",
    coverage: "ポイント網羅率",
    history: "回答履歴",
    no_history: "まだ回答がありません",
    points_short: "ポイント",
    no_mock_questions: "選んだ役職のデッキに質問がありません",
    export_menu: "書き出し…",
    export_anki: "Anki用ファイル",
    export_reviews: "回答ログ（FSRSオプティマイザー用CSV）",
    export_apkg: "Ankiパッケージ（.apkg、学習履歴つき）",
    export_apkg_all: "すべてのデッキ",
    export_with_recordings: "声の回答の録音も含める",
    import_anki_add: "カードと回答を取り込む",
    export_folder_hint: "データフォルダの exports に保存します。同名のファイルは上書きせず、番号を付けます。",
    exported_to: "書き出しました",
    export_failed: "書き出せませんでした",
    interviews: "面接の予定",
    add_interview: "面接を追加…",
    interviews_empty: "面接の日程が決まったら追加してください。その日まで対象のカードを優先し（当日に思い出しにくいものから）、直前の数日で全カードをもう一度確認します。",
    interview_name: "名前",
    interview_name_hint: "例：Acme社 CTO 最終面接",
    interview_date: "日付",
    interview_date_hint: "2026-12-20",
    interview_not_a_date: "日付として読めません（例：2026-12-20）",
    interview_roles: "役職",
    interview_decks: "デッキ",
    save_interview: "面接を保存",
    today_word: "今日",
    tomorrow_word: "明日",
    readiness: "準備度",
    readiness_hint: "当日（切り替え時刻）に各カードを思い出せる予測確率（FSRS）の平均です。まだ学習していないカードは 0 として数えます。",
    readiness_chart: "準備度の推移：各日の学習を終えた時点で予測した、面接当日の準備度",
    edit: "編集",
    remove: "削除",
    past_interviews: "過去の面接",
    sweep_badge: "直前の総復習",
    settings_memory: "記憶モデル（FSRS）",
    final_sweep: "面接前の総復習",
    final_sweep_hint: "面接の何日前から、まだ見ていないカードを全部もう一度出すか（0 で無効）",
    parameters: "パラメータ",
    parameters_default: "FSRS-6 の既定値",
    parameters_fitted: "あなたの回答に合わせて最適化済み",
    optimize: "最適化",
    optimize_hint: "Anki と同じ方法で、FSRS のパラメータをあなたの回答履歴に合わせます。今より良く予測できる場合だけ使います。",
    fit_failed: "最適化できませんでした",
    reset_parameters: "既定値に戻す",
    workload_title: "目標定着率と1日の学習時間",
    workload_hint: "FSRS のシミュレーターで、あなたのカードを1年間学習したときの1日あたりの時間を目標定着率ごとに求めます。",
    simulate_workload: "シミュレーション",
    simulating: "シミュレーション中…",
    minutes_per_day: "分／日",
    current_setting: "現在の設定",
    suggested_short: "推奨",
    interview_no_name: "面接の名前を入れてください（例：Acme社 CTO 最終面接）",
    interview_no_date: "面接の日付を 2026-12-20 の形で入れてください",
    interview_nothing_covered: "対象の役職かデッキを1つ以上選んでください",
    interview_no_cards: "選んだ役職・デッキにはまだカードがありません",
    interview_gone: "この面接はもうありません（別の画面で削除されました）",
    browse_tab: "カード",
    search: "検索",
    search_hint: "例：deck:vpoe -is:new 負債",
    search_syntax: "使える書き方：文字列、\"語句\"、deck:、card:、tag:、is:new|learn|review|due|suspended|buried|leech、flag:0-7、lapses>N、prop:due<N、先頭に - で否定",
    study_these_hint: "期日に関係なく1枚ずつ出題します。回答はいつも通り FSRS に反映されます。",
    state: "状態",
    due_date: "期日",
    stability: "安定度",
    difficulty: "難易度",
    reps: "回答数",
    lapses: "忘却",
    flag: "フラグ",
    tags: "タグ",
    tags_hint: "例：採用, 組織設計",
    suspended: "保留中",
    buried: "延期中",
    suspend: "保留",
    unsuspend: "保留を解除",
    bury: "明日まで延期",
    unbury: "延期を解除",
    own_point: "自分のポイント",
    own_points_label: "自分の回答ポイント（1行に1つ）",
    own_points_hint: "例：MTTR を 4時間から30分に短縮した経験",
    save_own_points: "自分のポイントを保存",
    stories_tab: "ストーリー",
    leeches: "苦手カード（リーチ）",
    show_in_browser: "カード画面で表示",
    new_story: "ストーリーを追加…",
    stories_intro: "この水準の面接では、答えは「ストーリー」です。状況・課題・行動・結果（STAR）で書き、示せる能力と、答えになる質問を結び付けておくと、回答ポイントの下と模擬面接の振り返りに表示されます。",
    story_title: "タイトル",
    story_title_hint: "例：決済基盤の大規模障害と再発防止",
    story_language: "言語",
    situation: "状況 (S)",
    task: "課題 (T)",
    action: "行動 (A)",
    result: "結果 (R)",
    situation_hint: "いつ、どこで、どんな状況だったか",
    task_hint: "あなたが担った役割と目標",
    action_hint: "あなたが実際に何をしたか",
    result_hint: "数字で示せる成果と学び",
    competencies: "示せる能力",
    story_answers: "答えになる質問",
    link_question: "質問を結び付ける",
    link_question_hint: "質問の言葉や deck:cto などで検索",
    link: "結び付ける",
    unlink: "結び付けを外す",
    save_story: "ストーリーを保存",
    story_grid: "能力 × 役職",
    story_grid_hint: "各役職の質問のうち、その能力を示すストーリーが結び付いている数。最初の行はストーリーがまだない質問の数です。",
    without_story: "ストーリーなし",
    story_no_title: "ストーリーのタイトルを入れてください",
    story_gone: "このストーリーはもうありません（別の画面で削除されました）",
    your_stories: "あなたのストーリー",
    add_story: "この質問のストーリーを書く…",
    weak_points: "抜けやすいポイント",
    weak_points_hint: "チェックを付けられなかった回数が多い回答ポイント（2回以上）。割合の高い順です。",
    weak_points_empty: "まだありません。回答ポイントにチェックを付けて採点すると、抜けやすいポイントがここに出ます。",
    weak_points_count_hint: "抜けた回数 / その質問に答えた回数",
    import_button: "取り込み…",
    import_title: "デッキを取り込む",
    import_hint: "役職ガイド（Markdown・テキスト）、デッキの JSON、Ankiのパッケージ（.apkg・.colpkg）を選ぶか、ウィンドウにドロップしてください。書き込む前に内容を確認できます。",
    choose_file: "ファイルを選ぶ…",
    or_path: "またはパス：",
    preview: "確認",
    file_dialog_title: "ファイルを選ぶ",
    folder: "フォルダ",
    folder_up: "上へ",
    home_folder: "ホーム",
    downloads_folder: "ダウンロード",
    documents_folder: "ドキュメント",
    open_file: "開く",
    show_all_files: "すべてのファイルを表示",
    folder_empty: "このフォルダには取り込めるファイル（.md・.txt・.json・.apkg・.colpkg）がありません。",
    folder_unreadable: "このフォルダを読めません：",
    no_such_file: "そのファイルもフォルダもありません：",
    import_replace: "置き換える",
    import_add: "マイデッキに追加",
    close: "閉じる",
    drop_to_import: "ドロップして取り込み",
    new_deck_button: "デッキを作成…",
    new_deck: "新しいデッキ",
    deck_title: "デッキ名",
    deck_title_hint: "例：Acme社向け CTO 面接",
    create_deck: "作成",
    edit_deck: "デッキの編集",
    more_tabs: "その他",
    reload: "読み込み直す",
    deck_title_ja: "デッキ名（日本語）",
    deck_title_en: "デッキ名（英語）",
    deck_role: "役職",
    add_card: "カードを追加",
    untitled_card: "（質問なし）",
    move_up: "上へ",
    move_down: "下へ",
    select_card: "左の一覧からカードを選んでください",
    no_cards_yet: "カードはまだありません。「カードを追加」で最初のカードを作れます",
    question_ja: "質問（日本語）",
    question_en: "質問（英語）",
    remove_point: "このポイントを削除",
    point_ja_hint: "ポイント（日本語）",
    point_en_hint: "ポイント（英語）",
    add_point: "ポイントを追加",
    delete_card_confirm: "このカードを削除しますか？回答の記録はログに残ります（デッキにないカードとして表示されます）。",
    delete_card: "カードを削除",
    deck_saved: "保存しました",
    reload_discards: "読み込み直すと、保存していない変更は破棄され、ディスク上のファイルの内容になります。",
    discard_and_reload: "変更を破棄して読み込み直す",
    save_as_copy: "複製として保存",
    save_as_copy_hint: "編集中の内容を新しいデッキ（新しい id）として隣に保存し、元のファイルはそのまま残します。複製のカードは新しいカードとして始まります。",
    delete_deck: "デッキを削除…",
    unsaved_changes: "保存していない変更があります",
    discard_changes: "変更を破棄して閉じる",
    keep_editing: "編集を続ける",
    close_title: "mensetsu を閉じますか？",
    close_would_lose: "今閉じると、次のものが失われます：",
    close_study_draft: "学習中のカードの回答（入力・録音）",
    close_story_untitled: "書きかけのストーリー",
    close_interview: "入力中の面接予定",
    close_settings: "まだ保存していない設定",
    close_save_hint: "「保存して閉じる」は、これらを保存してから閉じます。",
    close_save_hint_drafts: "「保存して閉じる」は、これを下書きとして残します。次回の起動時に続きから再開できます。",
    close_save_hint_both: "「保存して閉じる」は、保存できるものを保存し、模擬面接や入力中の回答は下書きとして残します（次回の起動時に再開できます）。",
    close_read_only: "このウィンドウは読み取り専用のため、ここからは何も保存できません。",
    close_not_saved: "次のものは保存できなかったため、閉じていません：",
    close_save: "保存して閉じる  (Enter)",
    close_discard: "破棄して閉じる",
    close_cancel: "キャンセル  (Esc)",
    resume_title: "前回の続き",
    resume_mock_button: "模擬面接を再開",
    discard_mock_button: "模擬面接を破棄",
    resume_study_button: "回答を再開",
    discard_study_button: "回答を破棄",
    resume_card_gone: "下書きのカードがどのデッキにもないため、再開できませんでした。",
    weekdays: &[
        "月曜日",
        "火曜日",
        "水曜日",
        "木曜日",
        "金曜日",
        "土曜日",
        "日曜日",
    ],
};

pub const EN: Strings = Strings {
    lang: Lang::En,
    app_title: "mensetsu 面接",
    decks: "Decks",
    deck: "Deck",
    study_tab: "Study session",
    settings: "Settings",
    data_dir: "Data folder",
    new: "New",
    learning: "Learning",
    due: "Due",
    study: "Study",
    study_all_due: "Study today's cards",
    nothing_due: "Nothing to study today",
    problems_found: "Some files could not be read",
    resolve_conflict: "Resolve…",
    conflict_heading: "Changed on two computers",
    this_version: "This version",
    other_version: "The other version",
    newer_version: "(newer)",
    keep_this_version: "Keep this one",
    keep_other_version: "Keep the other",
    merge_versions: "Merge: keep both sides' cards, the newer text where both changed",
    card_only_other: "only in the other",
    card_only_this: "only in this one",
    card_changed: "changed",
    card_same: "same",
    save_setting_choices: "Save these choices",
    setting_name: "Setting",
    setting_default: "(default)",
    version_unreadable: "One version cannot be read: only this one can be kept",
    read_only: "read-only",
    read_only_banner: "This window is read-only: nothing done here is saved.",
    new_hint: "Cards you have not studied yet that you can start today",
    learning_hint: "Cards in their learning steps, due again today",
    due_hint: "Cards due for review today or overdue",
    welcome_title: "Welcome — start here",
    question: "Question",
    your_answer: "Your answer (optional)",
    answer_hint: "Type a draft of your answer…",
    show_answer: "Show answer points",
    answer_points: "Answer points",
    derived_point: "from the guide",
    detected_point: "in your draft",
    derived_hint: "The source gives no answer point here; this point was drawn from the guide's body",
    derived_from_hint: "The card's own guide says nothing on this; this point is quoted from another guide",
    no_points: "This card has no answer points",
    suggested: "suggested",
    again: "Again",
    hard: "Hard",
    good: "Good",
    easy: "Easy",
    undo: "Undo",
    note: "Note",
    note_hint: "Your own story or phrasing for this question…",
    note_label: "Your note on this card (kept for next time)",
    back_to_decks: "Back to decks",
    past_target: "past the target time",
    keys_before_reveal: "Space / Enter: show",
    keys_typing_before_reveal: "Ctrl+Enter: show   Esc: leave the answer box",
    keys_undo: "U / Ctrl+Z: undo",
    session_done: "Session complete",
    session_ended_early: "Session paused",
    left_today: "left today",
    queue_relearning: "relearning",
    answered: "Answered",
    come_back_at: "Next learning card at",
    all_done_today: "You are done for today.",
    answer_kept_for_card: "The answer you had started is kept: it comes back with its card.",
    average_time: "Average time per answer",
    desired_retention: "Desired retention",
    new_per_day: "New cards per day",
    rollover_hour: "Next day starts at (hour)",
    learning_steps: "Learning steps",
    relearning_steps: "Relearning steps",
    steps_hint: "e.g. 1m 10m",
    answer_timer: "Answer target time",
    seconds: "s",
    theme: "Theme",
    settings_study: "Study",
    settings_language: "Language",
    settings_look: "Look",
    theme_system: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    text_size: "Text size",
    ui_language: "App language",
    content_language: "Card language",
    both: "Japanese, English below",
    both_english_first: "English, Japanese below",
    japanese_only: "Japanese only",
    english_only: "English only",
    language_auto: "Automatic (as the system)",
    card_language_auto: "As the app language (English interface: English with the Japanese below; Japanese interface: Japanese)",
    lang_japanese: "日本語 (Japanese)",
    lang_english: "English",
    save: "Save",
    cancel: "Cancel",
    saved: "Saved",
    invalid_steps: "Enter steps like \"1m 10m\" or \"1h\"",
    preview_no_points: "no answer points",
    queue_learning: "learning",
    queue_review: "review",
    queue_new: "new",
    save_failed: "Could not save",
    statistics: "Statistics",
    range: "Range",
    days_30: "30 days",
    days_90: "90 days",
    days_365: "1 year",
    reviews_per_day: "Answers per day, by grade",
    time_per_day: "Study time per day (minutes)",
    reviews_per_week: "Answers per week, by grade",
    time_per_week: "Study time per week (minutes)",
    retention_per_week: "True retention per week (%) against the target",
    due_forecast: "Cards due in the next 30 days",
    study_calendar: "Study calendar",
    true_retention_30: "True retention (30 days)",
    true_retention: "True retention",
    streak: "Streak (days)",
    mastered: "Mastered",
    by_role: "By role",
    in_review: "In review",
    due_today: "Due today",
    due_today_hint: "Cards FSRS schedules for today or earlier; an interview's final sweep adds cards to the study queue that are not counted here",
    axis_answers: "answers",
    axis_minutes: "minutes",
    axis_cards: "cards",
    axis_percent: "%",
    retention_empty: "No answers to cards in review in this period yet. Retention shows here once cards come back for review.",
    talk_time_per_week: "Talk time per week (minutes)",
    pace_per_week: "Speech rate per week against the normal range",
    axis_per_second: "per second",
    normal_range: "normal range",
    spoken_empty: "No answers given aloud yet. In study, press Record (Shift+V), answer aloud and grade: your talk time and pace show here week by week.",
    spoken_empty_in_range: "No answers given aloud in this period.",
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    by_deck: "By deck",
    role: "Role",
    mock_interview: "Mock interview",
    mock_explain: "Answer the questions one after another without the answer points; grade them all at the end.",
    roles: "Roles",
    question_count: "Questions",
    time_per_answer: "Time per answer",
    start_mock: "Start the mock interview",
    times_up: "time is up",
    finish_answers: "Finish and grade",
    next_question: "Next question",
    grade_answers: "Grade your answers",
    save_mock: "Save grades",
    mock_paused: "The mock interview is paused",
    resume: "Resume",
    quit_mock: "Quit the interview…",
    quit_mock_confirm: "Your answers so far will be discarded, not saved. Quit?",
    discard_answers: "Discard answers and quit",
    keep_going: "Keep going",
    your_draft: "Your answer",
    delivery_fillers: "fillers",
    delivery_number: "has a number",
    delivery_no_number: "no number",
    delivery_conclusion: "conclusion first",
    delivery_no_conclusion: "no conclusion up front",
    mock_grading_keys: "1–4: grade the highlighted answer and go to the next   ↑ ↓: choose an answer. A grade starts as the one its ticked points suggest; an answer with no draft and no tick waits for yours.",
    grade_every_answer: "Grade every answer to save: one with no draft and no tick has no grade yet",
    past_mocks: "Past mock interviews",
    date: "Date",
    questions: "Questions",
    coverage: "Points covered",
    history: "History",
    no_history: "No answers yet",
    points_short: "points",
    no_mock_questions: "The chosen roles have no questions",
    export_menu: "Export…",
    export_anki: "Anki file",
    export_reviews: "Review log (CSV for the FSRS optimizer)",
    export_apkg: "Anki package (.apkg, with history)",
    export_apkg_all: "All decks",
    export_with_recordings: "Include recordings",
    import_anki_add: "Import the cards and answers",
    export_folder_hint: "Saved in the data folder's exports; an existing file is never replaced, a number is added instead.",
    exported_to: "Exported to",
    export_failed: "Could not export",
    interviews: "Interviews",
    add_interview: "Add interview…",
    interviews_empty: "Have an interview coming? Add its date: until then its cards come first, the ones you would most likely forget on the day first, and in the last days you see every card once more.",
    interview_name: "Name",
    interview_name_hint: "e.g. Acme CTO final",
    interview_date: "Date",
    interview_date_hint: "2026-12-20",
    interview_not_a_date: "Not a date: write it as 2026-12-20",
    interview_roles: "Roles",
    interview_decks: "Decks",
    save_interview: "Save interview",
    today_word: "today",
    tomorrow_word: "tomorrow",
    readiness: "Readiness",
    readiness_hint: "The mean predicted chance (FSRS) that you recall each of its cards at the start of the day; a card not studied yet counts 0.",
    readiness_chart: "Readiness over the past days: on the interview day, as each day's study left it",
    edit: "Edit",
    remove: "Remove",
    past_interviews: "Past interviews",
    sweep_badge: "final sweep",
    settings_memory: "Memory model (FSRS)",
    final_sweep: "Final sweep before an interview",
    final_sweep_hint: "How many days before an interview every card of it is shown once more (0: off)",
    parameters: "Parameters",
    parameters_default: "FSRS-6 defaults",
    parameters_fitted: "Fitted to your answers",
    optimize: "Optimize",
    optimize_hint: "Fit FSRS's parameters to your own answers, as Anki does; they are used only if they predict your answers better than the current ones.",
    fit_failed: "Could not optimize",
    reset_parameters: "Reset to defaults",
    workload_title: "Desired retention and daily study time",
    workload_hint: "FSRS's simulator runs a year of study on your cards at each desired retention and reports the minutes a day.",
    simulate_workload: "Simulate",
    simulating: "Simulating…",
    minutes_per_day: "minutes a day",
    current_setting: "current setting",
    suggested_short: "suggested",
    interview_no_name: "Give the interview a name, e.g. “Acme CTO final”",
    interview_no_date: "Give the interview's date, as 2026-12-20",
    interview_nothing_covered: "Choose at least one role or deck for the interview to cover",
    interview_no_cards: "The roles and decks chosen hold no cards yet",
    interview_gone: "This interview no longer exists (it was removed elsewhere)",
    browse_tab: "Cards",
    search: "Search",
    search_hint: "e.g. deck:vpoe -is:new tech debt",
    search_syntax: "What you can write: words, \"a phrase\", deck:, card:, tag:, is:new|learn|review|due|suspended|buried|leech, flag:0-7, lapses>N, prop:due<N, and - before a term to negate it",
    study_these_hint: "Shows each card once, due or not; your answers go through FSRS as usual.",
    state: "State",
    due_date: "Due",
    stability: "Stability",
    difficulty: "Difficulty",
    reps: "Reps",
    lapses: "Lapses",
    flag: "Flag",
    tags: "Tags",
    tags_hint: "hiring, org-design",
    suspended: "suspended",
    buried: "buried",
    suspend: "Suspend",
    unsuspend: "Unsuspend",
    bury: "Bury until tomorrow",
    unbury: "Unbury",
    own_point: "your point",
    own_points_label: "Your own answer points (one a line)",
    own_points_hint: "e.g. cut MTTR from 4 h to 30 min at Acme",
    save_own_points: "Save your points",
    stories_tab: "Stories",
    leeches: "Leeches",
    show_in_browser: "Show in Cards",
    new_story: "New story…",
    stories_intro: "At this level, answers are stories. Write yours as Situation, Task, Action, Result, tag the competencies they show and link the questions they answer: they then show under the answer points and in mock interview review.",
    story_title: "Title",
    story_title_hint: "e.g. The payments outage and what we changed",
    story_language: "Language",
    situation: "Situation",
    task: "Task",
    action: "Action",
    result: "Result",
    situation_hint: "When and where, and what was going on",
    task_hint: "What you were responsible for",
    action_hint: "What you did, in your own words",
    result_hint: "The outcome, with a number if you can",
    competencies: "Competencies",
    story_answers: "Questions it answers",
    link_question: "Link a question",
    link_question_hint: "Search by words or deck:cto …",
    link: "Link",
    unlink: "Unlink",
    save_story: "Save story",
    story_grid: "Competencies × roles",
    story_grid_hint: "For each role, the questions linked to a story showing that competency; the first row counts questions with no story yet.",
    without_story: "No story yet",
    story_no_title: "Give the story a title",
    story_gone: "This story no longer exists (it was removed elsewhere)",
    your_stories: "Your stories",
    add_story: "Write a story for this question…",
    weak_points: "Weak points",
    weak_points_hint: "The answer points you most often left unticked (missed twice or more), highest share first.",
    weak_points_empty: "None yet. Tick the points you covered when you grade, and the ones you keep missing show here.",
    weak_points_count_hint: "times missed / times answered",
    import_button: "Import…",
    import_title: "Import a deck",
    import_hint: "Choose a role guide (Markdown or text), a deck JSON or an Anki package (.apkg, .colpkg), or drop one on the window. You see what it adds before anything is written.",
    choose_file: "Choose a file…",
    or_path: "or a path:",
    preview: "Preview",
    file_dialog_title: "Choose a file",
    folder: "Folder",
    folder_up: "Up",
    home_folder: "Home",
    downloads_folder: "Downloads",
    documents_folder: "Documents",
    open_file: "Open",
    show_all_files: "Show all files",
    folder_empty: "No file here that can be imported (.md, .txt, .json, .apkg, .colpkg).",
    folder_unreadable: "Cannot read this folder:",
    no_such_file: "No such file or folder:",
    import_replace: "Replace it",
    import_add: "Add to my decks",
    close: "Close",
    drop_to_import: "Drop to import",
    new_deck_button: "New deck…",
    new_deck: "New deck",
    deck_title: "Deck title",
    deck_title_hint: "e.g. CTO interview at Acme",
    create_deck: "Create",
    edit_deck: "Edit deck",
    more_tabs: "More",
    reload: "Reload",
    deck_title_ja: "Title (Japanese)",
    deck_title_en: "Title (English)",
    deck_role: "Role",
    add_card: "Add card",
    untitled_card: "(no question yet)",
    move_up: "Move up",
    move_down: "Move down",
    select_card: "Choose a card on the left",
    no_cards_yet: "No cards yet: “Add card” makes the first one",
    question_ja: "Question (Japanese)",
    question_en: "Question (English)",
    remove_point: "Remove this point",
    point_ja_hint: "Point (Japanese)",
    point_en_hint: "Point (English)",
    add_point: "Add point",
    delete_card_confirm: "Delete this card? Its answers stay in the log (listed as a card no deck has).",
    delete_card: "Delete card",
    deck_saved: "Saved",
    reload_discards: "Reloading drops your unsaved changes and shows the file as it is on disk.",
    discard_and_reload: "Discard changes and reload",
    save_as_copy: "Save as a copy",
    save_as_copy_hint: "Saves the deck as edited as a new deck (new ids) beside the file, which is left as it is. The copy's cards start as new cards.",
    delete_deck: "Delete deck…",
    unsaved_changes: "There are unsaved changes",
    discard_changes: "Discard them and close",
    keep_editing: "Keep editing",
    close_title: "Close mensetsu?",
    close_would_lose: "Closing now would lose:",
    close_study_draft: "The answer to the card being studied (typed or recorded)",
    close_story_untitled: "A story draft",
    close_interview: "An interview form",
    close_settings: "Settings not yet saved",
    close_save_hint: "Save and close saves them first.",
    close_save_hint_drafts: "Save and close keeps it as a draft, offered back at the next start.",
    close_save_hint_both: "Save and close saves what can be saved, and keeps the mock interview or the typed answer as a draft, offered back at the next start.",
    close_read_only: "This window is read-only: nothing can be saved from it.",
    close_not_saved: "Not saved, so the window stays open:",
    close_save: "Save and close  (Enter)",
    close_discard: "Discard and close",
    close_cancel: "Cancel  (Esc)",
    resume_title: "Where you left off",
    resume_mock_button: "Resume the mock interview",
    discard_mock_button: "Discard the mock interview",
    resume_study_button: "Resume the answer",
    discard_study_button: "Discard the answer",
    resume_card_gone: "The drafted card is in no deck any more, so it could not be resumed.",
    weekdays: &["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

impl Strings {
    /// A card's phase as the queues name it: new, learning, review, relearning.
    pub fn phase(&self, phase: crate::core::review::scheduler::Phase) -> &'static str {
        use crate::core::review::scheduler::Phase;
        match phase {
            Phase::New => self.queue_new,
            Phase::Learning => self.queue_learning,
            Phase::Review => self.queue_review,
            Phase::Relearning => self.queue_relearning,
        }
    }

    /// Said once a mock interview's grades are saved: the setup page that follows
    /// gave no sign that anything had happened.
    pub fn mock_saved(&self, answers: usize) -> String {
        match self.lang {
            Lang::Ja => format!("採点を保存しました：{answers} 問の回答を学習記録に追加しました"),
            Lang::En => format!(
                "Grades saved: {} added to your review history",
                counted(answers, "answer", "answers")
            ),
        }
    }

    /// A number of cards: "1 card", "3 cards", "3 枚".
    pub fn card_count(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("{n} 枚"),
            Lang::En => counted(n, "card", "cards"),
        }
    }

    /// The unit after a number of days in a number field, e.g. " days" after 3.
    pub fn days_suffix(&self, n: u32) -> &'static str {
        match self.lang {
            Lang::Ja => " 日",
            Lang::En if n == 1 => " day",
            Lang::En => " days",
        }
    }

    /// Above the two versions of a file changed on two computers.
    pub fn conflict_explained(&self, tool: &str) -> String {
        match self.lang {
            Lang::Ja => format!(
                "{tool} が両方の版を残しました。どれを選んでも、もう一方の版はデータフォルダーの conflicts/resolved/ に移し、削除はしません（置き換えた版もそこに残します）。"
            ),
            Lang::En => format!(
                "{tool} kept both versions. Whatever you choose, the other version is moved into conflicts/resolved/ in the data folder, never deleted (and a version replaced is kept there too)."
            ),
        }
    }

    /// Why a window opened read-only, under its banner: the folder in use said in the
    /// interface's language, anything rarer as the store put it.
    pub fn read_only_reason(&self, error: &StoreError) -> String {
        match (self.lang, error) {
            (Lang::Ja, StoreError::Locked(folder)) => format!(
                "データフォルダー {} は別の mensetsu ウィンドウかコマンドが使っています。そちらを閉じてから、もう一度開いてください。",
                folder.display()
            ),
            _ => error.to_string(),
        }
    }

    /// Below the first problems of a long list: how many more there are.
    pub fn more_problems(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("…ほか {n} 件。すべてはコマンド `mensetsu stats` が表示します"),
            Lang::En => format!("… and {n} more; the command `mensetsu stats` prints them all"),
        }
    }

    /// Why a deck has nothing to study today: nothing due, and no new card (none left in
    /// it, or the day's `limit` of new cards used, perhaps by an interview's first).
    pub fn nothing_to_study_in_deck(&self, used_up: bool, interview: bool, limit: u32) -> String {
        let setting = self.new_per_day;
        match (self.lang, used_up, interview) {
            (Lang::Ja, false, _) => {
                "このデッキに今日学習するカードはありません（期日のカードも新規カードもありません）"
                    .to_string()
            }
            (Lang::Ja, true, true) => format!(
                "このデッキに今日学習するカードはありません。期日のカードはなく、今日の新規カード（1日 {limit} 枚）は予定している面接のカードに先に使われます。このデッキの新規カードは別の日に出ます。増やすには設定の「{setting}」を変えてください。"
            ),
            (Lang::Ja, true, false) => format!(
                "このデッキに今日学習するカードはありません。期日のカードはなく、今日の新規カード（1日 {limit} 枚）はすべて出ました。明日また出ます。増やすには設定の「{setting}」を変えてください。"
            ),
            (Lang::En, false, _) => {
                "Nothing to study in this deck today: no card is due and it has no new cards."
                    .to_string()
            }
            (Lang::En, true, true) => format!(
                "Nothing to study in this deck today: no card is due, and today's new cards ({limit} a day) go to your upcoming interview's cards first. This deck's new cards come on another day; for more a day, change “{setting}” in Settings."
            ),
            (Lang::En, true, false) => format!(
                "Nothing to study in this deck today: no card is due, and today's new cards ({limit} a day) have all been shown. More come tomorrow; for more a day, change “{setting}” in Settings."
            ),
        }
    }

    /// New cards left today and the daily limit.
    pub fn new_left_today(&self, left: usize, limit: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "今日の新規カード：残り {left} 枚（1日 {limit} 枚まで・すべてのデッキで共通・設定で変更できます）"
            ),
            Lang::En => format!(
                "{} left today — the limit is {limit} a day, shared by all decks (Settings)",
                counted(left, "new card", "new cards")
            ),
        }
    }

    /// Under today's counts, when some of the due cards are there for an interview's
    /// final sweep rather than by FSRS's schedule (the statistics count only the latter).
    pub fn sweep_in_due(&self, sweep: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "期日のうち {sweep} 枚は面接前の総復習のカードです（FSRS の予定より前でも、面接までに一度ずつ出します。統計の「今日の期日」には含みません）"
            ),
            Lang::En => format!(
                "{} of the due cards {} in an interview's final sweep: each is shown once before the interview, even where FSRS would wait (Statistics' \"Due today\" leaves {} out)",
                sweep,
                if sweep == 1 { "is" } else { "are" },
                if sweep == 1 { "it" } else { "them" },
            ),
        }
    }

    /// The welcome card's steps, with the daily limit of new cards.
    pub fn welcome_steps(&self, limit: usize) -> [String; 3] {
        match self.lang {
            Lang::Ja => [
                format!("上のボタン（または Enter）で学習を始めると、下のデッキから1日 {limit} 問ずつ新しい質問が出ます。"),
                "声に出すか下書きを入力して答え、Ctrl+Enter（回答欄の外では Space）で回答ポイントを表示。話せたポイントにチェックし、1〜4 で自己評価します。".to_string(),
                "「模擬面接」では、ポイントを見ずに時間を計って続けて答え、最後にまとめて採点します。".to_string(),
            ],
            Lang::En => [
                format!(
                    "The button above (or Enter) starts studying: {} a day from the decks below.",
                    counted(limit, "new question", "new questions")
                ),
                "Answer aloud or type a draft, press Ctrl+Enter (Space outside the answer box) to see the answer points, tick the ones you covered and grade yourself with 1–4.".to_string(),
                "\"Mock interview\" asks several questions in a row without the points, timed like the real thing, and you grade them all at the end.".to_string(),
            ],
        }
    }

    /// At the reveal, under a point the draft touched but was not credited with: why, in
    /// a line the user can learn from.
    pub fn miss(&self, miss: &Miss) -> String {
        match (self.lang, miss) {
            (Lang::Ja, Miss::WrongFigure { yours, guide, .. }) => {
                format!("あなたの数字（{yours}）はガイドの数字（{guide}）と違います")
            }
            (Lang::En, Miss::WrongFigure { yours, guide, .. }) => {
                format!("Your figure, {yours}, differs from the guide's ({guide})")
            }
            (Lang::Ja, Miss::Opposite { clause }) => {
                format!("下書きは逆のことを言っています：「{}」", shortened(clause))
            }
            (Lang::En, Miss::Opposite { clause }) => {
                format!("Your draft argues the opposite: “{}”", shortened(clause))
            }
            (Lang::Ja, Miss::TopicOnly) => {
                "話題には触れていますが、このポイントの中身はまだ言えていません".to_string()
            }
            (Lang::En, Miss::TopicOnly) => {
                "Only the topic is named, not what the point says about it".to_string()
            }
        }
    }

    /// The Record button, or Stop while recording; with its key when keys work.
    pub fn record_button(&self, recording: bool, with_key: bool) -> String {
        let label = match (self.lang, recording) {
            (Lang::Ja, false) => "● 声で答える",
            (Lang::Ja, true) => "■ 録音を止める",
            (Lang::En, false) => "● Record",
            (Lang::En, true) => "■ Stop recording",
        };
        if with_key {
            format!("{label} (Shift+V)")
        } else {
            label.to_string()
        }
    }

    /// Play, or Stop while playing; with its key when keys work.
    pub fn play_button(&self, state: PlayState, with_key: bool) -> String {
        let label = match (self.lang, state) {
            (Lang::Ja, PlayState::Stopped) => "▶ 録音を聞く",
            (Lang::Ja, PlayState::Playing) => "‖ 一時停止",
            (Lang::Ja, PlayState::Paused) => "▶ 続きを聞く",
            (Lang::En, PlayState::Stopped) => "▶ Play the recording",
            (Lang::En, PlayState::Playing) => "‖ Pause",
            (Lang::En, PlayState::Paused) => "▶ Resume",
        };
        if with_key {
            format!("{label} (V)")
        } else {
            label.to_string()
        }
    }

    /// Play for a past answer's recording in the card history.
    pub fn play_short(&self, state: PlayState) -> &'static str {
        match (self.lang, state) {
            (Lang::Ja, PlayState::Stopped) => "▶ 聞く",
            (Lang::Ja, PlayState::Playing) => "‖ 一時停止",
            (Lang::Ja, PlayState::Paused) => "▶ 続き",
            (Lang::En, PlayState::Stopped) => "▶ Listen",
            (Lang::En, PlayState::Playing) => "‖ Pause",
            (Lang::En, PlayState::Paused) => "▶ Resume",
        }
    }

    /// Plays the take again from its start.
    pub fn replay(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "◀◀ 最初から",
            Lang::En => "◀◀ Replay",
        }
    }

    /// The take's waveform, for screen readers and tests.
    pub fn waveform_label(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "録音の波形",
            Lang::En => "Waveform of the recording",
        }
    }

    pub fn waveform_hint(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "クリックした位置から再生します。色の付いた帯は間（ポーズ）です。",
            Lang::En => "Click to play from there. The shaded bands are the pauses.",
        }
    }

    /// A past answer's recording whose file is not in the data folder.
    pub fn recording_gone(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "録音はありません（削除済みか、まだ同期されていません）",
            Lang::En => "recording not here (deleted, or not yet synced)",
        }
    }

    pub fn delete_recording(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "録音を削除…",
            Lang::En => "Delete recording…",
        }
    }

    pub fn delete_recording_question(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "録音を削除しますか？",
            Lang::En => "Delete the recording?",
        }
    }

    /// What deleting a recording leaves, on its Delete button.
    pub fn delete_recording_hint(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "録音のファイルだけを完全に削除します。回答・評価・数値は履歴に残ります。",
            Lang::En => {
                "Deletes the recording's file for good. The answer, its grade and its figures stay in the history."
            }
        }
    }

    pub fn delete_recording_yes(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "削除する",
            Lang::En => "Delete it",
        }
    }

    pub fn keep_recording(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "残す",
            Lang::En => "Keep it",
        }
    }

    pub fn cannot_delete_recording(&self, reason: &str) -> String {
        match self.lang {
            Lang::Ja => format!("録音を削除できません：{reason}"),
            Lang::En => format!("Cannot delete the recording: {reason}"),
        }
    }

    /// The setting: recordings kept per card.
    pub fn keep_recordings(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "カードごとに残す録音",
            Lang::En => "Recordings kept per card",
        }
    }

    pub fn keep_recordings_hint(&self) -> &'static str {
        match self.lang {
            Lang::Ja => {
                "声で答えて評価するたびに、そのカードの古い録音をこの数を超える分だけ削除します（回答と数値は残ります）。0 はすべて残します。"
            }
            Lang::En => {
                "Each time an answer given aloud is graded, the card's older recordings beyond this many are deleted (the answers and their figures stay). 0 keeps them all."
            }
        }
    }

    /// The setting's value 0.
    pub fn keep_all(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "すべて",
            Lang::En => "all",
        }
    }

    /// Beside the timer while the answer is being recorded.
    pub fn recording_badge(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "● 録音中",
            Lang::En => "● REC",
        }
    }

    /// Why the recording stopped by itself: the user went to another screen.
    pub fn recording_stopped_on_leaving(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "別の画面に移ったので録音を止めました。ここまでの録音は残っています。",
            Lang::En => {
                "Recording stopped when you left this screen; what was said until then is kept."
            }
        }
    }

    /// Recordings an export left out because their files are not on this computer.
    pub fn recordings_not_here(&self, count: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "このコンピュータにない録音 {count} 件（削除済みか、まだ同期されていません）は含めていません"
            ),
            Lang::En => format!(
                "{} not on this computer (deleted, or not yet synced) left out",
                counted(count, "recording", "recordings")
            ),
        }
    }

    /// A recording an export left out (its file could not be read), and why.
    pub fn recording_left_out(&self, file: &str, reason: &str) -> String {
        match self.lang {
            Lang::Ja => format!("録音を含められませんでした：{file}（{reason}）"),
            Lang::En => format!("Recording left out: {file} ({reason})"),
        }
    }

    /// A speech rate's unit as the interface says it.
    pub fn rate_unit(&self, unit: RateUnit) -> &'static str {
        match (self.lang, unit) {
            (Lang::Ja, RateUnit::MoraePerSecond) => "モーラ/秒",
            (Lang::Ja, RateUnit::SyllablesPerSecond) => "音節/秒",
            (Lang::En, unit) => unit.label(),
        }
    }

    /// A unit as the log writes it (`"morae/s"`), as the interface says it; one this
    /// version does not know, as written.
    pub fn rate_unit_written<'a>(&self, written: &'a str) -> &'a str {
        RateUnit::from_label(written).map_or(written, |unit| self.rate_unit(unit))
    }

    /// Why a recording could not be played.
    pub fn cannot_play(&self, reason: &str) -> String {
        match self.lang {
            Lang::Ja => format!("再生できません：{reason}"),
            Lang::En => format!("Cannot play: {reason}"),
        }
    }

    /// The setting: the shortest silence in a spoken answer that counts as a pause.
    pub fn pause_threshold(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "「間」とみなす無音の長さ",
            Lang::En => "Shortest pause in a spoken answer",
        }
    }

    pub fn level_meter(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "マイクの音量",
            Lang::En => "Microphone level",
        }
    }

    /// Why recording could not start or stopped, where the Record button is.
    pub fn cannot_record(&self, reason: &str) -> String {
        match self.lang {
            Lang::Ja => format!("録音できません：{reason}"),
            Lang::En => format!("Cannot record: {reason}"),
        }
    }

    /// A recorded answer's speaking time against the answer target.
    pub fn spoken_time(&self, speech: &str, target: &str) -> String {
        match self.lang {
            Lang::Ja => format!("声の回答：{speech}（目標 {target}）"),
            Lang::En => format!("Spoken: {speech} of {target}"),
        }
    }

    /// An answer given aloud, in the card history: speaking time, pauses, rate.
    pub fn history_spoken(&self, speech: &str, pauses: usize, rate: f64, unit: &str) -> String {
        match self.lang {
            Lang::Ja => format!("声 {speech}・間 {pauses} 回・{rate:.1} {unit}"),
            Lang::En => format!(
                "spoken {speech} · {} · {rate:.1} {unit}",
                counted(pauses, "pause", "pauses")
            ),
        }
    }

    /// A week's bar in the talk time chart: its days, its talk time and answers.
    pub fn talk_week(&self, days: &str, time: &str, answers: u32) -> String {
        let answers = answers as usize;
        match self.lang {
            Lang::Ja => format!("{days}\n{time}（声の回答 {answers} 件）"),
            Lang::En => format!(
                "{days}\n{time} ({} aloud)",
                counted(answers, "answer", "answers")
            ),
        }
    }

    /// A week's point in the pace chart: its days, the mean rate and how many answers
    /// were within the normal range.
    pub fn pace_week(
        &self,
        days: &str,
        rate: f64,
        unit: &str,
        within: u32,
        answers: u32,
    ) -> String {
        match self.lang {
            Lang::Ja => {
                format!("{days}\n平均 {rate:.1} {unit}（{answers} 件中 {within} 件が標準の範囲）")
            }
            Lang::En => format!(
                "{days}\nmean {rate:.1} {unit} ({within} of {} in the normal range)",
                counted(answers as usize, "answer", "answers")
            ),
        }
    }

    /// The pauses of a recorded answer.
    pub fn spoken_pauses(&self, count: usize) -> String {
        match self.lang {
            Lang::Ja => format!("間 {count} 回"),
            Lang::En => counted(count, "pause", "pauses"),
        }
    }

    /// Before the reveal: how many of the card's points the draft covers so far.
    pub fn detected_so_far(&self, n: usize, total: usize) -> String {
        match self.lang {
            Lang::Ja => format!("下書きが触れているポイント：{total} 個中 {n} 個"),
            Lang::En => format!(
                "Your draft covers {n} of {} so far",
                counted(total, "point", "points")
            ),
        }
    }

    /// How far a due date is, in the unit that suits it ("10m", "3d", "1.5mo").
    pub fn interval(&self, interval: Interval) -> String {
        let number = |value: f64| {
            if value.fract() == 0.0 {
                format!("{value:.0}")
            } else {
                format!("{value:.1}")
            }
        };
        match self.lang {
            Lang::Ja => match interval {
                Interval::LessThanAMinute => "1分未満".to_string(),
                Interval::Minutes(n) => format!("{n}分"),
                Interval::Hours(n) => format!("{n}時間"),
                Interval::Days(n) => format!("{n}日"),
                Interval::Months(n) => format!("{}ヶ月", number(n)),
                Interval::Years(n) => format!("{}年", number(n)),
            },
            Lang::En => match interval {
                Interval::LessThanAMinute => "<1m".to_string(),
                Interval::Minutes(n) => format!("{n}m"),
                Interval::Hours(n) => format!("{n}h"),
                Interval::Days(n) => format!("{n}d"),
                Interval::Months(n) => format!("{}mo", number(n)),
                Interval::Years(n) => format!("{}y", number(n)),
            },
        }
    }

    /// The keys after the reveal; `default` names the grade Space gives.
    /// `None`: nothing suggests a grade yet (no draft, nothing ticked).
    pub fn keys_after_reveal(&self, default: Option<&str>) -> String {
        match (self.lang, default) {
            (Lang::Ja, Some(default)) => format!("Space / Enter: {default}   1–4: 評価"),
            (Lang::En, Some(default)) => format!("Space / Enter: {default}   1–4: grade"),
            (Lang::Ja, None) => {
                "言えたポイントにチェックを入れると Space / Enter で採点   1–4: 評価".to_string()
            }
            (Lang::En, None) => {
                "Tick the points you said, then Space / Enter   1–4: grade".to_string()
            }
        }
    }

    /// The keys after the reveal while the answer box has the keyboard.
    pub fn keys_typing_after_reveal(&self, default: Option<&str>) -> String {
        match (self.lang, default) {
            (Lang::Ja, Some(default)) => {
                format!("Esc: 回答欄から出て、Space / Enter: {default}   1–4: 評価")
            }
            (Lang::En, Some(default)) => {
                format!("Esc: leave the answer box, then Space / Enter: {default}   1–4: grade")
            }
            (Lang::Ja, None) => "Esc: 回答欄から出て、1–4: 評価".to_string(),
            (Lang::En, None) => "Esc: leave the answer box, then 1–4: grade".to_string(),
        }
    }

    /// A deck's (or a search's) session is over while other decks have `n` cards due.
    /// In the close dialog: answers kept for cards left unanswered.
    pub fn close_set_aside(&self, cards: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "途中で離れたカードに書きかけた回答（{cards} 枚。そのカードが次に出たときに戻ります）"
            ),
            Lang::En if cards == 1 => {
                "The answer started on a card you left (it comes back with the card)".to_string()
            }
            Lang::En => format!(
                "The answers started on {cards} cards you left (each comes back with its card)"
            ),
        }
    }

    pub fn still_due_elsewhere(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "ここで今日学習するカードは終わりました。ほかのデッキにまだ {n} 枚あります。"
            ),
            Lang::En if n == 1 => {
                "Nothing more here today; 1 card is still due in your other decks.".to_string()
            }
            Lang::En => {
                format!("Nothing more here today; {n} cards are still due in your other decks.")
            }
        }
    }

    /// A session stopped early: the cards still due today.
    pub fn still_due_today(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => {
                format!("今日の残り：{n} 枚。続きはいつでもデッキ画面から始められます。")
            }
            Lang::En => format!(
                "{} still due today; the decks screen picks up where you left off.",
                if n == 1 {
                    "1 card is".to_string()
                } else {
                    format!("{n} cards are")
                }
            ),
        }
    }

    /// How often detection agreed with the ticks: `share` percent of points, over
    /// `answers` answers.
    pub fn detection_agreement(&self, share: f64, answers: u32) -> String {
        let answers = answers as usize;
        match self.lang {
            Lang::Ja => {
                format!("下書きの自動判定とあなたのチェックの一致：{share:.0}%（{answers} 回答）")
            }
            Lang::En => format!(
                "Detection agreed with your ticks on {share:.0}% of points ({})",
                counted(answers, "answer", "answers")
            ),
        }
    }

    /// A paused mock interview: question `number` (from 1) of `total`.
    pub fn mock_paused_at(&self, number: usize, total: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "{total} 問中 {number} 問目で止まっています。再開するとタイマーも続きから動きます。"
            ),
            Lang::En => format!(
                "Stopped at question {number} of {total}. Resume to go on; the timer picks up where it stopped."
            ),
        }
    }

    /// Above an answer being graded: its question's number (from 1) and how long it took.
    pub fn mock_answer_heading(&self, number: usize, time: &str) -> String {
        match self.lang {
            Lang::Ja => format!("質問 {number}（回答時間 {time}）"),
            Lang::En => format!("Question {number} (answered in {time})"),
        }
    }

    /// A draft's length (characters of Japanese, words of English), the time it would take
    /// to say and the target.
    pub fn delivery_length(
        &self,
        script: Script,
        length: usize,
        time: &str,
        target: &str,
    ) -> String {
        match (self.lang, script) {
            (Lang::Ja, Script::Japanese) => {
                format!("{length}文字 · 話すと約{time}（目標 {target}）")
            }
            (Lang::Ja, Script::English) => format!("{length}語 · 話すと約{time}（目標 {target}）"),
            (Lang::En, script) => {
                let length = match script {
                    Script::Japanese => counted(length, "character", "characters"),
                    Script::English => counted(length, "word", "words"),
                };
                format!("{length} · about {time} to say (target {target})")
            }
        }
    }

    /// Whole days until an interview (today and tomorrow have their own words); a day
    /// already past, as typed in the form, is that many days ago (it read "in -32 days").
    pub fn days_left(&self, n: i64) -> String {
        let ago = n.unsigned_abs();
        match self.lang {
            Lang::Ja if n < 0 => format!("{ago} 日前"),
            Lang::Ja => format!("あと {n} 日"),
            Lang::En if n == 1 => "in 1 day".to_string(),
            Lang::En if n == -1 => "1 day ago".to_string(),
            Lang::En if n < 0 => format!("{ago} days ago"),
            Lang::En => format!("in {n} days"),
        }
    }

    /// Cards of an interview not answered since its final sweep began.
    pub fn in_sweep(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("直前の総復習：面接までにもう一度見るカードが {n} 枚あります"),
            Lang::En => format!(
                "Final sweep: {} to see once more before the interview",
                counted(n, "card", "cards")
            ),
        }
    }

    pub fn remove_interview_confirm(&self, name: &str) -> String {
        match self.lang {
            Lang::Ja => format!("「{name}」を削除しますか？これまでの記録はログに残ります。"),
            Lang::En => format!("Remove “{name}”? What you did stays in the log."),
        }
    }

    /// While FSRS's parameters are fitted to `n` answers.
    pub fn optimizing(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("{n} 件の回答に合わせています…"),
            Lang::En => format!("Fitting to {}…", counted(n, "answer", "answers")),
        }
    }

    /// Fitted parameters that predict `n` answers better, now in use.
    pub fn fit_improved(&self, n: usize, rmse: [f64; 2], log_loss: [f64; 2]) -> String {
        let [before, after] = rmse;
        let [loss_before, loss_after] = log_loss;
        match self.lang {
            Lang::Ja => format!(
                "{n} 件の回答に合わせました。RMSE {before:.4} → {after:.4}、log loss {loss_before:.4} → {loss_after:.4}。新しいパラメータを使います。"
            ),
            Lang::En => format!(
                "Fitted to {}: RMSE {before:.4} → {after:.4}, log loss {loss_before:.4} → {loss_after:.4}. Now in use.",
                counted(n, "answer", "answers")
            ),
        }
    }

    /// Fitted parameters that predict `n` answers no better than the current ones.
    pub fn fit_kept(&self, n: usize, rmse: [f64; 2]) -> String {
        let [before, after] = rmse;
        match self.lang {
            Lang::Ja => format!(
                "{n} 件の回答に合わせましたが、今のパラメータの方が同等以上に予測できるため、そのまま使います（RMSE {before:.4}、最適化後 {after:.4}）。"
            ),
            Lang::En => format!(
                "Fitted to {}, but your current parameters predict them as well or better (RMSE {before:.4}, fitted {after:.4}); kept.",
                counted(n, "answer", "answers")
            ),
        }
    }

    /// FSRS's optimal retention, e.g. 0.84.
    pub fn suggested_retention(&self, retention: f32) -> String {
        match self.lang {
            Lang::Ja => format!("推奨（覚えている1枚あたりの時間が最小）：{retention:.2}"),
            Lang::En => format!("Suggested (least time per card remembered): {retention:.2}"),
        }
    }

    /// A day of the study calendar under the pointer: 「2026-11-30：回答 3 件」.
    pub fn answers_on_day(&self, day: &str, count: u32) -> String {
        match (self.lang, count) {
            (Lang::Ja, _) => format!("{day}：回答 {count} 件"),
            (Lang::En, 1) => format!("{day}: 1 answer"),
            (Lang::En, _) => format!("{day}: {count} answers"),
        }
    }

    /// In place of a suggested retention while the history is too short to give one.
    pub fn too_few_answers_to_suggest(&self, answers: usize, needed: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "回答が {answers} 件では推奨値を出せません（{needed} 件から）。それまでは今の設定のままで構いません。"
            ),
            Lang::En => format!(
                "No suggestion yet: {answers} of the {needed} answers a suggestion needs. Until then, the current setting is fine."
            ),
        }
    }

    /// Keeping an imported deck beside the one it meets, under a new deck id.
    pub fn import_keep_both(&self, new_id: &str) -> String {
        match self.lang {
            Lang::Ja => format!("両方残す（新しい方は ID {new_id}）"),
            Lang::En => format!("Keep both (the new one as {new_id}, with new card ids)"),
        }
    }

    /// In a card's history: how many points were found in the draft of that answer.
    pub fn found_in_draft(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("（下書きから {n} 件検出）"),
            Lang::En => format!("({n} found in the draft)"),
        }
    }

    /// The button that copies a value into the desired retention setting.
    pub fn use_value(&self, retention: f32) -> String {
        match self.lang {
            Lang::Ja => format!("{retention:.2} にする"),
            Lang::En => format!("Use {retention:.2}"),
        }
    }

    pub fn interview_date_past(&self, date: impl Display, today: impl Display) -> String {
        match self.lang {
            Lang::Ja => {
                format!("{date} は過ぎています（今日は {today}）。面接の日を入れてください")
            }
            Lang::En => {
                format!("{date} is in the past (today is {today}); give the day of the interview")
            }
        }
    }

    pub fn interview_unknown_deck(&self, id: &str) -> String {
        match self.lang {
            Lang::Ja => format!("デッキ「{id}」はありません"),
            Lang::En => format!("There is no deck “{id}”"),
        }
    }

    pub fn interview_unknown_role(&self, id: &str) -> String {
        match self.lang {
            Lang::Ja => format!("役職「{id}」はありません"),
            Lang::En => format!("There is no role “{id}”"),
        }
    }

    /// How many cards a search found.
    pub fn cards_found(&self, n: usize) -> String {
        self.card_count(n)
    }

    /// While a search over many cards runs across frames: how far it has got. The table
    /// still shows the previous results.
    pub fn searching(&self, percent: usize) -> String {
        match self.lang {
            Lang::Ja => format!("検索中… {percent} %"),
            Lang::En => format!("Searching… {percent} %"),
        }
    }

    /// While the rows are put in a column's order across frames.
    pub fn sorting(&self, percent: usize) -> String {
        match self.lang {
            Lang::Ja => format!("並べ替え中… {percent} %"),
            Lang::En => format!("Sorting… {percent} %"),
        }
    }

    /// Beside that button: the cards found that a session leaves out.
    pub fn set_aside_from_study(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("保留中・延期中の {n} 枚は除きます"),
            Lang::En if n == 1 => "1 suspended or buried card is left out".to_string(),
            Lang::En => format!("{n} suspended or buried cards are left out"),
        }
    }

    /// The button that studies the cards a search found.
    pub fn study_these(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("この {n} 枚を学習"),
            Lang::En if n == 1 => "Study this card".to_string(),
            Lang::En => format!("Study these {n} cards"),
        }
    }

    /// What a leech is, with the lapses that make one.
    pub fn leeches_hint(&self, threshold: u32) -> String {
        match self.lang {
            Lang::Ja => {
                format!("{threshold} 回以上忘れたカード。カード画面で is:leech を検索できます。")
            }
            Lang::En if threshold == 1 => {
                "Cards forgotten once or more; search is:leech in Cards.".to_string()
            }
            Lang::En => {
                format!("Cards forgotten {threshold} times or more; search is:leech in Cards.")
            }
        }
    }

    pub fn remove_story_confirm(&self, name: &str) -> String {
        match self.lang {
            Lang::Ja => format!("「{name}」を削除しますか？これまでの版はログに残ります。"),
            Lang::En => format!("Remove “{name}”? Its earlier versions stay in the log."),
        }
    }

    pub fn story_unknown_card(&self, id: &str) -> String {
        match self.lang {
            Lang::Ja => format!("質問「{id}」はありません"),
            Lang::En => format!("There is no question “{id}”"),
        }
    }

    pub fn story_unknown_competency(&self, id: &str) -> String {
        match self.lang {
            Lang::Ja => format!("能力「{id}」はありません"),
            Lang::En => format!("There is no competency “{id}”"),
        }
    }

    /// What an Anki package holds and would add, before anything is written.
    pub fn anki_preview_counts(&self, plan: &crate::core::anki::import::Plan) -> String {
        let (notes, decks, matched, new) = (
            plan.notes,
            plan.anki_decks.len(),
            plan.matched,
            plan.new_cards(),
        );
        let (history, reviews, known) = (plan.with_history, plan.reviews.len(), plan.known_reviews);
        match self.lang {
            Lang::Ja => format!(
                "ノート {notes} 件（Ankiのデッキ {decks} 個）。既存のカード {matched} 件、新しいカード {new} 件、履歴のあるカード {history} 件。追加する回答 {reviews} 件（取り込み済み {known} 件）"
            ),
            Lang::En => format!(
                "{} in {}: {matched} already here, {new} new, {history} with history. {} to add ({known} already in the log)",
                counted(notes, "note", "notes"),
                counted(decks, "Anki deck", "Anki decks"),
                counted(reviews, "answer", "answers"),
            ),
        }
    }

    /// How a note type's fields become a card, in the preview.
    pub fn anki_mapping(&self, mapping: &crate::core::anki::import::FieldMapping) -> String {
        let points = mapping.points.join(", ");
        match (self.lang, mapping.mensetsu) {
            (Lang::Ja, true) => format!(
                "ノートタイプ「{}」（{} 件）: mensetsu のノートタイプ。フィールドごとに対応",
                mapping.notetype, mapping.notes
            ),
            (Lang::Ja, false) => format!(
                "ノートタイプ「{}」（{} 件）: {} → 質問、{} → 回答ポイント（リストの項目・行ごと）",
                mapping.notetype,
                mapping.notes,
                mapping.question,
                if points.is_empty() {
                    "（なし）"
                } else {
                    &points
                }
            ),
            (Lang::En, true) => format!(
                "Note type “{}” ({}): mensetsu's own, field by field",
                mapping.notetype,
                counted(mapping.notes, "note", "notes")
            ),
            (Lang::En, false) => format!(
                "Note type “{}” ({}): {} → question; {} → answer points (one per list item or line)",
                mapping.notetype,
                counted(mapping.notes, "note", "notes"),
                mapping.question,
                if points.is_empty() { "(none)" } else { &points }
            ),
        }
    }

    /// Something of an Anki package left out of the import.
    pub fn anki_problem(&self, problem: &crate::core::anki::import::ImportProblem) -> String {
        use crate::core::anki::import::ImportProblem as P;
        match self.lang {
            Lang::En => problem.to_string(),
            Lang::Ja => match problem {
                P::NotetypeWithoutFields { notetype, notes } => {
                    format!(
                        "ノートタイプ「{notetype}」にフィールドがありません。そのノート {notes} 件は取り込みません"
                    )
                }
                P::UnknownNotetype { notes } => {
                    format!("パッケージにないノートタイプのノート {notes} 件は取り込みません")
                }
                P::EmptyQuestion { notes } => {
                    format!("最初のフィールド（質問）が空のノート {notes} 件は取り込みません")
                }
                P::ReviewsOfMissingCards { reviews, card } => format!(
                    "パッケージにないカードの回答 {reviews} 件は取り込みません（最初のもの: Ankiのカード {card}）"
                ),
                P::OtherTemplates { cards, reviews } => format!(
                    "2つ目以降のテンプレートのカード {cards} 件の回答 {reviews} 件は取り込みません（mensetsu はノート1件につきカード1枚です）"
                ),
                P::BadRating { reviews } => {
                    format!("評価が1〜4でない回答 {reviews} 件は取り込みません")
                }
                P::InvalidDeck { deck, detail } => {
                    format!("デッキ「{deck}」は読み込めない形になるため取り込みません: {detail}")
                }
            },
        }
    }

    /// Why an Anki package cannot be read; the file is named.
    pub fn anki_error(&self, error: &crate::core::anki::AnkiError) -> String {
        use crate::core::anki::AnkiError as E;
        match self.lang {
            Lang::En => error.to_string(),
            Lang::Ja => match error {
                E::Read { file, detail } => format!("{}: 読み込めません: {detail}", file.display()),
                E::TooLarge { file, size, limit } => format!(
                    "{}: パッケージが {size} バイトあります。読み込めるのは {limit} バイトまでです（メディアは取り込みません。Ankiからメディアなしで書き出してください）",
                    file.display()
                ),
                E::NotZip { file, .. } => {
                    format!(
                        "{}: Ankiのパッケージではありません（zipファイルでないか、壊れています。Ankiからもう一度書き出してください）",
                        file.display()
                    )
                }
                E::TooManyEntries { file, count, limit } => format!(
                    "{}: zipの項目が {count} 個あります。Ankiのパッケージは {limit} 個までです",
                    file.display()
                ),
                E::UnsafeEntry { file, name } => format!(
                    "{}: zipの項目「{name}」は絶対パスか `..` を含む名前です。読み込みを中止しました",
                    file.display()
                ),
                E::NoCollection { file } => format!(
                    "{}: コレクションがありません（collection.anki21b・collection.anki21・collection.anki2 のいずれもありません）",
                    file.display()
                ),
                E::Bomb { file, entry, limit } => format!(
                    "{}: 「{entry}」は展開すると {limit} バイトを超えます。読み込みを中止しました（zip爆弾か、デッキとしては大きすぎるコレクションです）",
                    file.display()
                ),
                E::Unpack {
                    file,
                    entry,
                    detail,
                } => {
                    format!("{}: 「{entry}」を展開できません: {detail}", file.display())
                }
                E::Collection {
                    file,
                    entry,
                    detail,
                } => format!(
                    "{}: 「{entry}」はAnkiのコレクションとして読めません: {detail}",
                    file.display()
                ),
                E::Write(detail) => format!("Ankiパッケージを書き出せません: {detail}"),
            },
        }
    }

    /// What an accepted Anki import wrote.
    pub fn anki_imported(&self, cards: usize, answers: usize) -> String {
        match self.lang {
            Lang::Ja => format!("カード {cards} 件と回答 {answers} 件を取り込みました"),
            Lang::En => format!(
                "Imported {} and {}",
                counted(cards, "card", "cards"),
                counted(answers, "answer", "answers")
            ),
        }
    }

    /// An Anki package whose cards and answers are all here already.
    pub fn anki_nothing_new(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "新しいカードも回答もありません。すべて取り込み済みです",
            Lang::En => "Nothing new: every card and answer is here already",
        }
    }

    /// Where an imported deck was written.
    /// What deleting a deck in the editor does, asked before it is done.
    pub fn delete_deck_confirm(&self, title: &str, cards: usize, folder: impl Display) -> String {
        match self.lang {
            Lang::Ja => format!(
                "「{title}」を削除しますか？ファイルは {folder} に移されます（decks フォルダに戻せば元に戻ります）。{cards} 枚のカードの回答の記録はログに残り、デッキにないカードとして表示されます。"
            ),
            Lang::En => format!(
                "Delete “{title}”? Its file is moved to {folder} (move it back into the decks folder to restore it). The answers of its {} stay in the log, listed as cards no deck has.",
                counted(cards, "card", "cards")
            ),
        }
    }

    pub fn deck_deleted(&self, path: impl Display) -> String {
        match self.lang {
            Lang::Ja => format!("デッキを削除しました（ファイルは {path} にあります）"),
            Lang::En => format!("Deck deleted (its file is now {path})"),
        }
    }

    pub fn imported_to(&self, path: impl Display) -> String {
        match self.lang {
            Lang::Ja => format!("{path} に保存しました"),
            Lang::En => format!("Saved as {path}"),
        }
    }

    /// What an import would add: its questions, and how many have answer points.
    pub fn preview_counts(&self, questions: usize, with_points: usize) -> String {
        match self.lang {
            Lang::Ja => format!("質問 {questions} 件（回答ポイントあり {with_points} 件）"),
            Lang::En => format!(
                "{} ({with_points} with answer points)",
                counted(questions, "question", "questions")
            ),
        }
    }

    /// Under the sample of an import's questions: how many more there are.
    pub fn preview_more(&self, n: usize) -> String {
        match self.lang {
            Lang::Ja => format!("ほか {n} 問"),
            Lang::En => format!("and {} more", counted(n, "question", "questions")),
        }
    }

    /// The questions past the sample that have no answer points, by their first line.
    pub fn preview_without_points(&self, questions: &[String]) -> String {
        match self.lang {
            Lang::Ja => format!("回答ポイントなし：{}", questions.join("、")),
            Lang::En => format!("Without answer points: {}", questions.join("; ")),
        }
    }

    pub fn import_exists(&self, path: impl Display) -> String {
        match self.lang {
            Lang::Ja => format!("{path} はすでにあります"),
            Lang::En => format!("{path} exists already"),
        }
    }

    /// In the list of what closing the window would lose.
    pub fn close_deck_edits(&self, name: &str) -> String {
        match self.lang {
            Lang::Ja => format!("デッキ「{name}」の保存していない編集"),
            Lang::En => format!("Unsaved edits to the deck “{name}”"),
        }
    }

    /// A mock interview in progress, `typed` of its `total` answers typed.
    pub fn close_mock(&self, typed: usize, total: usize) -> String {
        match self.lang {
            Lang::Ja => format!("進行中の模擬面接（{total} 問中 {typed} 問に回答を入力済み）"),
            Lang::En => format!(
                "A mock interview in progress: {typed} of {} typed",
                counted(total, "answer", "answers")
            ),
        }
    }

    /// A mock interview with `total` answers waiting for their grades.
    pub fn close_mock_grading(&self, total: usize) -> String {
        match self.lang {
            Lang::Ja => format!("採点がまだの模擬面接（{total} 問）"),
            Lang::En => format!("A mock interview not yet graded (answers to grade: {total})"),
        }
    }

    /// A story draft with a title (one without is `close_story_untitled`).
    pub fn close_story(&self, title: &str) -> String {
        match self.lang {
            Lang::Ja => format!("書きかけのストーリー「{title}」"),
            Lang::En => format!("A story draft: “{title}”"),
        }
    }

    /// The user's own points for a card (its id), not saved.
    pub fn close_own_points(&self, card: &str) -> String {
        match self.lang {
            Lang::Ja => format!("カード {card} の保存していない自分のポイント"),
            Lang::En => format!("Your own points for {card}, not saved"),
        }
    }

    /// The offer at start of a mock interview drafted at `time`.
    pub fn resume_mock(&self, time: &str, typed: usize, total: usize) -> String {
        match self.lang {
            Lang::Ja => format!(
                "{time} の模擬面接を再開しますか？（{total} 問中 {typed} 問に回答を入力済み）"
            ),
            Lang::En => format!(
                "Resume the mock interview from {time}? {typed} of {} typed",
                counted(total, "answer", "answers")
            ),
        }
    }

    /// The offer at start of a mock interview left at its grading.
    pub fn resume_mock_grading(&self, time: &str, total: usize) -> String {
        match self.lang {
            Lang::Ja => format!("{time} の模擬面接の採点を再開しますか？（採点待ち {total} 問）"),
            Lang::En => {
                format!("Resume grading the mock interview from {time}? Answers to grade: {total}")
            }
        }
    }

    /// The offer at start of an answer being typed at `time`.
    /// A study draft offered back that was answered aloud.
    pub fn draft_has_recording(&self) -> &'static str {
        match self.lang {
            Lang::Ja => "声の回答の録音があります",
            Lang::En => "with the answer you recorded",
        }
    }

    pub fn resume_study(&self, time: &str) -> String {
        match self.lang {
            Lang::Ja => format!("{time} に入力していた回答を再開しますか？"),
            Lang::En => format!("Resume the answer you were typing at {time}?"),
        }
    }
}

/// `n` and the English noun for it: "1 card", "0 cards", "2 cards".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

/// A quoted clause cut to a line's length, so a long sentence does not bury the points.
fn shortened(clause: &str) -> String {
    // About two lines of the reveal, by width: a Japanese character is as wide as two
    // letters. English is cut at a word, not inside one ("and comp…").
    const MOST_WIDTH: usize = 120;
    let mut width = 0;
    let mut end = clause.len();
    for (at, c) in clause.char_indices() {
        width += if c.is_ascii() { 1 } else { 2 };
        if width > MOST_WIDTH {
            end = at;
            break;
        }
    }
    if end == clause.len() {
        return clause.to_string();
    }
    let kept = &clause[..end];
    let at_word = match kept.rfind(' ') {
        Some(space) if clause[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) => {
            &kept[..space]
        }
        _ => kept,
    };
    format!("{}…", at_word.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_units_are_said_in_the_interface_language_and_unknown_ones_as_written() {
        let [en, ja] = [strings(Lang::En), strings(Lang::Ja)];
        assert_eq!(ja.rate_unit(RateUnit::MoraePerSecond), "モーラ/秒");
        assert_eq!(ja.rate_unit_written("syllables/s"), "音節/秒");
        assert_eq!(en.rate_unit_written("morae/s"), "morae/s");
        assert_eq!(ja.rate_unit_written("beats/s"), "beats/s");
    }

    #[test]
    fn a_calendar_day_counts_its_answers_in_each_language() {
        let [en, ja] = [strings(Lang::En), strings(Lang::Ja)];
        assert_eq!(ja.answers_on_day("2026-11-30", 3), "2026-11-30：回答 3 件");
        assert_eq!(en.answers_on_day("2026-11-30", 3), "2026-11-30: 3 answers");
        assert_eq!(en.answers_on_day("2026-11-30", 1), "2026-11-30: 1 answer");
    }

    #[test]
    fn why_a_point_was_not_credited_is_said_in_both_languages() {
        let [en, ja] = [strings(Lang::En), strings(Lang::Ja)];
        let wrong = Miss::WrongFigure {
            yours: "600万".into(),
            guide: "800万円〜".into(),
            guide_by_lang: Vec::new(),
        };
        assert_eq!(
            en.miss(&wrong),
            "Your figure, 600万, differs from the guide's (800万円〜)"
        );
        assert_eq!(
            ja.miss(&wrong),
            "あなたの数字（600万）はガイドの数字（800万円〜）と違います"
        );
        let opposite = Miss::Opposite {
            clause: "I'd centralise it".into(),
        };
        assert_eq!(
            en.miss(&opposite),
            "Your draft argues the opposite: “I'd centralise it”"
        );
        assert_eq!(
            ja.miss(&opposite),
            "下書きは逆のことを言っています：「I'd centralise it」"
        );
        // A long clause is cut to about two lines, English at a word.
        let long = Miss::Opposite {
            clause: "あ".repeat(100),
        };
        assert!(ja.miss(&long).ends_with("…」"));
        assert_eq!(ja.miss(&long).chars().filter(|c| *c == 'あ').count(), 60);
        let long_en = Miss::Opposite {
            clause: "we review it once a year together with the risk management and compliance \
                     teams who sign off on the results before the board meeting"
                .into(),
        };
        let said = en.miss(&long_en);
        assert!(said.ends_with("before the…”"), "{said}");
        assert!(said.contains("compliance teams"), "{said}");
        assert_eq!(
            en.miss(&Miss::TopicOnly),
            "Only the topic is named, not what the point says about it"
        );
        assert!(ja.miss(&Miss::TopicOnly).contains("話題"));
        // An English draft with the points shown in Japanese only: the guide's figure as
        // the Japanese point writes it.
        let english_draft = Miss::WrongFigure {
            yours: "99.9%".into(),
            guide: "at least 99.99%".into(),
            guide_by_lang: vec![
                (Lang::Ja, "99.99%以上".into()),
                (Lang::En, "at least 99.99%".into()),
            ],
        };
        assert_eq!(
            ja.miss(&english_draft.shown_in(Lang::Ja, None)),
            "あなたの数字（99.9%）はガイドの数字（99.99%以上）と違います"
        );
        assert!(
            en.miss(&english_draft.shown_in(Lang::En, Some(Lang::Ja)))
                .ends_with("the guide's (at least 99.99%)")
        );
    }

    #[test]
    fn english_counts_say_one_card_and_japanese_counts_use_counters() {
        let [en, ja] = [strings(Lang::En), strings(Lang::Ja)];
        assert_eq!(en.card_count(0), "0 cards");
        assert_eq!(en.card_count(1), "1 card");
        assert_eq!(en.card_count(2), "2 cards");
        assert_eq!(ja.card_count(0), "0 枚");
        assert_eq!(ja.card_count(1), "1 枚");
        assert_eq!(ja.card_count(2), "2 枚");
        assert_eq!(en.cards_found(1), "1 card");
        assert_eq!(ja.cards_found(2), "2 枚");
        for n in [0, 2] {
            assert_eq!(
                en.in_sweep(n),
                format!("Final sweep: {n} cards to see once more before the interview")
            );
        }
        assert_eq!(
            en.in_sweep(1),
            "Final sweep: 1 card to see once more before the interview"
        );
        assert_eq!(
            ja.in_sweep(1),
            "直前の総復習：面接までにもう一度見るカードが 1 枚あります"
        );
        assert_eq!(en.study_these(1), "Study this card");
        assert_eq!(
            en.set_aside_from_study(1),
            "1 suspended or buried card is left out"
        );
        assert_eq!(
            en.set_aside_from_study(2),
            "2 suspended or buried cards are left out"
        );
        assert_eq!(en.study_these(2), "Study these 2 cards");
        assert_eq!(ja.study_these(1), "この 1 枚を学習");
        assert!(
            en.still_due_today(1)
                .starts_with("1 card is still due today;")
        );
        assert!(
            en.still_due_today(2)
                .starts_with("2 cards are still due today;")
        );
        assert!(en.still_due_today(0).starts_with("0 cards are"));
        assert!(ja.still_due_today(1).starts_with("今日の残り：1 枚。"));
        assert_eq!(en.days_left(1), "in 1 day");
        assert_eq!(en.days_left(21), "in 21 days");
        assert_eq!(ja.days_left(21), "あと 21 日");
        assert_eq!(en.days_left(-1), "1 day ago");
        assert_eq!(en.days_left(-32), "32 days ago");
        assert_eq!(ja.days_left(-32), "32 日前");
        assert_eq!(en.days_suffix(1), " day");
        assert_eq!(en.days_suffix(0), " days");
        assert_eq!(ja.days_suffix(1), " 日");
    }

    #[test]
    fn other_english_nouns_agree_with_their_number_too() {
        let [en, ja] = [strings(Lang::En), strings(Lang::Ja)];
        assert_eq!(en.optimizing(1), "Fitting to 1 answer…");
        assert_eq!(en.optimizing(0), "Fitting to 0 answers…");
        assert_eq!(ja.optimizing(1), "1 件の回答に合わせています…");
        assert_eq!(en.preview_counts(1, 1), "1 question (1 with answer points)");
        assert_eq!(
            en.preview_counts(2, 1),
            "2 questions (1 with answer points)"
        );
        assert_eq!(
            ja.preview_counts(1, 0),
            "質問 1 件（回答ポイントあり 0 件）"
        );
        assert_eq!(
            en.detected_so_far(1, 2),
            "Your draft covers 1 of 2 points so far"
        );
        assert_eq!(
            en.detected_so_far(0, 1),
            "Your draft covers 0 of 1 point so far"
        );
        assert_eq!(
            en.close_mock(0, 1),
            "A mock interview in progress: 0 of 1 answer typed"
        );
        assert_eq!(
            en.close_mock(3, 5),
            "A mock interview in progress: 3 of 5 answers typed"
        );
        assert_eq!(
            en.new_left_today(1, 20),
            "1 new card left today — the limit is 20 a day, shared by all decks (Settings)"
        );
        assert_eq!(
            en.delivery_length(Script::English, 1, "0:01", "2:00"),
            "1 word · about 0:01 to say (target 2:00)"
        );
        assert_eq!(
            en.delivery_length(Script::Japanese, 2, "0:01", "2:00"),
            "2 characters · about 0:01 to say (target 2:00)"
        );
        assert_eq!(
            ja.delivery_length(Script::Japanese, 1, "0:01", "2:00"),
            "1文字 · 話すと約0:01（目標 2:00）"
        );
        assert_eq!(
            en.detection_agreement(50.0, 1),
            "Detection agreed with your ticks on 50% of points (1 answer)"
        );
        assert!(en.welcome_steps(1)[0].contains(": 1 new question a day"));
        assert!(en.welcome_steps(20)[0].contains(": 20 new questions a day"));
        assert!(
            en.leeches_hint(1)
                .starts_with("Cards forgotten once or more")
        );
        assert!(
            en.leeches_hint(8)
                .starts_with("Cards forgotten 8 times or more")
        );
        assert_eq!(en.interval(Interval::Months(1.5)), "1.5mo");
        assert_eq!(ja.interval(Interval::Days(3)), "3日");
        assert_eq!(
            en.fit_kept(1, [0.1, 0.2]).split(',').next(),
            Some("Fitted to 1 answer")
        );
    }

    /// A sentence is a function of its numbers and names; a label with a `{placeholder}`
    /// for the caller to fill with `.replace` is what let "1 cards" through.
    #[test]
    fn no_label_has_a_placeholder_and_no_screen_fills_one() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut pending = vec![root];
        let mut checked = 0;
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                if path.extension().is_none_or(|ext| ext != "rs") {
                    continue;
                }
                checked += 1;
                let source = std::fs::read_to_string(&path).unwrap();
                let filler = concat!(".replace(", "\"{");
                assert!(
                    !source.contains(filler),
                    "{} fills a placeholder with .replace; give Strings a function instead",
                    path.display()
                );
            }
        }
        assert!(checked > 10, "only {checked} files under src/ui");
        // The labels themselves, in the source from JA to the first function.
        let source = include_str!("strings.rs");
        let start = source.find("pub const JA").unwrap();
        let end = source[start..].find("\nimpl Strings").unwrap() + start;
        let labels = &source[start..end];
        let placeholder = labels.match_indices('{').find(|(at, _)| {
            let rest = &labels[at + 1..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            !name.is_empty() && rest[name.len()..].starts_with('}')
        });
        assert!(
            placeholder.is_none(),
            "a label has a placeholder: {}",
            labels[placeholder.map_or(0, |(at, _)| at)..]
                .chars()
                .take(40)
                .collect::<String>()
        );
    }
}
