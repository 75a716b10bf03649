//! The package's zip. An `.apkg` (some notes) and a `.colpkg` (a whole collection) are
//! the same kind of zip: a `meta` entry naming the format, the collection, a `media` map
//! and the media files, named `0`, `1`, …. Only the collection is read; nothing is
//! unpacked to disk.
//!
//! Which collection entry Anki reads (rslib `import_export/package/meta.rs`):
//! `collection.anki21b` (meta version 3, the current format: the SQLite file compressed
//! with zstd), else `collection.anki21` (version 2, legacy), else `collection.anki2`
//! (version 1, the oldest). Anki's own legacy export writes a `collection.anki2` beside a
//! `collection.anki21` that only says "please update", so the newest entry present wins.

use super::AnkiError;
use std::io::{Cursor, Read, Write};
use std::path::Path;

/// The largest package read: a deck with its history is a few megabytes; a package this
/// large holds media, which mensetsu does not import.
pub const MAX_PACKAGE_BYTES: u64 = 100 << 20;
/// The largest collection unpacked, zip and zstd alike: past this it is a zip bomb (a
/// small file that expands to gigabytes) rather than a deck.
pub const MAX_COLLECTION_BYTES: u64 = 512 << 20;
/// Media files are entries of their own; a package with more than this is not one
/// worth reading entry by entry.
pub const MAX_ENTRIES: usize = 100_000;

/// The collection entries, newest format first.
const COLLECTIONS: [&str; 3] = [
    "collection.anki21b",
    "collection.anki21",
    "collection.anki2",
];

/// The collection of a package as SQLite bytes, and the entry it came from.
#[derive(Debug)]
pub struct Unpacked {
    pub entry: &'static str,
    pub sqlite: Vec<u8>,
}

/// Reads the package at `path`, refusing one over [`MAX_PACKAGE_BYTES`] before reading
/// it.
pub fn read_path(path: &Path) -> Result<Unpacked, AnkiError> {
    let read_error = |error: std::io::Error| AnkiError::Read {
        file: path.to_path_buf(),
        detail: error.to_string(),
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_PACKAGE_BYTES {
        return Err(AnkiError::TooLarge {
            file: path.to_path_buf(),
            size,
            limit: MAX_PACKAGE_BYTES,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_PACKAGE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(read_error)?;
    unpack(path, &bytes)
}

/// The collection inside a package's bytes; `file` names it in messages.
pub fn unpack(file: &Path, bytes: &[u8]) -> Result<Unpacked, AnkiError> {
    unpack_within(file, bytes, MAX_COLLECTION_BYTES)
}

fn unpack_within(file: &Path, bytes: &[u8], max_collection: u64) -> Result<Unpacked, AnkiError> {
    if bytes.len() as u64 > MAX_PACKAGE_BYTES {
        return Err(AnkiError::TooLarge {
            file: file.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_PACKAGE_BYTES,
        });
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| AnkiError::NotZip {
        file: file.to_path_buf(),
        detail: error.to_string(),
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(AnkiError::TooManyEntries {
            file: file.to_path_buf(),
            count: zip.len(),
            limit: MAX_ENTRIES,
        });
    }
    // Every name is checked, not only the collection's: a package with an entry that
    // would land outside its folder was made to harm whoever unpacks it.
    for index in 0..zip.len() {
        let entry = zip.by_index_raw(index).map_err(|error| AnkiError::NotZip {
            file: file.to_path_buf(),
            detail: error.to_string(),
        })?;
        let name = String::from_utf8_lossy(entry.name_raw());
        if !is_safe_name(&name) || entry.enclosed_name().is_none() {
            let name = name.into_owned();
            return Err(AnkiError::UnsafeEntry {
                file: file.to_path_buf(),
                name,
            });
        }
    }
    let Some(entry) = COLLECTIONS
        .into_iter()
        .find(|name| zip.index_for_name(name).is_some())
    else {
        return Err(AnkiError::NoCollection {
            file: file.to_path_buf(),
        });
    };
    let unpack_error = |detail: String| AnkiError::Unpack {
        file: file.to_path_buf(),
        entry: entry.to_string(),
        detail,
    };
    let bomb = || AnkiError::Bomb {
        file: file.to_path_buf(),
        entry: entry.to_string(),
        limit: max_collection,
    };
    let mut stored = zip
        .by_name(entry)
        .map_err(|error| unpack_error(error.to_string()))?;
    // The size the zip declares is checked first, and the bytes actually read are
    // counted too, since a crafted zip can declare any size.
    if stored.size() > max_collection {
        return Err(bomb());
    }
    let mut raw = Vec::new();
    (&mut stored)
        .take(max_collection + 1)
        .read_to_end(&mut raw)
        .map_err(|error| unpack_error(error.to_string()))?;
    if raw.len() as u64 > max_collection {
        return Err(bomb());
    }
    let sqlite = if entry == "collection.anki21b" {
        let decoder =
            zstd::stream::Decoder::new(raw.as_slice()).map_err(|e| unpack_error(e.to_string()))?;
        let mut sqlite = Vec::new();
        decoder
            .take(max_collection + 1)
            .read_to_end(&mut sqlite)
            .map_err(|error| unpack_error(format!("not zstd data: {error}")))?;
        if sqlite.len() as u64 > max_collection {
            return Err(bomb());
        }
        sqlite
    } else {
        raw
    };
    Ok(Unpacked { entry, sqlite })
}

/// An entry name that stays inside the folder it would be unpacked to: no `..` part, not
/// absolute (`/…`, `\\…`, `C:…`), no NUL. The zip crate's own check makes an absolute
/// name relative rather than refusing it; Anki writes neither kind.
fn is_safe_name(name: &str) -> bool {
    let drive = name.as_bytes().get(1) == Some(&b':');
    !name.is_empty()
        && !name.contains('\0')
        && !name.starts_with(['/', '\\'])
        && !drive
        && !name.split(['/', '\\']).any(|part| part == "..")
}

/// The package mensetsu writes: the legacy layout that Anki's own "support older Anki
/// versions" export writes (meta version 2, `collection.anki21` in the schema-11 layout,
/// the media map as JSON), which every Anki since 2.1 imports, the current desktop
/// release included (checked by `tests/anki.rs`).
pub fn pack(sqlite: &[u8]) -> Result<Vec<u8>, AnkiError> {
    pack_with_media(sqlite, &[])
}

/// A media file for a package: the name the notes refer to it by, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The media map of a legacy package: each file's entry number to its name, as JSON
/// (`{"0": "a.wav", "1": "b.wav"}`), which is how Anki's importers, the legacy and the
/// current one, read a meta version 2 package's `media`. Without media it is `{}`, the
/// bytes [`pack`] always wrote.
pub fn media_map(media: &[Media]) -> Vec<u8> {
    let map: std::collections::BTreeMap<String, &str> = media
        .iter()
        .enumerate()
        .map(|(number, file)| (number.to_string(), file.name.as_str()))
        .collect();
    serde_json::to_vec(&map).unwrap_or_else(|_| b"{}".to_vec())
}

/// [`pack`] with media files, each an entry named by its number in the media map. The
/// files are stored, not deflated: the recordings are µ-law already and hardly shrink.
pub fn pack_with_media(sqlite: &[u8], media: &[Media]) -> Result<Vec<u8>, AnkiError> {
    let write_error = |error: &dyn std::fmt::Display| AnkiError::Write(error.to_string());
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let map = media_map(media);
    // PackageMetadata { version: LEGACY_2 } as protobuf: field 1, varint 2.
    let entries: [(&str, &[u8], _); 3] = [
        ("meta", &[0x08, 0x02], stored),
        ("collection.anki21", sqlite, deflated),
        ("media", &map, stored),
    ];
    for (name, bytes, options) in entries {
        zip.start_file(name, options).map_err(|e| write_error(&e))?;
        zip.write_all(bytes).map_err(|e| write_error(&e))?;
    }
    for (number, file) in media.iter().enumerate() {
        // A file past 4 GB would need zip64; no recording is near that (20 minutes are
        // about 20 MB), but the option costs nothing when unused.
        let options = stored.large_file(file.bytes.len() as u64 >= u64::from(u32::MAX));
        zip.start_file(number.to_string(), options)
            .map_err(|e| write_error(&e))?;
        zip.write_all(&file.bytes).map_err(|e| write_error(&e))?;
    }
    Ok(zip.finish().map_err(|e| write_error(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            zip.start_file(
                *name,
                zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated),
            )
            .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn message(result: Result<Unpacked, AnkiError>) -> String {
        result.map(|_| ()).unwrap_err().to_string()
    }

    #[test]
    fn a_file_that_is_no_zip_is_named_as_such() {
        let text = message(unpack(Path::new("deck.apkg"), b"#separator:tab\nq\ta\n"));
        assert!(text.starts_with("deck.apkg: not an Anki package"), "{text}");
    }

    #[test]
    fn a_zip_without_a_collection_is_refused() {
        let bytes = zip_of(&[("media", b"{}"), ("0", b"image")]);
        let text = message(unpack(Path::new("x.apkg"), &bytes));
        assert!(text.contains("no collection in the package"), "{text}");
    }

    #[test]
    fn entries_that_leave_the_folder_are_refused() {
        for name in [
            "../evil",
            "/etc/passwd",
            "a/../../b",
            "C:\\x",
            "a\\..\\..\\b",
        ] {
            let bytes = zip_of(&[("collection.anki2", b"x"), (name, b"x")]);
            let text = message(unpack(Path::new("x.apkg"), &bytes));
            assert!(text.contains(&format!("`{name}`")), "{name}: {text}");
            assert!(text.contains("refused"), "{text}");
        }
    }

    #[test]
    fn a_zip_bomb_is_refused_without_unpacking_it() {
        // 64 MB of zeros deflates to well under a megabyte; the limit is lowered to 8 MB so
        // the test stays quick, the check is the same.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(
            "collection.anki21",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true),
        )
        .unwrap();
        let block = vec![0u8; 1 << 20];
        for _ in 0..64 {
            zip.write_all(&block).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1 << 20, "{}", bytes.len());
        let text = message(unpack_within(Path::new("bomb.apkg"), &bytes, 8 << 20));
        assert!(text.contains("would expand to more than"), "{text}");
    }

    #[test]
    fn a_zstd_bomb_is_refused_too() {
        let zeros = vec![0u8; 64 << 20];
        let packed = zstd::encode_all(zeros.as_slice(), 3).unwrap();
        let bytes = zip_of(&[("collection.anki21b", &packed)]);
        assert!(bytes.len() < 1 << 20, "{}", bytes.len());
        let text = message(unpack_within(Path::new("bomb.apkg"), &bytes, 8 << 20));
        assert!(text.contains("would expand to more than"), "{text}");
    }

    #[test]
    fn a_large_package_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.apkg");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(200 << 20).unwrap();
        let text = message(read_path(&path));
        assert!(
            text.contains("big.apkg: the package is 209715200 bytes"),
            "{text}"
        );
    }

    #[test]
    fn the_media_map_numbers_the_files_in_order_and_is_empty_without_them() {
        assert_eq!(media_map(&[]), b"{}");
        let media = [
            Media {
                name: "pc-20261103T000000Z-0000002a.wav".into(),
                bytes: b"RIFF one".to_vec(),
            },
            Media {
                name: "pc-20261110T000000Z-0000002b.wav".into(),
                bytes: b"RIFF two".to_vec(),
            },
        ];
        let map: serde_json::Value = serde_json::from_slice(&media_map(&media)).unwrap();
        assert_eq!(
            map,
            serde_json::json!({
                "0": "pc-20261103T000000Z-0000002a.wav",
                "1": "pc-20261110T000000Z-0000002b.wav"
            })
        );
        // Each file is the entry its number names, byte for byte.
        let bytes = pack_with_media(b"sqlite", &media).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let names: Vec<String> = zip
            .file_names()
            .map(|name| name.unwrap().to_string())
            .collect();
        assert_eq!(names, ["meta", "collection.anki21", "media", "0", "1"]);
        for (number, file) in media.iter().enumerate() {
            let mut read = Vec::new();
            zip.by_name(&number.to_string())
                .unwrap()
                .read_to_end(&mut read)
                .unwrap();
            assert_eq!(read, file.bytes);
        }
        // mensetsu's own import still finds the collection beside the media.
        let unpacked = unpack(Path::new("x.apkg"), &bytes).unwrap();
        assert_eq!(unpacked.sqlite, b"sqlite");
    }

    #[test]
    fn the_newest_collection_entry_wins() {
        let packed = zstd::encode_all(&b"new"[..], 3).unwrap();
        let bytes = zip_of(&[
            ("collection.anki2", b"old"),
            ("collection.anki21b", &packed),
        ]);
        let unpacked = unpack(Path::new("x.apkg"), &bytes).unwrap();
        assert_eq!(unpacked.entry, "collection.anki21b");
        assert_eq!(unpacked.sqlite, b"new");
        let written = pack(b"sqlite").unwrap();
        let unpacked = unpack(Path::new("x.apkg"), &written).unwrap();
        assert_eq!(
            (unpacked.entry, unpacked.sqlite.as_slice()),
            ("collection.anki21", &b"sqlite"[..])
        );
    }
}
