//! `completions`: a completion script for a shell, generated from the command line's definition,
//! with the curriculum's topic ids offered after `done`, `start`, `skip` and `undo`.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use crate::cli;
use crate::config::Settings;
use crate::curriculum::{self, Loaded};

/// The commands that take topics.
const TOPIC_COMMANDS: [&str; 4] = ["done", "start", "skip", "undo"];

/// The script for `shell`; its descriptions are in the interface language.
pub fn run(shell: Shell, settings: &Settings) -> anyhow::Result<String> {
    let loaded = curriculum::load_cached(&settings.curriculum, settings.cache.as_deref())?;
    let mut command = with_topics(cli::completion_command(settings.lang), &loaded, settings);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "studyplan", &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if shell == Shell::Fish {
        fish_topics(&mut script, &loaded, settings);
    }
    Ok(script)
}

/// clap_complete's fish script completes options only; these lines add the topic ids after the
/// commands that take topics.
fn fish_topics(script: &mut String, loaded: &Loaded, settings: &Settings) {
    let quote = |text: &str| format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"));
    script.push_str("\n# Topic ids of the curriculum this script was made with.\n");
    for name in TOPIC_COMMANDS {
        for &pos in &loaded.order {
            let topic = loaded.topic(pos);
            script.push_str(&format!(
                "complete -c studyplan -n \"__fish_studyplan_using_subcommand {name}\" -f -a {} -d {}\n",
                quote(&topic.id),
                quote(&format!("{pos} {}", topic.title.get(settings.lang)))
            ));
        }
    }
}

/// The command as the shell should see it: topic arguments complete to the curriculum's ids,
/// described by their titles, and `list` to its stage ids. Only the script sees these lists;
/// parsing still takes positions and pieces of titles.
fn with_topics(mut command: clap::Command, loaded: &Loaded, settings: &Settings) -> clap::Command {
    let lang = settings.lang;
    let topics: Vec<PossibleValue> = loaded
        .order
        .iter()
        .map(|&pos| {
            let topic = loaded.topic(pos);
            PossibleValue::new(topic.id.clone()).help(format!("{pos} {}", topic.title.get(lang)))
        })
        .collect();
    for name in TOPIC_COMMANDS {
        let topics = topics.clone();
        command = command.mut_subcommand(name, |sub| {
            sub.mut_arg("topics", |arg| {
                arg.value_parser(PossibleValuesParser::new(topics))
            })
        });
    }
    let stages: Vec<PossibleValue> = loaded
        .curriculum
        .stages
        .iter()
        .enumerate()
        .map(|(s, stage)| {
            PossibleValue::new(stage.id.clone()).help(format!(
                "{} {}",
                s + 1,
                stage.title.get(lang)
            ))
        })
        .collect();
    command.mut_subcommand("list", |sub| {
        sub.mut_arg("stage", |arg| {
            arg.value_parser(PossibleValuesParser::new(stages))
        })
    })
}
