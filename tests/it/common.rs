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
        self.dir.path().join("progress.jsonl")
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
    /// The store's bytes: the version 2 file, else a version 1 `progress.yaml` beside it.
    pub fn store_bytes(&self) -> Option<Vec<u8>> {
        fs::read(self.store())
            .or_else(|_| fs::read(self.dir.path().join("progress.yaml")))
            .ok()
    }

    /// The event lines of the (version 2) store, each parsed.
    pub fn events(&self) -> Vec<serde_json::Value> {
        let text = fs::read_to_string(self.store()).unwrap_or_default();
        text.lines()
            .filter(|line| line.contains("\"id\""))
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
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

/// Every short event id in `text` shown as `#1`, `#2`, ... in order of first appearance: eight
/// hex digits at the start of a line (as `log` shows them) or between two-space gaps (as `show`
/// shows a note's), each followed by two spaces or the line's end.
pub fn mask_ids(text: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let (mut at, mut copied) = (0, 0);
        while at < bytes.len() {
            let starts = at == 0 || (at >= 2 && &bytes[at - 2..at] == b"  " && bytes[at] != b' ');
            let id = line
                .get(at..at + 8)
                .filter(|id| id.bytes().all(|b| b.is_ascii_hexdigit()))
                .filter(|_| {
                    let after = &line[at + 8..];
                    after.starts_with("  ") || after.starts_with('\n') || after.is_empty()
                });
            match id {
                Some(id) if starts => {
                    let n = match seen.iter().position(|s| *s == id) {
                        Some(n) => n + 1,
                        None => {
                            seen.push(id);
                            seen.len()
                        }
                    };
                    out.push_str(&line[copied..at]);
                    out.push_str(&format!("{:<8}", format!("#{n}")));
                    at += 8;
                    copied = at;
                }
                _ => at += 1,
            }
        }
        out.push_str(&line[copied..]);
    }
    out
}

/// Every whole event id (a UUID) in `text` shown as `<id 1>`, `<id 2>`, ... in order of first
/// appearance, for output such as `log --json` that gives them whole.
pub fn mask_uuids(text: &str) -> String {
    const SHAPE: &[u8] = b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    let bytes = text.as_bytes();
    let is_uuid = |at: usize| {
        bytes.get(at..at + SHAPE.len()).is_some_and(|found| {
            found.iter().zip(SHAPE).all(|(&b, &p)| {
                if p == b'-' {
                    b == b'-'
                } else {
                    b.is_ascii_hexdigit()
                }
            })
        })
    };
    let mut seen: Vec<&str> = Vec::new();
    let (mut out, mut copied) = (String::new(), 0);
    for at in 0..bytes.len() {
        if at >= copied && is_uuid(at) {
            // Every byte of a UUID is ASCII, so these are character boundaries.
            let id = &text[at..at + SHAPE.len()];
            let n = seen.iter().position(|s| *s == id).unwrap_or_else(|| {
                seen.push(id);
                seen.len() - 1
            });
            out.push_str(&text[copied..at]);
            out.push_str(&format!("<id {}>", n + 1));
            copied = at + SHAPE.len();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Compares text and shows both sides, line by line, when they differ.
#[track_caller]
pub fn assert_text(actual: &str, expected: &str) {
    if actual != expected {
        panic!("output differs\n--- expected\n{expected}\n--- actual\n{actual}\n---");
    }
}

/// One run of the binary, set up and checked in one expression, in the style of just's `Test`:
///
/// ```ignore
/// Test::new()
///     .curriculum(YAML)
///     .args(&["--lang", "zh", "curriculum", "check", "curriculum.yaml"])
///     .stderr("studyplan: 错误：...\n")
///     .status(1)
///     .run();
/// ```
///
/// Every expectation it is given is exact: stdout and stderr whole, the exit code (0 unless
/// told), and the store's bytes when `store_after` is given. `run` returns the env, so a test can
/// go on in the same temp home.
pub struct Test {
    env: TestEnv,
    args: Vec<String>,
    vars: Vec<(String, String)>,
    stdout: Option<String>,
    stderr: Option<String>,
    status: i32,
    store_after: Option<Option<Vec<u8>>>,
}

impl Test {
    pub fn new() -> Test {
        Test::with(TestEnv::new())
    }

    /// A run in an env set up already (by an earlier `run`, for one).
    pub fn with(env: TestEnv) -> Test {
        Test {
            env,
            args: Vec::new(),
            vars: Vec::new(),
            stdout: None,
            stderr: None,
            status: 0,
            store_after: None,
        }
    }

    /// Follows this curriculum, written to `curriculum.yaml` in the temp folder.
    pub fn curriculum(self, yaml: &str) -> Test {
        let path = self.env.write("curriculum.yaml", yaml);
        self.var("STUDYPLAN_CURRICULUM", path.to_str().unwrap())
    }

    /// Writes a file into the temp folder, the folder the binary runs in.
    pub fn file(self, name: &str, contents: &str) -> Test {
        self.env.write(name, contents);
        self
    }

    /// Starts from this store file: `progress.jsonl` for a version 2 store, `progress.yaml`
    /// beside it for a version 1 store.
    pub fn store(self, text: &str) -> Test {
        let name = if text.starts_with('{') {
            "progress.jsonl"
        } else {
            "progress.yaml"
        };
        self.env.write(name, text);
        self
    }

    /// Runs on this day instead of [`TODAY`].
    pub fn today(self, day: &str) -> Test {
        self.var("STUDYPLAN_TODAY", day)
    }

    /// Lays the output out for a terminal this wide.
    pub fn columns(self, columns: usize) -> Test {
        self.var("COLUMNS", &columns.to_string())
    }

    pub fn var(mut self, key: &str, value: &str) -> Test {
        self.vars.push((key.to_owned(), value.to_owned()));
        self
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|arg| (*arg).to_owned()));
        self
    }

    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Some(text.to_owned());
        self
    }

    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Some(text.to_owned());
        self
    }

    pub fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// Expects the store to hold exactly these bytes afterwards; none for no store file.
    pub fn store_after(mut self, bytes: Option<&[u8]>) -> Test {
        self.store_after = Some(bytes.map(<[u8]>::to_vec));
        self
    }

    /// Expects the store to be as it was before the run, byte for byte.
    pub fn store_unchanged(mut self) -> Test {
        self.store_after = Some(self.env.store_bytes());
        self
    }

    /// Runs and checks every expectation, the exit code first; the temp folder's path is shown
    /// as `$TMP` in what is compared, so expectations do not depend on it.
    #[track_caller]
    pub fn run(self) -> TestEnv {
        let mut cmd = self.env.cmd();
        for (key, value) in &self.vars {
            cmd.env(key, value);
        }
        let output = cmd.args(&self.args).output().expect("run studyplan");
        let tmp = self.env.dir.path().display().to_string();
        let shown = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&tmp, "$TMP");
        let (stdout, stderr) = (shown(&output.stdout), shown(&output.stderr));
        assert_eq!(
            output.status.code(),
            Some(self.status),
            "studyplan {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}",
            self.args
        );
        if let Some(expected) = &self.stdout {
            assert_text(&stdout, expected);
        }
        match &self.stderr {
            Some(expected) => assert_text(&stderr, expected),
            // A run that was not told to warn must not.
            None if self.status == 0 => assert_text(&stderr, ""),
            None => {}
        }
        if let Some(expected) = &self.store_after {
            assert!(
                self.env.store_bytes() == *expected,
                "the store changed:\n{}",
                String::from_utf8_lossy(&self.env.store_bytes().unwrap_or_default())
            );
        }
        self.env
    }
}

#[test]
#[should_panic(expected = "output differs")]
fn a_test_with_the_wrong_output_fails() {
    Test::new().args(&["next"]).stdout("not this\n").run();
}

#[test]
#[should_panic(expected = "studyplan [\"frobnicate\"]")]
fn a_test_with_the_wrong_exit_code_fails() {
    Test::new().args(&["frobnicate"]).run();
}

#[test]
#[should_panic(expected = "the store changed")]
fn a_test_that_expects_no_store_fails_when_one_is_written() {
    Test::new().args(&["done", "1.1"]).store_after(None).run();
}

/// Runs on a given day and expects success; returns stdout.
pub fn ok_on(env: &TestEnv, today: &str, args: &[&str]) -> String {
    let output = env
        .cmd()
        .env("STUDYPLAN_TODAY", today)
        .args(args)
        .output()
        .expect("run studyplan");
    assert!(
        output.status.success(),
        "studyplan {args:?} on {today} failed\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 stdout")
}

/// `text` read as JSON.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON")
}
