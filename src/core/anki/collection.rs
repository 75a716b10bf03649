//! The SQLite collection inside a package: read in Anki's current schema (18: note types,
//! fields and decks in tables of their own) or the legacy one (11: note types and decks as
//! JSON in the `col` row), written in the legacy one, which Anki's own "support older
//! versions" export writes and every Anki imports.
//!
//! The table layouts are those of a collection made by the `anki` library itself
//! (rslib `storage/schema11.sql`), checked by `tests/anki.rs`.

use super::{
    AnkiCard, AnkiCollection, AnkiDeck, AnkiError, AnkiNote, AnkiNotetype, AnkiReview, RevlogKind,
};
use rusqlite::{Connection, MAIN_DB, OpenFlags};
use serde_json::{Value, json};
use std::path::Path;

/// Anki separates fields (and the levels of a deck name in schema 18) with this.
const FIELD_SEPARATOR: char = '\x1f';

/// Reads the collection `sqlite`, the entry `entry` of the package `file`.
pub fn read(file: &Path, entry: &str, sqlite: &[u8]) -> Result<AnkiCollection, AnkiError> {
    let error = |detail: String| AnkiError::Collection {
        file: file.to_path_buf(),
        entry: entry.to_string(),
        detail,
    };
    let mut db = Connection::open_with_flags(
        ":memory:",
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| error(e.to_string()))?;
    // Anki keeps its collection in WAL mode, and a WAL database (file format bytes 18 and
    // 19 set to 2) cannot be opened from memory; as a rollback-journal file (1) it reads
    // the same, since a packaged collection has no WAL file beside it.
    let mut bytes = sqlite.to_vec();
    if let Some(versions) = bytes.get_mut(18..20)
        && versions == [2, 2]
    {
        versions.copy_from_slice(&[1, 1]);
    }
    db.deserialize_read_exact(MAIN_DB, bytes.as_slice(), bytes.len(), true)
        .map_err(|e| error(e.to_string()))?;
    // Schema 18 declares its names `COLLATE unicase`, Anki's own collation; reading works
    // without it, but SQLite refuses any statement on such a table when it is missing.
    db.create_collation("unicase", |a: &str, b: &str| {
        a.to_lowercase().cmp(&b.to_lowercase())
    })
    .map_err(|e| error(e.to_string()))?;
    read_tables(&db).map_err(|e| error(e.to_string()))
}

fn read_tables(db: &Connection) -> Result<AnkiCollection, Box<dyn std::error::Error>> {
    let current: bool = db.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'",
        [],
        |row| row.get::<_, i64>(0).map(|count| count > 0),
    )?;
    let (decks, notetypes) = if current {
        read_schema18(db)?
    } else {
        read_schema11(db)?
    };
    let mut statement = db.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")?;
    let notes = statement
        .query_map([], |row| {
            let tags: String = row.get(3)?;
            let fields: String = row.get(4)?;
            Ok(AnkiNote {
                id: row.get(0)?,
                guid: row.get(1)?,
                notetype: row.get(2)?,
                tags: tags.split_whitespace().map(str::to_string).collect(),
                fields: fields.split(FIELD_SEPARATOR).map(str::to_string).collect(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = db.prepare(
        "SELECT id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, data
         FROM cards ORDER BY id",
    )?;
    let cards = statement
        .query_map([], |row| {
            Ok(AnkiCard {
                id: row.get(0)?,
                note: row.get(1)?,
                deck: row.get(2)?,
                ord: row.get(3)?,
                kind: row.get(4)?,
                queue: row.get(5)?,
                due: row.get(6)?,
                interval: row.get(7)?,
                factor: row.get(8)?,
                reps: row.get(9)?,
                lapses: row.get(10)?,
                left: row.get(11)?,
                data: row.get(12)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = db.prepare(
        "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id",
    )?;
    let revlog = statement
        .query_map([], |row| {
            Ok(AnkiReview {
                id: row.get(0)?,
                card: row.get(1)?,
                ease: row.get(2)?,
                interval: row.get(3)?,
                last_interval: row.get(4)?,
                factor: row.get(5)?,
                time_ms: row.get(6)?,
                kind: RevlogKind::from_number(row.get(7)?),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(AnkiCollection {
        decks,
        notetypes,
        notes,
        cards,
        revlog,
    })
}

type DecksAndNotetypes = (Vec<AnkiDeck>, Vec<AnkiNotetype>);

fn read_schema18(db: &Connection) -> Result<DecksAndNotetypes, Box<dyn std::error::Error>> {
    let mut statement = db.prepare("SELECT id, name FROM decks ORDER BY id")?;
    let decks = statement
        .query_map([], |row| {
            let name: String = row.get(1)?;
            Ok(AnkiDeck {
                id: row.get(0)?,
                name: name.split(FIELD_SEPARATOR).collect::<Vec<_>>().join("::"),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = db.prepare("SELECT id, name FROM notetypes ORDER BY id")?;
    let mut notetypes = statement
        .query_map([], |row| {
            Ok(AnkiNotetype {
                id: row.get(0)?,
                name: row.get(1)?,
                fields: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut statement = db.prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord")?;
    let fields = statement
        .query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (notetype, name) in fields {
        if let Some(notetype) = notetypes.iter_mut().find(|n| n.id == notetype) {
            notetype.fields.push(name);
        }
    }
    Ok((decks, notetypes))
}

fn read_schema11(db: &Connection) -> Result<DecksAndNotetypes, Box<dyn std::error::Error>> {
    let (models, decks): (String, String) =
        db.query_row("SELECT models, decks FROM col", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let models: serde_json::Map<String, Value> = serde_json::from_str(&models)?;
    let decks: serde_json::Map<String, Value> = serde_json::from_str(&decks)?;
    let id_of = |key: &str, value: &Value| {
        value
            .get("id")
            .and_then(Value::as_i64)
            .or_else(|| key.parse().ok())
            .ok_or_else(|| format!("`{key}` has no number for an id"))
    };
    let mut notetypes = Vec::new();
    for (key, model) in &models {
        let mut fields: Vec<(i64, String)> = model
            .get("flds")
            .and_then(Value::as_array)
            .map(|fields| {
                fields
                    .iter()
                    .enumerate()
                    .map(|(index, field)| {
                        let ord = field
                            .get("ord")
                            .and_then(Value::as_i64)
                            .unwrap_or(index as i64);
                        let name = field.get("name").and_then(Value::as_str).unwrap_or("");
                        (ord, name.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        fields.sort();
        notetypes.push(AnkiNotetype {
            id: id_of(key, model)?,
            name: text_of(model, "name"),
            fields: fields.into_iter().map(|(_, name)| name).collect(),
        });
    }
    let mut deck_list = Vec::new();
    for (key, deck) in &decks {
        deck_list.push(AnkiDeck {
            id: id_of(key, deck)?,
            name: text_of(deck, "name"),
        });
    }
    notetypes.sort_by_key(|notetype| notetype.id);
    deck_list.sort_by_key(|deck| deck.id);
    Ok((deck_list, notetypes))
}

fn text_of(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The note type mensetsu writes, beyond its fields: its templates and style.
#[derive(Debug, Clone)]
pub struct NotetypeLayout {
    pub question_format: String,
    pub answer_format: String,
    pub css: String,
}

/// What a written collection needs besides its notes, cards and history.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// The collection's creation time in seconds: the start of its day 0, from which a
    /// review card's `due` counts days.
    pub created_secs: i64,
    /// The moment of the export, in seconds and milliseconds.
    pub now_millis: i64,
    pub layout: NotetypeLayout,
    /// FSRS parameters and desired retention for the deck options, so Anki schedules with
    /// what mensetsu used.
    pub fsrs_parameters: Vec<f32>,
    pub desired_retention: f32,
    pub rollover_hour: u32,
}

/// The tables of a schema-11 collection, as Anki creates them.
const SCHEMA11: &str = "
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL,
  factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

/// `collection` as a schema-11 SQLite file. Its one note type is mensetsu's, with the
/// fields of `collection.notetypes[0]`; each deck gets the deck options made from
/// `options`.
pub fn write(collection: &AnkiCollection, options: &WriteOptions) -> Result<Vec<u8>, AnkiError> {
    write_tables(collection, options).map_err(|error| AnkiError::Write(error.to_string()))
}

fn write_tables(
    collection: &AnkiCollection,
    options: &WriteOptions,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut db = Connection::open_in_memory()?;
    db.execute_batch(SCHEMA11)?;
    let now_secs = options.now_millis.div_euclid(1000);
    let mut models = serde_json::Map::new();
    for notetype in &collection.notetypes {
        models.insert(
            notetype.id.to_string(),
            notetype_json(notetype, &options.layout, now_secs),
        );
    }
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck_json(1, "Default", now_secs));
    for deck in &collection.decks {
        decks.insert(
            deck.id.to_string(),
            deck_json(deck.id, &deck.name, now_secs),
        );
    }
    let first_model = collection
        .notetypes
        .first()
        .map_or(0, |notetype| notetype.id);
    let conf = json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": first_model,
        "nextPos": collection.cards.len() + 1, "sortType": "noteFld", "sortBackwards": false,
        "addToCur": true, "schedVer": 2, "sched2021": true, "rollover": options.rollover_hour,
        "creationOffset": 0
    });
    let dconf = json!({ "1": deck_options_json(options) });
    let tx = db.transaction()?;
    tx.execute(
        "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        rusqlite::params![
            options.created_secs,
            options.now_millis,
            conf.to_string(),
            Value::Object(models).to_string(),
            Value::Object(decks).to_string(),
            dconf.to_string(),
        ],
    )?;
    {
        let mut insert =
            tx.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")?;
        for note in &collection.notes {
            let tags = if note.tags.is_empty() {
                String::new()
            } else {
                format!(" {} ", note.tags.join(" "))
            };
            let sort_field = note.fields.first().map_or("", String::as_str);
            insert.execute(rusqlite::params![
                note.id,
                note.guid,
                note.notetype,
                now_secs,
                tags,
                note.fields.join(&FIELD_SEPARATOR.to_string()),
                strip_html(sort_field),
                checksum(&strip_html(sort_field)),
            ])?;
        }
        let mut insert = tx.prepare(
            "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
             0, 0, 0, ?14)",
        )?;
        for card in &collection.cards {
            insert.execute(rusqlite::params![
                card.id,
                card.note,
                card.deck,
                card.ord,
                now_secs,
                card.kind,
                card.queue,
                card.due,
                card.interval,
                card.factor,
                card.reps,
                card.lapses,
                card.left,
                card.data,
            ])?;
        }
        let mut insert =
            tx.prepare("INSERT INTO revlog VALUES (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        for review in &collection.revlog {
            insert.execute(rusqlite::params![
                review.id,
                review.card,
                review.ease,
                review.interval,
                review.last_interval,
                review.factor,
                review.time_ms,
                review.kind.number(),
            ])?;
        }
    }
    tx.commit()?;
    let data = db.serialize(MAIN_DB)?;
    Ok(data.to_vec())
}

fn notetype_json(notetype: &AnkiNotetype, layout: &NotetypeLayout, now_secs: i64) -> Value {
    let fields: Vec<Value> = notetype
        .fields
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
                "size": 20, "description": "", "plainText": false, "collapsed": false,
                "excludeFromSearch": false, "media": []
            })
        })
        .collect();
    json!({
        "id": notetype.id, "name": notetype.name, "type": 0, "mod": now_secs, "usn": -1,
        "sortf": 0, "did": null, "tags": [], "vers": [],
        "tmpls": [{
            "name": "Card 1", "ord": 0, "qfmt": layout.question_format,
            "afmt": layout.answer_format, "bqfmt": "", "bafmt": "", "did": null,
            "bfont": "", "bsize": 0
        }],
        "flds": fields, "css": layout.css,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}", "latexsvg": false, "req": [[0, "any", [0]]]
    })
}

fn deck_json(id: i64, name: &str, now_secs: i64) -> Value {
    json!({
        "id": id, "mod": now_secs, "name": name, "usn": -1, "lrnToday": [0, 0],
        "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false,
        "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1, "extendNew": 0,
        "extendRev": 0
    })
}

fn deck_options_json(options: &WriteOptions) -> Value {
    json!({
        "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                "ints": [1, 4, 0], "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200,
                "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1,
                  "mult": 0.0},
        "fsrsParams6": options.fsrs_parameters,
        "desiredRetention": options.desired_retention
    })
}

/// A field's text without HTML tags, as Anki sorts and checks duplicates by.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Anki's `csum` is the first 32 bits of the SHA-1 of the stripped first field; it only
/// speeds up Anki's duplicate check, and Anki computes it again when it checks the
/// collection, so a cheaper stable hash of the same text serves.
fn checksum(text: &str) -> i64 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    i64::from(hash)
}
