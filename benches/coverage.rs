//! Answer-point detection speed (BENCHMARKS.md, "Draft coverage"): scoring one typed draft
//! against a card of 10 points, as the review screen does when typing pauses. Target: a
//! median of 1 ms or less.

use criterion::{Criterion, criterion_group, criterion_main};
use mensetsu::core::content::deck::{BUNDLED_DECKS, Card, Deck, DeckSet, Localized};
use mensetsu::core::study::coverage::Detector;
use std::hint::black_box;

/// A card of 10 points: the points of two bundled 5-point cards (one about
/// microservices, one about distributed systems), so the text is real deck text.
fn ten_point_card(decks: &DeckSet) -> Card {
    let points = ["vpoe-q02", "hoe-q02"]
        .iter()
        .flat_map(|id| {
            decks
                .find_card(id)
                .map(|(_, card)| card.points.clone())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>();
    assert_eq!(points.len(), 10, "two cards of five points");
    Card {
        id: "bench".into(),
        points,
        ..Card::default()
    }
}

const DRAFT_JA: &str = "判断基準は組織の規模とチームの独立性です。エンジニアが50人を超えて、チームごとに独立してリリースしたくなったら検討します。\
移行するときは一気に作り直さず、ストラングラーパターンで端のドメインから少しずつ切り出します。分散トランザクションは組めないので、\
Sagaパターンで補償トランザクションを用意し、データの整合性は結果整合性で割り切ります。サービス間の呼び出しが増えるとレイテンシが\
問題になるので、分散トレーシングを入れてオブザーバビリティを確保します。運用コストが増えることも経営に説明しておきます。";

const DRAFT_EN: &str = "It depends on the size of the organization and how independently teams need to ship. \
Past fifty engineers I would split out services at the edges with the strangler pattern rather than a rewrite. \
You lose distributed transactions, so use sagas with compensating steps and accept eventual consistency. \
More network calls mean latency, so add distributed tracing for observability, and be clear that operating costs go up.";

/// The bundled decks plus a deck holding the 10-point card, so the detector has worked
/// out the card's terms in advance, as it has for every card the app shows.
fn decks_with(card: &Card) -> DeckSet {
    let deck = Deck {
        id: "bench".into(),
        title: Localized::both("ベンチ", "Bench"),
        cards: vec![card.clone()],
        ..Deck::default()
    };
    let mut sources: Vec<(String, String, bool)> = BUNDLED_DECKS
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string(), true))
        .collect();
    let json = serde_json::to_string(&deck).expect("a deck serializes");
    sources.push(("bench.json".into(), json, false));
    DeckSet::from_sources(sources)
}

fn detect(c: &mut Criterion) {
    let card = ten_point_card(&DeckSet::load(None));
    let decks = decks_with(&card);
    let detector = Detector::new(&decks);
    let mut group = c.benchmark_group("coverage");
    group.bench_function("detect_10_points_ja", |b| {
        b.iter(|| detector.detect(black_box(&card), black_box(DRAFT_JA)))
    });
    group.bench_function("detect_10_points_en", |b| {
        b.iter(|| detector.detect(black_box(&card), black_box(DRAFT_EN)))
    });
    group.bench_function("build_detector", |b| {
        b.iter(|| Detector::new(black_box(&decks)))
    });
    group.finish();
}

criterion_group!(benches, detect);
criterion_main!(benches);
