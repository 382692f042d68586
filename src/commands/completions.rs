//! `completions`: a completion script for a shell, generated from the command line's definition.
//! In bash, zsh and fish the script asks the program itself for the ids at each TAB
//! (`studyplan __complete`, [`ids`]): topic ids after `done`, `start`, `skip`, `undo`, `show` and
//! `note`, as fit each, and stage ids after `list` and `log`, from the curriculum in use then.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::CommandFactory as _;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use crate::cli::{self, ColorChoice, GlobalArgs};
use crate::config::{self, Settings};
use crate::curriculum::{self, Loaded};
use crate::i18n::{Lang, Msg};
use crate::progress::{self, State};
use crate::store::Store;

/// The commands that take any number of topics.
const TOPIC_COMMANDS: [&str; 5] = ["done", "start", "skip", "undo", "review"];

/// The commands whose first argument is one topic.
const ONE_TOPIC_COMMANDS: [&str; 2] = ["show", "note"];

/// The commands whose first argument is a stage.
const STAGE_COMMANDS: [&str; 2] = ["list", "log"];

/// Stands in for the topic and stage lists in clap's zsh script, where our own functions go.
const ZSH_TOPICS: &str = "__studyplan_topics__";
const ZSH_STAGES: &str = "__studyplan_stages__";

/// The script for `shell`; its descriptions are in the interface language.
pub fn run(shell: Shell, settings: &Settings) -> String {
    let lang = settings.lang;
    let mut command = cli::completion_command(lang);
    if shell == Shell::Zsh {
        command = with_markers(command);
    }
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "studyplan", &mut script);
    let script = String::from_utf8_lossy(&script).into_owned();
    let script = match shell {
        Shell::Bash => format!("{script}{}", bash_ids(&command)),
        Shell::Zsh => zsh_ids(&script),
        Shell::Fish => format!("{script}{}", fish_ids(&command)),
        _ => script,
    };
    with_header(shell, &script, lang)
}

/// Which ids a command's argument takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wanted {
    /// Topics in one of these states.
    Topics(&'static [State]),
    /// Stages.
    Stages,
}

impl Wanted {
    /// What the command `name` takes: only the topics a change would change, as the learner
    /// stands now.
    fn of(name: &str) -> Option<Wanted> {
        use State::*;
        Some(match name {
            "done" => Wanted::Topics(&[Todo, InProgress, Skipped]),
            "start" => Wanted::Topics(&[Todo, Skipped]),
            "skip" => Wanted::Topics(&[Todo, InProgress]),
            "undo" => Wanted::Topics(&[InProgress, Done, Skipped]),
            "review" => Wanted::Topics(&[Done]),
            "show" | "note" => Wanted::Topics(&[Todo, InProgress, Done, Skipped]),
            "list" | "log" => Wanted::Stages,
            _ => return None,
        })
    }
}

/// The ids to offer where the command line `words` (typed after `studyplan`, before the word
/// being completed) wants a topic or a stage, one a line as `shell` reads them. The curriculum
/// is the one the line names (`--curriculum`), else the one in use; topics are those the
/// command would change, by the store the line names or the one in use. Never fails (what goes
/// wrong leaves nothing to offer, or every id when only the store cannot be read) and never
/// writes anything: it runs at every TAB.
pub fn ids(shell: Option<Shell>, words: &[OsString]) -> String {
    shell
        .and_then(|shell| offered(shell, words))
        .unwrap_or_default()
}

fn offered(shell: Shell, words: &[OsString]) -> Option<String> {
    let words = typed_words(shell, words);
    let argv = std::iter::once(OsString::from("studyplan")).chain(words);
    let matches = cli::Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(argv)
        .ok()?;
    let (name, sub) = matches.subcommand()?;
    let wanted = Wanted::of(name)?;
    let path = |id: &str| {
        sub.try_get_one::<PathBuf>(id)
            .ok()
            .flatten()
            .map(|path| config::typed_path(path))
    };
    let global = GlobalArgs {
        curriculum: path("curriculum"),
        store: path("store"),
        lang: sub.try_get_one::<Lang>("lang").ok().flatten().copied(),
        color: ColorChoice::Never,
        border: None,
        no_review: false,
    };
    let settings = Settings::from_args(&global).ok()?;
    let loaded = curriculum::load(&settings.curriculum).ok()?;
    let ids = Ids::new(&loaded, settings.lang);
    let list = match wanted {
        Wanted::Stages => ids.stages,
        Wanted::Topics(states) => match Store::read(&settings.store) {
            Ok(mut store) => {
                store
                    .events
                    .retain(|event| super::counts_by(event, settings.today));
                let replay = progress::replay(&loaded, &store.events);
                ids.topics
                    .into_iter()
                    .zip(&replay.topics)
                    .filter(|(_, progress)| states.contains(&progress.state))
                    .map(|(id, _)| id)
                    .collect()
            }
            Err(_) => ids.topics,
        },
    };
    let mut out = String::new();
    for (id, description) in list {
        match shell {
            // `_describe` reads a backslash as an escape, and a colon as the end of the id.
            Shell::Zsh => out.push_str(&format!(
                "{}:{}\n",
                id.replace('\\', "\\\\").replace(':', "\\:"),
                description.replace('\\', "\\\\")
            )),
            Shell::Fish => out.push_str(&format!("{id}\t{description}\n")),
            _ => out.push_str(&format!("{id}\n")),
        }
    }
    Some(out)
}

/// The words as the program would get them. bash hands them over as typed, quotes and all, and
/// splits `--store=FILE` at the `=`; zsh and fish take the quotes off themselves.
fn typed_words(shell: Shell, words: &[OsString]) -> Vec<OsString> {
    if shell != Shell::Bash {
        return words.to_vec();
    }
    let words: Vec<String> = words
        .iter()
        .map(|word| unquote_bash(&word.to_string_lossy()))
        .collect();
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        match joined.last_mut() {
            Some(option) if word == "=" && option.starts_with("--") && !option.contains('=') => {
                option.push('=');
                option.push_str(&words.next().unwrap_or_default());
            }
            _ => joined.push(word),
        }
    }
    joined.into_iter().map(OsString::from).collect()
}

/// A word as bash would read it: quotes removed, backslash escapes undone.
fn unquote_bash(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => out.extend(chars.by_ref().take_while(|&c| c != '\'')),
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(next @ ('"' | '\\' | '$' | '`')) => out.push(next),
                            Some(next) => {
                                out.push('\\');
                                out.push(next);
                            }
                            None => out.push('\\'),
                        },
                        c => out.push(c),
                    }
                }
            }
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
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
fn with_header(shell: Shell, script: &str, lang: Lang) -> String {
    // The commands, and for the last: the file it goes in, and what it goes before there.
    let (install, goes_in): (&str, Option<(&str, Option<&str>)>) = match shell {
        Shell::Bash => (
            "mkdir -p ~/.local/share/bash-completion/completions\n\
             studyplan completions bash > ~/.local/share/bash-completion/completions/studyplan",
            None,
        ),
        Shell::Zsh => (
            "mkdir -p ~/.zfunc && studyplan completions zsh > ~/.zfunc/_studyplan\n\
             fpath=(~/.zfunc $fpath)",
            Some(("~/.zshrc", Some("compinit"))),
        ),
        Shell::Fish => (
            "mkdir -p ~/.config/fish/completions\n\
             studyplan completions fish > ~/.config/fish/completions/studyplan.fish",
            None,
        ),
        Shell::PowerShell => (
            "studyplan completions powershell | Out-String | Invoke-Expression",
            Some(("$PROFILE", None)),
        ),
        _ => (
            "eval (studyplan completions elvish | slurp)",
            Some(("~/.config/elvish/rc.elv", None)),
        ),
    };
    let mut header = String::new();
    header.push_str(&format!("# {}\n", lang.say(Msg::CompletionFor)));
    if matches!(shell, Shell::Bash | Shell::Zsh | Shell::Fish) {
        header.push_str(&format!("# {}\n", lang.say(Msg::CompletionAsksForIds)));
    }
    header.push_str(&format!("# {}\n", lang.say(Msg::CompletionInstall)));
    let lines: Vec<&str> = install.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        header.push_str(&format!("#   {line}"));
        if n + 1 == lines.len()
            && let Some((file, before)) = goes_in
        {
            header.push_str(&format!(
                "   # {}",
                lang.say(Msg::CompletionGoesIn { file, before })
            ));
        }
        header.push('\n');
    }
    header.push('\n');
    // zsh reads `#compdef` only on the first line.
    match script.split_once('\n') {
        Some((first, rest)) if first.starts_with("#compdef") => format!("{first}\n{header}{rest}"),
        _ => format!("{header}{script}"),
    }
}

/// Options that take a value (a typed one, a date or a number, if `dates`), spelled as typed (`--on`, `-o`), anywhere in
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
        if arg.is_positional() || !arg.get_action().takes_values() || dates && !is_typed(arg) {
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
fn bash_ids(command: &clap::Command) -> String {
    format!(
        r#"
_studyplan_with_ids() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} cmd= n=0 i=1 want=
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
    # A date or a number is typed, never a file name.
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
        {topic_commands}) want=1 ;;
        {one_topic_commands}|{stage_commands}) (( n == 0 )) && want=1 ;;
        *) _studyplan "$@"; return ;;
    esac
    # Ids, or nothing at all: never file names for a topic or a note. studyplan says which ids
    # fit, for the curriculum and the store of the line.
    compopt +o default +o bashdefault 2>/dev/null
    COMPREPLY=()
    [[ -n $want ]] || return
    local id
    while IFS= read -r id; do
        [[ $id == "$cur"* ]] && COMPREPLY+=("$id")
    done < <(studyplan __complete --shell bash -- "${{COMP_WORDS[@]:1:COMP_CWORD-1}}" 2>/dev/null)
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _studyplan_with_ids -o nosort -o bashdefault -o default studyplan
else
    complete -F _studyplan_with_ids -o bashdefault -o default studyplan
fi
"#,
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
            let sub = sub.mut_arg("topic", |arg| arg.value_parser(marker(ZSH_TOPICS)));
            // `mut_arg` puts the argument last, and clap's script lists positionals in that
            // order: the note's text goes back after its topic.
            let has_text = sub.get_arguments().any(|arg| arg.get_id() == "text");
            if has_text {
                sub.mut_arg("text", |arg| arg)
            } else {
                sub
            }
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
/// `_describe`, which shows a description as it is, whatever characters a title has. The ids
/// come from studyplan, given the whole line left of the cursor: `_arguments` keeps in `words`
/// only those of the command being completed, not the options before it.
fn zsh_ids(script: &str) -> String {
    // A topic comes first even where `note --edit` or `--delete` goes without one: as optional
    // (`::`), zsh would offer the words after it in its place too.
    let script = script
        .replace("'::topic -- ", "':topic -- ")
        .replace(&format!("({ZSH_TOPICS})"), "_studyplan__topic_ids")
        .replace(&format!("({ZSH_STAGES})"), "_studyplan__stage_ids");
    let functions = r#"(( $+functions[_studyplan__ids] )) ||
_studyplan__ids() {
    local tag=$1 typed
    shift
    typed=("${(@Q)${(z)LBUFFER}}")
    # The word being typed is completed, not passed.
    [[ $LBUFFER == *[[:space:]] ]] || typed[-1]=()
    local -a ids
    ids=("${(@f)$(studyplan __complete --shell zsh -- "${(@)typed[2,-1]}" 2>/dev/null)}")
    ids=("${(@)ids:#}")
    _describe -t ${tag}s $tag ids "$@"
}

(( $+functions[_studyplan__topic_ids] )) ||
_studyplan__topic_ids() {
    _studyplan__ids topic "$@"
}

(( $+functions[_studyplan__stage_ids] )) ||
_studyplan__stage_ids() {
    _studyplan__ids stage "$@"
}

"#;
    // Before the last lines, which run `_studyplan` when the file is autoloaded.
    match script.rfind("if [ \"$funcstack[1]\" = \"_studyplan\" ]") {
        Some(at) => format!("{}{functions}{}", &script[..at], &script[at..]),
        None => format!("{script}\n{functions}"),
    }
}

/// Fish: clap's script completes options only, and file names everywhere else. These lines add
/// the ids where a command takes them and turn file names off where no argument is a file.
fn fish_ids(command: &clap::Command) -> String {
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
    // A date or a number is typed, never a file name.
    for sub in command.get_subcommands() {
        for arg in sub.get_arguments() {
            if let (true, Some(long)) = (is_typed(arg), arg.get_long()) {
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
    out.push_str(
        "\n# The ids studyplan says fit, for the curriculum and the store of the line.\n\
         function __fish_studyplan_ids\n    \
             set -l tokens (commandline -opc)\n    \
             set -e tokens[1]\n    \
             studyplan __complete --shell fish -- $tokens 2>/dev/null\n\
         end\n",
    );
    for condition in [
        format!(
            "__fish_studyplan_using_subcommand {}",
            TOPIC_COMMANDS.join(" ")
        ),
        format!(
            "__fish_studyplan_using_subcommand {}; and __fish_studyplan_no_argument_yet",
            ONE_TOPIC_COMMANDS.join(" ")
        ),
        "__fish_studyplan_using_subcommand list ls log; and __fish_studyplan_no_argument_yet"
            .into(),
    ] {
        out.push_str(&format!(
            "complete -c studyplan -n \"{condition}\" -f -a \"(__fish_studyplan_ids)\"\n"
        ));
    }
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

/// Whether an argument's value is typed, never a file's name: a date, or a number.
fn is_typed(arg: &clap::Arg) -> bool {
    arg.get_value_names()
        .is_some_and(|names| names.iter().any(|name| name == "DATE" || name == "N"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bash_words_are_read_as_bash_reads_them() {
        for (typed, read) in [
            ("plain", "plain"),
            ("'my plan.yaml'", "my plan.yaml"),
            (r#""my \"plan\".yaml""#, r#"my "plan".yaml"#),
            (r#""a\b""#, r"a\b"),
            (r"my\ plan.yaml", "my plan.yaml"),
            ("it's'.yaml", "its.yaml"),
            ("'unclosed", "unclosed"),
        ] {
            assert_eq!(unquote_bash(typed), read, "{typed}");
        }
        let words = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            typed_words(
                Shell::Bash,
                &words(&["--curriculum", "=", "'a b.yaml'", "done", "=", "--on=", "="])
            ),
            words(&["--curriculum=a b.yaml", "done", "=", "--on=", "="])
        );
        assert_eq!(
            typed_words(Shell::Zsh, &words(&["--store", "=", "x"])),
            words(&["--store", "=", "x"])
        );
    }

    #[test]
    fn each_command_wants_the_ids_it_takes() {
        use State::*;
        assert_eq!(Wanted::of("list"), Some(Wanted::Stages));
        assert_eq!(
            Wanted::of("undo"),
            Some(Wanted::Topics(&[InProgress, Done, Skipped]))
        );
        for none in ["status", "report", "begin", "forget", "curriculum", "ls"] {
            assert_eq!(Wanted::of(none), None, "{none}");
        }
    }
}
