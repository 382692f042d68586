//! `tui`: refused without a terminal, and driven in a real one (tmux: keys sent, the screen
//! read back, the store checked).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{TestEnv, assert_text};

#[test]
fn without_a_terminal_it_says_so_and_exits_2() {
    let env = TestEnv::new();
    let err = env.fails(&["tui"], 2);
    assert_text(
        &err,
        "studyplan: error: `studyplan tui` needs a terminal, and its input is not one; run it in \
         a terminal, or use `studyplan list`, `done` and the other commands in scripts\n",
    );
    let err = env.fails(&["--lang", "zh", "tui"], 2);
    assert!(
        err.contains("需要在终端里运行，但它的输入不是终端"),
        "{err}"
    );
    assert!(env.store_bytes().is_none());
}

/// A tmux server of this test's own, with one window running a command in a 100x30 terminal.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// None, with a notice, where tmux is not installed (CI installs it: `.ci/run`).
    fn start(env: &TestEnv, command: &str) -> Option<Tmux> {
        // Named after the test's own temp folder, so tests running at once never share one.
        let name = env.dir.path().file_name().unwrap_or_default();
        let socket = format!("studyplan-test-{}", name.to_string_lossy());
        let tmux = Tmux { socket };
        let bin = assert_cmd::cargo::cargo_bin!("studyplan");
        let dir = env.dir.path();
        let line = format!(
            "cd {dir} && env -i PATH=\"$PATH\" TERM=xterm-256color HOME={dir} \
             XDG_DATA_HOME={dir}/data STUDYPLAN_STORE={store} STUDYPLAN_TODAY=2026-11-29 \
             NO_COLOR=1 LANG=C.UTF-8 {bin} {command}; echo EXIT=$?; sleep 60",
            dir = dir.display(),
            store = env.store().display(),
            bin = bin.display(),
        );
        let started = Command::new("tmux")
            .args(["-L", &tmux.socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", "100", "-y", "30", &line])
            .status();
        match started {
            Ok(status) if status.success() => Some(tmux),
            _ => {
                eprintln!("notice: `tmux` is not installed; skipping the terminal test");
                None
            }
        }
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys"])
            .args(keys)
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
    }

    fn text(&self, text: &str) {
        self.keys(&["-l", text]);
    }

    fn screen(&self) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p"])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until `ready` holds (of the screen), for a few seconds at most.
    fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn store_text(store: &Path) -> String {
    std::fs::read_to_string(store).unwrap_or_default()
}

/// Waits for the store to hold `wanted`.
fn wait_for_store(store: &Path, wanted: &str, tmux: &Tmux) {
    let start = Instant::now();
    while !store_text(store).contains(wanted) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the store never held {wanted}:\n{}\nthe screen:\n{}",
            store_text(store),
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn keys_in_a_real_terminal_change_the_store_and_the_screen() {
    let env = TestEnv::new();
    let Some(tmux) = Tmux::start(&env, "--lang zh tui") else {
        return;
    };
    tmux.wait("the checklist", |s| s.contains("大模型 AI 学习路线"));
    // Down one, Space: 1.2 done, on screen and in the store.
    tmux.keys(&["j", "Space"]);
    wait_for_store(
        &env.store(),
        "\"change\":\"done\",\"topics\":[\"how-llms-get-smart\"]",
        &tmux,
    );
    tmux.wait("1.2 marked done", |s| {
        s.contains("[x] 1.2") && s.contains("已完成 1/41")
    });
    // A search in Chinese, then a note typed in Chinese on the topic it found.
    tmux.keys(&["/"]);
    tmux.text("检索的基础");
    tmux.keys(&["Enter", "n"]);
    tmux.text("先读文档");
    tmux.wait("the note being typed", |s| {
        s.contains("2.3 的笔记：先读文档")
    });
    tmux.keys(&["Enter"]);
    wait_for_store(
        &env.store(),
        "\"change\":\"note\",\"topics\":[\"retrieval-basics\"],\"text\":\"先读文档\"",
        &tmux,
    );
    // A change made elsewhere shows without a key.
    env.ok(&["done", "1.1"]);
    tmux.wait("the change made elsewhere", |s| s.contains("已完成 2/41"));
    // A write that fails says why and changes nothing: the store's folder is gone.
    let before = store_text(&env.store());
    let moved = env.dir.path().join("moved");
    std::fs::create_dir(&moved).unwrap();
    std::fs::rename(env.store(), moved.join("progress.jsonl")).unwrap();
    std::fs::create_dir(env.store()).unwrap();
    tmux.keys(&["g", "x"]);
    tmux.wait("the failure", |s| {
        s.contains("progress.jsonl") && s.contains("[x] 1.1 ")
    });
    assert!(env.store().is_dir());
    assert_eq!(store_text(&moved.join("progress.jsonl")), before);
    // q quits and gives the terminal back.
    tmux.keys(&["q"]);
    let screen = tmux.wait("the exit", |s| s.contains("EXIT=0"));
    assert!(!screen.contains("大模型 AI 学习路线"), "{screen}");
}

#[test]
fn with_its_output_piped_it_says_so() {
    let env = TestEnv::new();
    let Some(tmux) = Tmux::start(&env, "tui | cat") else {
        return;
    };
    let screen = tmux.wait("the refusal", |s| s.contains("EXIT="));
    assert!(
        screen.contains("needs a terminal, and its output is not one"),
        "{screen}"
    );
}
