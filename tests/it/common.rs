//! A temp folder per test, with the store, data folder and home pointed inside it, no colour, a
//! pinned today and English, so tests never touch the real home and never depend on the clock.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The day every test runs on unless it says otherwise.
pub const TODAY: &str = "2026-11-29";

pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The progress file every command of this env uses.
    pub fn store(&self) -> PathBuf {
        self.dir.path().join("progress.yaml")
    }

    /// The binary, run in the temp dir with a clean environment pointed inside it.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// Like [`TestEnv::cmd`], as a plain `std::process::Command`, for spawning processes.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("studyplan"));
        cmd.current_dir(self.dir.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("STUDYPLAN_STORE", self.store())
            .env("STUDYPLAN_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env("LANG", "C");
        cmd
    }

    /// Runs with `args` and returns the output, whatever the exit code.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run studyplan")
    }

    /// Runs with `args`, expects success and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "studyplan {args:?} failed with {:?}\nstdout:\n{}\nstderr:\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8 stdout")
    }

    /// Runs with `args`, expects exit `code` and returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "studyplan {args:?}\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stderr).expect("utf-8 stderr")
    }

    /// The store's bytes, or none when there is no store file.
    pub fn store_bytes(&self) -> Option<Vec<u8>> {
        fs::read(self.store()).ok()
    }

    /// Writes a file inside the temp dir and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(&path, contents).expect("write file");
        path
    }
}

/// A small curriculum in `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// Compares text and shows both sides, line by line, when they differ.
#[track_caller]
pub fn assert_text(actual: &str, expected: &str) {
    if actual != expected {
        panic!("output differs\n--- expected\n{expected}\n--- actual\n{actual}\n---");
    }
}
