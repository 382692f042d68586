//! `completions`: a completion script for a shell, generated from the command line's definition,
//! with the curriculum's topic ids offered after `done`, `start`, `skip`, `undo`, `show` and
//! `note`, and its stage ids after `list` and `log`.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use crate::cli;
use crate::config::Settings;
use crate::curriculum::{self, Loaded};
use crate::i18n::Lang;

/// The commands that take any number of topics.
const TOPIC_COMMANDS: [&str; 4] = ["done", "start", "skip", "undo"];

/// The commands whose first argument is one topic.
const ONE_TOPIC_COMMANDS: [&str; 2] = ["show", "note"];

/// The commands whose first argument is a stage.
const STAGE_COMMANDS: [&str; 2] = ["list", "log"];

/// Stands in for the topic and stage lists in clap's zsh script, where our own functions go.
const ZSH_TOPICS: &str = "__studyplan_topics__";
const ZSH_STAGES: &str = "__studyplan_stages__";

/// The script for `shell`; its descriptions are in the interface language.
pub fn run(shell: Shell, settings: &Settings) -> anyhow::Result<String> {
    let loaded = curriculum::load_cached(&settings.curriculum, settings.cache.as_deref())?;
    let lang = settings.lang;
    let mut command = cli::completion_command(lang);
    if shell == Shell::Zsh {
        command = with_markers(command);
    }
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "studyplan", &mut script);
    let script = String::from_utf8_lossy(&script).into_owned();
    let ids = Ids::new(&loaded, lang);
    let script = match shell {
        Shell::Bash => format!("{script}{}", bash_ids(&ids, &command)),
        Shell::Zsh => zsh_ids(&script, &ids),
        Shell::Fish => format!("{script}{}", fish_ids(&ids, &command)),
        _ => script,
    };
    Ok(with_header(shell, &script, &loaded, lang))
}

/// The curriculum's ids with their descriptions (position and title), one line each.
struct Ids {
    topics: Vec<(String, String)>,
    stages: Vec<(String, String)>,
}

impl Ids {
    fn new(loaded: &Loaded, lang: Lang) -> Ids {
        let topics = loaded
            .order
            .iter()
            .map(|&pos| {
                let topic = loaded.topic(pos);
                (
                    topic.id.clone(),
                    one_line(&format!("{pos} {}", topic.title.get(lang))),
                )
            })
            .collect();
        let stages = loaded
            .curriculum
            .stages
            .iter()
            .enumerate()
            .map(|(s, stage)| {
                (
                    stage.id.clone(),
                    one_line(&format!("{} {}", s + 1, stage.title.get(lang))),
                )
            })
            .collect();
        Ids { topics, stages }
    }
}

/// A description on one line: a shell lists one candidate a line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The first lines of the script: what it is and how to install it, so the script explains
/// itself to someone who has no README at hand.
fn with_header(shell: Shell, script: &str, loaded: &Loaded, lang: Lang) -> String {
    let install = match shell {
        Shell::Bash => {
            "mkdir -p ~/.local/share/bash-completion/completions\n\
             studyplan completions bash > ~/.local/share/bash-completion/completions/studyplan"
        }
        Shell::Zsh => {
            "mkdir -p ~/.zfunc && studyplan completions zsh > ~/.zfunc/_studyplan\n\
             fpath=(~/.zfunc $fpath)   # in ~/.zshrc, before compinit"
        }
        Shell::Fish => {
            "mkdir -p ~/.config/fish/completions\n\
             studyplan completions fish > ~/.config/fish/completions/studyplan.fish"
        }
        Shell::PowerShell => {
            "studyplan completions powershell | Out-String | Invoke-Expression   # in $PROFILE"
        }
        _ => "eval (studyplan completions elvish | slurp)   # in ~/.config/elvish/rc.elv",
    };
    let mut header = String::new();
    let id = &loaded.curriculum.id;
    header.push_str(&match lang {
        Lang::En => format!("# Completion for studyplan, made with the curriculum `{id}`.\n"),
        Lang::Zh => format!("# studyplan 的补全脚本，按课程 `{id}` 生成。\n"),
    });
    header.push_str(&format!(
        "# {}\n",
        lang.pick(
            "Install it (and make it again after you change your curriculum):",
            "安装方法（更换课程后请重新生成）："
        )
    ));
    for line in install.lines() {
        header.push_str(&format!("#   {line}\n"));
    }
    header.push('\n');
    // zsh reads `#compdef` only on the first line.
    match script.split_once('\n') {
        Some((first, rest)) if first.starts_with("#compdef") => format!("{first}\n{header}{rest}"),
        _ => format!("{header}{script}"),
    }
}

/// Options that take a value (a date, if `dates`), spelled as typed (`--on`, `-o`), anywhere in
/// `command`.
fn value_options(command: &clap::Command, dates: bool) -> Vec<String> {
    let mut names = Vec::new();
    collect_value_options(command, dates, &mut names);
    names.sort();
    names.dedup();
    names
}

fn collect_value_options(command: &clap::Command, dates: bool, names: &mut Vec<String>) {
    for arg in command.get_arguments() {
        if arg.is_positional() || !arg.get_action().takes_values() || dates && !is_date(arg) {
            continue;
        }
        names.extend(arg.get_long().map(|long| format!("--{long}")));
        names.extend(arg.get_short().map(|short| format!("-{short}")));
    }
    for sub in command.get_subcommands() {
        collect_value_options(sub, dates, names);
    }
}

/// Bash: clap's script lists topic values among the options and offers file names where
/// nothing matches; this wrapper offers the ids alone where a command takes them, nothing
/// (not file names) where the argument is free text, and leaves options to clap's script.
fn bash_ids(ids: &Ids, command: &clap::Command) -> String {
    let words = |list: &[(String, String)]| {
        list.iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        r#"
# The topic and stage ids of the curriculum this script was made with.
_studyplan_topic_ids='{topics}'
_studyplan_stage_ids='{stages}'

_studyplan_with_ids() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} cmd= n=0 i=1 ids=
    while (( i < COMP_CWORD )); do
        case ${{COMP_WORDS[i]}} in
            {value_options})
                (( i += 2 ))
                [[ ${{COMP_WORDS[i-1]}} == = ]] && (( i++ ))
                continue ;;
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=${{COMP_WORDS[i]}}; else (( n++ )); fi ;;
        esac
        (( i++ ))
    done
    # A date is typed, never a file name.
    if (( i != COMP_CWORD )); then
        case ${{COMP_WORDS[COMP_CWORD-1]}} in
            {date_options})
                compopt +o default +o bashdefault 2>/dev/null
                COMPREPLY=()
                return ;;
        esac
    fi
    # An option's value, or an option: clap's script knows those.
    if (( i != COMP_CWORD )) || [[ $cur == -* ]]; then
        _studyplan "$@"
        return
    fi
    case $cmd in
        {topic_commands}) ids=$_studyplan_topic_ids ;;
        {one_topic_commands}) (( n == 0 )) && ids=$_studyplan_topic_ids ;;
        {stage_commands}) (( n == 0 )) && ids=$_studyplan_stage_ids ;;
        *) _studyplan "$@"; return ;;
    esac
    # Ids, or nothing at all: never file names for a topic or a note.
    compopt +o default +o bashdefault 2>/dev/null
    COMPREPLY=( $(compgen -W "$ids" -- "$cur") )
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _studyplan_with_ids -o nosort -o bashdefault -o default studyplan
else
    complete -F _studyplan_with_ids -o bashdefault -o default studyplan
fi
"#,
        topics = words(&ids.topics),
        stages = words(&ids.stages),
        value_options = value_options(command, false).join("|"),
        date_options = value_options(command, true).join("|"),
        topic_commands = TOPIC_COMMANDS.join("|"),
        one_topic_commands = ONE_TOPIC_COMMANDS.join("|"),
        stage_commands = ["list", "ls", "log"].join("|"),
    )
}

/// The command for clap's zsh script, with markers where the topic and stage lists go.
fn with_markers(mut command: clap::Command) -> clap::Command {
    let marker = |name: &'static str| PossibleValuesParser::new([PossibleValue::new(name)]);
    for name in TOPIC_COMMANDS {
        command = command.mut_subcommand(name, |sub| {
            sub.mut_arg("topics", |arg| arg.value_parser(marker(ZSH_TOPICS)))
        });
    }
    for name in ONE_TOPIC_COMMANDS {
        command = command.mut_subcommand(name, |sub| {
            sub.mut_arg("topic", |arg| arg.value_parser(marker(ZSH_TOPICS)))
        });
    }
    for name in STAGE_COMMANDS {
        command = command.mut_subcommand(name, |sub| {
            sub.mut_arg("stage", |arg| arg.value_parser(marker(ZSH_STAGES)))
        });
    }
    command
}

/// zsh: the markers become functions listing the ids with their descriptions through
/// `_describe`, which shows a description as it is, whatever characters a title has.
fn zsh_ids(script: &str, ids: &Ids) -> String {
    let script = script
        .replace(&format!("({ZSH_TOPICS})"), "_studyplan__topic_ids")
        .replace(&format!("({ZSH_STAGES})"), "_studyplan__stage_ids");
    let function = |name: &str, tag: &str, list: &[(String, String)]| {
        let mut out = format!("(( $+functions[{name}] )) ||\n{name}() {{\n    local -a ids=(\n");
        for (id, description) in list {
            // `_describe` reads a backslash as an escape, and a colon as the end of the id.
            let item = format!(
                "{}:{}",
                id.replace('\\', "\\\\").replace(':', "\\:"),
                description.replace('\\', "\\\\")
            );
            out.push_str(&format!("        '{}'\n", item.replace('\'', "'\\''")));
        }
        out.push_str(&format!(
            "    )\n    _describe -t {tag}s '{tag}' ids \"$@\"\n}}\n\n"
        ));
        out
    };
    let functions = format!(
        "# The topic and stage ids of the curriculum this script was made with.\n{}{}",
        function("_studyplan__topic_ids", "topic", &ids.topics),
        function("_studyplan__stage_ids", "stage", &ids.stages)
    );
    // Before the last lines, which run `_studyplan` when the file is autoloaded.
    match script.rfind("if [ \"$funcstack[1]\" = \"_studyplan\" ]") {
        Some(at) => format!("{}{functions}{}", &script[..at], &script[at..]),
        None => format!("{script}\n{functions}"),
    }
}

/// Fish: clap's script completes options only, and file names everywhere else. These lines add
/// the ids where a command takes them and turn file names off where no argument is a file.
fn fish_ids(ids: &Ids, command: &clap::Command) -> String {
    let quote = |text: &str| format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut out = String::from(
        "\n# No command takes a file as an argument, but `curriculum check`.\n\
         complete -c studyplan -n \"__fish_studyplan_needs_command\" -f\n",
    );
    let no_files: Vec<&str> = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|name| *name != "curriculum")
        .collect();
    out.push_str(&format!(
        "complete -c studyplan -n \"__fish_studyplan_using_subcommand {}\" -f\n",
        no_files.join(" ")
    ));
    out.push_str(
        "complete -c studyplan -n \"__fish_studyplan_using_subcommand curriculum; and not __fish_seen_subcommand_from check\" -f\n",
    );
    // A date is typed, never a file name.
    for sub in command.get_subcommands() {
        for arg in sub.get_arguments() {
            if let (true, Some(long)) = (is_date(arg), arg.get_long()) {
                out.push_str(&format!(
                    "complete -c studyplan -n \"__fish_studyplan_using_subcommand {}\" -l {long} -r -f\n",
                    sub.get_name()
                ));
            }
        }
    }
    out.push_str(&format!(
        "\n# Whether the command being typed has no argument yet besides its options.\n\
         function __fish_studyplan_no_argument_yet\n    \
             set -l tokens (commandline -opc)\n    \
             set -e tokens[1]\n    \
             argparse -s (__fish_studyplan_global_optspecs) -- $tokens 2>/dev/null\n    \
             or return 1\n    \
             set -e argv[1]\n    \
             argparse {} -- $argv 2>/dev/null\n    \
             or return 1\n    \
             test (count $argv) -eq 0\n\
         end\n",
        fish_optspecs(command).join(" ")
    ));
    out.push_str("\n# The topic and stage ids of the curriculum this script was made with.\n");
    let mut lines = |condition: &str, list: &[(String, String)]| {
        for (id, description) in list {
            out.push_str(&format!(
                "complete -c studyplan -n \"{condition}\" -f -a {} -d {}\n",
                quote(id),
                quote(description)
            ));
        }
    };
    lines(
        &format!(
            "__fish_studyplan_using_subcommand {}",
            TOPIC_COMMANDS.join(" ")
        ),
        &ids.topics,
    );
    lines(
        &format!(
            "__fish_studyplan_using_subcommand {}; and __fish_studyplan_no_argument_yet",
            ONE_TOPIC_COMMANDS.join(" ")
        ),
        &ids.topics,
    );
    lines(
        "__fish_studyplan_using_subcommand list ls log; and __fish_studyplan_no_argument_yet",
        &ids.stages,
    );
    out
}

/// Every option of `command` and its subcommands as fish's `argparse` spells it (`o/output=`).
fn fish_optspecs(command: &clap::Command) -> Vec<String> {
    fn collect(command: &clap::Command, specs: &mut Vec<String>) {
        for arg in command.get_arguments().filter(|arg| !arg.is_positional()) {
            let Some(long) = arg.get_long() else { continue };
            let short = arg.get_short().map(|s| format!("{s}/")).unwrap_or_default();
            let value = if arg.get_action().takes_values() {
                "="
            } else {
                ""
            };
            specs.push(format!("'{short}{long}{value}'"));
        }
        for sub in command.get_subcommands() {
            collect(sub, specs);
        }
    }
    let mut specs = Vec::new();
    collect(command, &mut specs);
    specs.sort();
    specs.dedup();
    specs
}

/// Whether an argument's value is a date.
fn is_date(arg: &clap::Arg) -> bool {
    arg.get_value_names()
        .is_some_and(|names| names.iter().any(|name| name == "DATE"))
}
