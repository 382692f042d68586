//! Opening a file to read it: only a regular file is opened, so that a named pipe (FIFO) never
//! blocks a command and a device such as `/dev/zero` is never read without end. Used for the
//! curriculum, the curriculum cache's entries and the progress store alike. And what goes wrong
//! with a file, and its path, in words.

use std::borrow::Cow;
use std::fmt;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::{FileType, IoFailure, Lang, Msg};

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRegular {
    /// A folder.
    Folder,
    /// A named pipe (FIFO).
    Fifo,
    /// A character or block device, like `/dev/zero`.
    Device,
    /// A socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl NotRegular {
    fn of(file_type: fs::FileType) -> Option<NotRegular> {
        #[cfg(unix)]
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(NotRegular::Folder);
        }
        #[cfg(unix)]
        {
            if file_type.is_fifo() {
                return Some(NotRegular::Fifo);
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Some(NotRegular::Device);
            }
            if file_type.is_socket() {
                return Some(NotRegular::Socket);
            }
        }
        Some(NotRegular::Other)
    }

    /// Why the file was not read, in words.
    pub fn reason(self, lang: Lang) -> Cow<'static, str> {
        let kind = match self {
            NotRegular::Folder => FileType::Folder,
            NotRegular::Fifo => FileType::Fifo,
            NotRegular::Device => FileType::Device,
            NotRegular::Socket => FileType::Socket,
            NotRegular::Other => FileType::Other,
        };
        lang.say(Msg::NotRegular(kind))
    }

    /// The kind that `err`, from [`open_regular`], says the file was, if that is why it failed.
    pub fn cause_of(err: &io::Error) -> Option<NotRegular> {
        err.get_ref()?.downcast_ref::<NotRegular>().copied()
    }
}

impl fmt::Display for NotRegular {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason(Lang::En))
    }
}

impl std::error::Error for NotRegular {}

fn refuse(kind: NotRegular) -> io::Error {
    let error_kind = match kind {
        NotRegular::Folder => io::ErrorKind::IsADirectory,
        _ => io::ErrorKind::InvalidInput,
    };
    io::Error::new(error_kind, kind)
}

/// Opens the regular file at `path` (a link is followed) to read it. Anything else is refused
/// with an error that [`NotRegular::cause_of`] names, before it is opened: opening a FIFO waits
/// for a writer, and a device can be read forever. The opened file is checked once more, in case
/// the path was swapped in between.
pub fn open_regular(path: &Path) -> io::Result<File> {
    if let Some(kind) = NotRegular::of(fs::metadata(path)?.file_type()) {
        return Err(refuse(kind));
    }
    let file = File::open(path)?;
    if let Some(kind) = NotRegular::of(file.metadata()?.file_type()) {
        return Err(refuse(kind));
    }
    Ok(file)
}

/// The system's code for "too many levels of symbolic links", which the standard library has no
/// kind for yet.
#[cfg(target_os = "linux")]
pub const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
pub const ELOOP: i32 = 62;

/// Why an I/O call failed, in words: the common cases translated, the rest as the system says.
pub fn io_reason(err: &io::Error, lang: Lang) -> String {
    use io::ErrorKind::*;
    if let Some(kind) = NotRegular::cause_of(err) {
        return kind.reason(lang).into_owned();
    }
    let failure = match err.kind() {
        NotFound => IoFailure::NotFound,
        PermissionDenied => IoFailure::PermissionDenied,
        AlreadyExists => IoFailure::AlreadyExists,
        IsADirectory => return NotRegular::Folder.reason(lang).into_owned(),
        NotADirectory => IoFailure::NotAFolder,
        ReadOnlyFilesystem => IoFailure::ReadOnly,
        StorageFull => IoFailure::DiskFull,
        _ if err.raw_os_error() == Some(ELOOP) => IoFailure::LinkLoop,
        _ => return lowercase_first(&err.to_string()),
    };
    lang.say(Msg::IoFailure(failure)).into_owned()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A path as a POSIX shell reads it back: as it is when that is safe, else in single quotes.
pub fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./-+=:,@%".contains(c));
    if safe {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Whether two paths name one file, or the same place for a file not made yet.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Some(a), Some(b)) = (place(a), place(b))
        && a == b
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if let (Ok(a), Ok(b)) = (fs::metadata(a), fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// Where a path leads, absolute and through every link: the file when it exists, else its
/// folder's real path and its name.
fn place(path: &Path) -> Option<PathBuf> {
    let path = follow_links(path).ok()?;
    if let Ok(real) = fs::canonicalize(&path) {
        return Some(real);
    }
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(folder).ok()?.join(name))
}

/// `path` with every link at its end followed, even to a file that does not exist yet, as a shell
/// writing through `>` follows it.
pub fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_owned();
    // As many as the kernel follows before it gives up.
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(folder) => folder.join(target),
                    None => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::from_raw_os_error(ELOOP))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain.yaml");
        fs::write(&file, "text").unwrap();
        assert!(open_regular(&file).is_ok());
        let cause = |path: &Path| NotRegular::cause_of(&open_regular(path).unwrap_err());
        assert_eq!(cause(dir.path()), Some(NotRegular::Folder));
        #[cfg(unix)]
        {
            assert_eq!(cause(Path::new("/dev/zero")), Some(NotRegular::Device));
            let fifo = dir.path().join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|status| status.success()) {
                assert_eq!(cause(&fifo), Some(NotRegular::Fifo));
            }
        }
        let missing = open_regular(&dir.path().join("missing")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert_eq!(NotRegular::cause_of(&missing), None);
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_they_need_it() {
        assert_eq!(
            shell_quoted(Path::new("/tmp/progress.yaml")),
            "/tmp/progress.yaml"
        );
        assert_eq!(shell_quoted(Path::new("my store.yaml")), "'my store.yaml'");
        assert_eq!(shell_quoted(Path::new("it's.yaml")), "'it'\\''s.yaml'");
        assert_eq!(shell_quoted(Path::new("进度.yaml")), "'进度.yaml'");
    }

    #[test]
    fn common_io_failures_are_put_in_words() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&denied, Lang::En), "permission denied");
        assert_eq!(io_reason(&denied, Lang::Zh), "没有权限");
        let other = io::Error::other("Something odd");
        assert_eq!(io_reason(&other, Lang::Zh), "something odd");
    }
}
