//! Every way mensetsu replaces or creates a whole file: settings, decks, exports. Appending
//! to the review log is the store's job ([`crate::core::review::store`]); everything else
//! that writes goes through here, so a crash leaves the old file or the new one, never a
//! mix, and an existing file is never replaced unless the caller means to.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who may read what mensetsu writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// The user alone: folders 0700, files 0600, as ssh, GnuPG and browsers keep their
    /// profiles. The data folder holds typed drafts, stories about the user's employers
    /// and salary figures.
    OnlyTheUser,
    /// Whoever the user's umask lets read: an export the user asked for, made to be
    /// shared or opened by another program.
    AsTheUmaskSays,
}

/// Creates `folder` and any missing parents, each private when `readers` says so. A
/// folder that exists is left as it is ([`make_private`] tightens one).
pub fn create_folder(folder: &Path, readers: Readers) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    if readers == Readers::OnlyTheUser {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// Options that create a file readable as `readers` says (the mode is given at creation,
/// so there is no moment when others could open it).
pub fn new_file_options(readers: Readers) -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    if readers == Readers::OnlyTheUser {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Takes the group's and others' access away from `folder` if it has any, and returns the
/// modes before and after for the one line that says so; `None` when it was private
/// already (or on a system without Unix modes).
pub fn make_private(folder: &Path) -> io::Result<Option<(u32, u32)>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(folder)?.permissions().mode() & 0o7777;
        if mode & 0o077 == 0 {
            return Ok(None);
        }
        let private = mode & 0o700;
        fs::set_permissions(folder, fs::Permissions::from_mode(private))?;
        Ok(Some((mode, private)))
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(None)
    }
}

/// Makes the file another library rewrites in place (eframe's window state, `app.ron`,
/// which it opens with a plain create that keeps an existing file's mode) readable by
/// the user alone: an existing one is tightened to 0600, a missing one is created so with
/// `empty` in it. Nothing else of the file changes.
pub fn keep_file_private(file: &Path, empty: &[u8]) -> io::Result<()> {
    match fs::metadata(file) {
        Ok(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = fs::metadata(file)?.permissions().mode() & 0o7777;
                if mode & 0o077 != 0 {
                    fs::set_permissions(file, fs::Permissions::from_mode(mode & 0o700))?;
                }
            }
            Ok(())
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if let Some(folder) = file.parent() {
                create_folder(folder, Readers::OnlyTheUser)?;
            }
            let mut created = new_file_options(Readers::OnlyTheUser)
                .write(true)
                .create_new(true)
                .open(file)?;
            created.write_all(empty)
        }
        Err(error) => Err(error),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists and was left as it is", path.display())]
    Exists { path: PathBuf },
    #[error("cannot create the folder {}: {source}", path.display())]
    Folder { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{} and {MAX_SUFFIX} numbered names beside it are all taken", path.display())]
    NoFreeName { path: PathBuf },
}

/// How far [`write_new_file`] counts (`-2` … `-MAX_SUFFIX`) before giving up.
pub const MAX_SUFFIX: u32 = 9_999;

/// Replaces (or creates) a file of the data folder, readable by the user alone, so that a
/// crash leaves either the old or the new file ([`write_atomically_for`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_for(path, bytes, Readers::OnlyTheUser)
}

/// Replaces (or creates) `path` so that a crash leaves either the old or the new file: a
/// temporary file in the same folder, flushed to disk, renamed over, then the folder
/// flushed so the rename itself is durable. The new file is readable as `readers` says.
pub fn write_atomically_for(path: &Path, bytes: &[u8], readers: Readers) -> Result<(), WriteError> {
    let folder = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_folder(folder, readers).map_err(|source| WriteError::Folder {
        path: folder.to_path_buf(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = new_file_options(readers)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        if let Ok(dir) = File::open(folder) {
            // Some file systems cannot sync a folder; the file itself is safe by now.
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(|source| WriteError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes `contents` to `path`, which must not exist yet.
///
/// The name is claimed with a create-new open, so a file that appears between a check and
/// the write (another export, a sync tool) is never replaced. The contents then go through
/// [`write_atomically`] over the claimed name, so a crash leaves an empty or a whole file,
/// never half of one. On failure nothing of ours is left behind.
pub fn write_new(path: &Path, contents: &[u8], readers: Readers) -> Result<(), WriteError> {
    match new_file_options(readers)
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(claimed) => drop(claimed),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            return Err(WriteError::Exists {
                path: path.to_path_buf(),
            });
        }
        Err(source) => {
            return Err(WriteError::Write {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    write_atomically_for(path, contents, readers).inspect_err(|_| {
        // Only the empty file claimed above is removed: the rename did not happen.
        let _ = fs::remove_file(path);
    })
}

/// Writes `contents` into `dir` (created if missing) as `name`, or, when that is taken,
/// as `name` with `-2`, `-3`, … before its extension (`mensetsu-vpoe-2.txt`), so an
/// earlier file is never overwritten. Returns the path written.
pub fn write_new_file(
    dir: &Path,
    name: &str,
    contents: &[u8],
    readers: Readers,
) -> Result<PathBuf, WriteError> {
    create_folder(dir, readers).map_err(|source| WriteError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, Some(extension)),
        _ => (name, None),
    };
    for number in 1..=MAX_SUFFIX {
        let candidate = match (number, extension) {
            (1, _) => name.to_string(),
            (_, Some(extension)) => format!("{stem}-{number}.{extension}"),
            (_, None) => format!("{stem}-{number}"),
        };
        let path = dir.join(candidate);
        match write_new(&path, contents, readers) {
            Ok(()) => return Ok(path),
            Err(WriteError::Exists { .. }) => continue,
            Err(error) => return Err(error),
        }
    }
    Err(WriteError::NoFreeName {
        path: dir.join(name),
    })
}

/// Hands the memory freed so far back to the system. Reading a long log parses it on
/// several threads, and glibc keeps what each thread freed in that thread's own pool,
/// where nothing else reuses it: a million answers left about 13 MB there. A hint with
/// no effect on anything but the process's size; elsewhere than glibc it does nothing.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's pools to the
    // system; it reads no pointer of ours.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_replace_the_file_and_leave_no_temporary_file() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("sub/settings.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(temp.path().join("sub")).unwrap().count(), 1);
        // A folder where the file should be: an error naming the file, nothing left.
        let blocked = temp.path().join("blocked");
        fs::create_dir(&blocked).unwrap();
        let error = write_atomically(&blocked, b"x").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(&format!("cannot write {}", blocked.display())),
            "{error}"
        );
        assert_eq!(fs::read_dir(temp.path()).unwrap().count(), 2);
    }

    #[test]
    fn new_files_get_a_number_instead_of_replacing_an_earlier_export() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("exports");
        let first =
            write_new_file(&dir, "mensetsu-vpoe.txt", b"one", Readers::AsTheUmaskSays).unwrap();
        let second =
            write_new_file(&dir, "mensetsu-vpoe.txt", b"two", Readers::AsTheUmaskSays).unwrap();
        let third =
            write_new_file(&dir, "mensetsu-vpoe.txt", b"three", Readers::AsTheUmaskSays).unwrap();
        assert_eq!(first, dir.join("mensetsu-vpoe.txt"));
        assert_eq!(second, dir.join("mensetsu-vpoe-2.txt"));
        assert_eq!(third, dir.join("mensetsu-vpoe-3.txt"));
        assert_eq!(fs::read(&first).unwrap(), b"one");
        assert_eq!(fs::read(&second).unwrap(), b"two");
        assert_eq!(fs::read(&third).unwrap(), b"three");
        let no_extension = write_new_file(&dir, "log", b"", Readers::AsTheUmaskSays).unwrap();
        assert_eq!(no_extension, dir.join("log"));
        assert_eq!(
            write_new_file(&dir, "log", b"x", Readers::AsTheUmaskSays).unwrap(),
            dir.join("log-2")
        );
        // Nothing else is left in the folder (no temporary files).
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "log",
                "log-2",
                "mensetsu-vpoe-2.txt",
                "mensetsu-vpoe-3.txt",
                "mensetsu-vpoe.txt"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_another_library_writes_is_kept_private() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let temp = tempfile::tempdir().unwrap();
        let state = temp.path().join("data/app.ron");
        keep_file_private(&state, b"{}").unwrap();
        assert_eq!(mode(&state), 0o600);
        assert_eq!(fs::read(&state).unwrap(), b"{}");
        // As eframe writes it: a plain create over the file keeps its mode.
        fs::write(&state, "{\"window\": ()}").unwrap();
        assert_eq!(mode(&state), 0o600);
        // One left readable by an older version is tightened, its text untouched.
        fs::set_permissions(&state, fs::Permissions::from_mode(0o644)).unwrap();
        keep_file_private(&state, b"{}").unwrap();
        assert_eq!(mode(&state), 0o600);
        assert_eq!(fs::read_to_string(&state).unwrap(), "{\"window\": ()}");
    }

    #[cfg(unix)]
    #[test]
    fn data_folder_files_are_private_and_exports_follow_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let temp = tempfile::tempdir().unwrap();
        let settings = temp.path().join("data/settings.json");
        write_atomically(&settings, b"{}").unwrap();
        assert_eq!(mode(temp.path().join("data").as_path()), 0o700);
        assert_eq!(mode(&settings), 0o600);
        // Replacing keeps it private.
        write_atomically(&settings, b"{ }").unwrap();
        assert_eq!(mode(&settings), 0o600);
        let deck = write_new_file(
            &temp.path().join("data/decks"),
            "d.json",
            b"{}",
            Readers::OnlyTheUser,
        )
        .unwrap();
        assert_eq!(mode(&deck), 0o600);
        // An export: what a plain create gives under the same umask.
        let reference = temp.path().join("reference");
        fs::write(&reference, "").unwrap();
        let export = write_new_file(
            &temp.path().join("out"),
            "e.txt",
            b"x",
            Readers::AsTheUmaskSays,
        )
        .unwrap();
        assert_eq!(mode(&export), mode(&reference));
        // A folder readable by others is tightened once, and says from what.
        let open = temp.path().join("open");
        fs::create_dir(&open).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(make_private(&open).unwrap(), Some((0o755, 0o700)));
        assert_eq!(mode(&open), 0o700);
        assert_eq!(make_private(&open).unwrap(), None);
    }

    #[test]
    fn write_new_refuses_an_existing_file_and_leaves_it_alone() {
        let temp = tempfile::tempdir().unwrap();
        let path = temp.path().join("r.csv");
        fs::write(&path, "mine").unwrap();
        let error = write_new(&path, b"export", Readers::AsTheUmaskSays).unwrap_err();
        assert!(matches!(error, WriteError::Exists { .. }), "{error:?}");
        assert_eq!(
            error.to_string(),
            format!("{} already exists and was left as it is", path.display())
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
        // A folder that cannot be written to is an error naming the file, with nothing left.
        let missing = temp.path().join("no/such/folder/r.csv");
        let error = write_new(&missing, b"export", Readers::AsTheUmaskSays).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with(&format!("cannot write {}", missing.display()))
        );
        assert_eq!(fs::read_dir(temp.path()).unwrap().count(), 1);
    }
}
