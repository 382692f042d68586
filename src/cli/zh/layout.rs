//! The Chinese help's layout: headings, usage lines and notes handed to clap's help writer, so
//! that nothing it writes needs editing afterwards.

use clap::{Arg, ArgAction, Command};

use super::{ARGS_HEADING, COMMANDS_HEADING, GLOBAL_HEADING, OPTIONS_HEADING};

/// The [`translate`](super::translate)d command laid out for clap's help writer, which writes the English words
/// `Usage:`, `[OPTIONS]`, `[env: ...]`, `[default: ...]`, `[aliases: ...]` and a `:` after each
/// heading of `{all-args}`. So each command gets instead: a template with Chinese headings around
/// clap's `{subcommands}`, `{positionals}` and `{options}`; its usage line, written here; and the
/// notes, in its arguments' help. `{options}` lists every option, so the global ones are hidden
/// there and listed after them, as clap renders them on their own, in the after-help.
pub fn lay_out(command: Command) -> Command {
    let globals: Vec<Arg> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set() && !arg.is_hide_set())
        .cloned()
        .map(with_notes)
        .collect();
    let sections = GlobalSections {
        short: global_section(&globals, false),
        long: global_section(&globals, true),
    };
    let bin = command.get_name().to_owned();
    lay_out_command(command, &bin, &sections)
}

/// The global options as clap lists them, under their heading, in short and in long help.
struct GlobalSections {
    short: Option<String>,
    long: Option<String>,
}

fn global_section(globals: &[Arg], long: bool) -> Option<String> {
    if globals.is_empty() {
        return None;
    }
    let mut list = Command::new("studyplan")
        .term_width(0)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .help_template("{options}")
        .args(globals.iter().cloned());
    let text = if long {
        list.render_long_help()
    } else {
        list.render_help()
    };
    // clap ends the help it renders with a newline; here it is a section among others.
    Some(format!(
        "{GLOBAL_HEADING}：\n{}",
        text.to_string().trim_end()
    ))
}

/// `command`, named `bin` in its usage (`studyplan curriculum check`), and its subcommands, laid
/// out as [`lay_out`] says.
fn lay_out_command(mut command: Command, bin: &str, globals: &GlobalSections) -> Command {
    let usage = usage_line(&command, bin);
    let long = has_long_help(&command);
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .filter(|arg| !arg.is_hide_set())
        .map(|arg| (arg.get_id().to_string(), arg.is_global_set()))
        .collect();
    let has_globals = ids.iter().any(|(_, global)| *global);
    for (id, global) in ids {
        command = command.mut_arg(id, |arg| {
            if global {
                arg.hide(true)
            } else {
                with_notes(arg)
            }
        });
    }
    // A subcommand's aliases are noted in the list of its parent, which shows its about.
    let about = command.get_about().map(ToString::to_string);
    let aliases: Vec<String> = command.get_visible_aliases().map(str::to_owned).collect();
    let about_tag = match &about {
        Some(about) if !aliases.is_empty() => {
            debug_assert!(command.get_long_about().is_none() && !about.contains('{'));
            let all: Vec<String> = command.get_all_aliases().map(str::to_owned).collect();
            command = command
                .visible_alias(None)
                .aliases(all)
                .about(format!("{about} [别名：{}]", aliases.join("、")));
            format!("{about}\n")
        }
        _ => "{about-with-newline}".to_owned(),
    };
    let mut sections = Vec::new();
    if command.get_subcommands().any(|sub| !sub.is_hide_set()) {
        let heading = command
            .get_subcommand_help_heading()
            .unwrap_or(COMMANDS_HEADING);
        sections.push(format!("{heading}：\n{{subcommands}}"));
    }
    if command.get_positionals().any(|arg| !arg.is_hide_set()) {
        sections.push(format!("{ARGS_HEADING}：\n{{positionals}}"));
    }
    if command
        .get_arguments()
        .any(|arg| !arg.is_positional() && !arg.is_hide_set())
    {
        sections.push(format!("{OPTIONS_HEADING}：\n{{options}}"));
    }
    let sections = if sections.is_empty() {
        String::new()
    } else {
        format!("\n\n{}", sections.join("\n\n"))
    };
    let after = |global: &Option<String>, own: Option<String>| -> Option<String> {
        let parts: Vec<String> = [global.clone().filter(|_| has_globals), own]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    };
    let own_after = command.get_after_help().map(ToString::to_string);
    let own_after_long = command.get_after_long_help().map(ToString::to_string);
    let after_help = after(&globals.short, own_after.clone());
    let after_long_help = after(&globals.long, own_after_long.or(own_after));
    command = command
        .help_template(format!(
            "{{before-help}}{about_tag}\n用法：{{usage}}{sections}{{after-help}}"
        ))
        .override_usage(usage)
        // clap wraps only at spaces; `fit_help` wraps Chinese text where it may break.
        .term_width(0);
    if let Some(after_help) = after_help {
        command = command.after_help(after_help);
    }
    if let Some(after_long_help) = after_long_help.filter(|_| long) {
        command = command.after_long_help(after_long_help);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_bin = format!("{bin} {name}");
        command = command.mut_subcommand(name, |sub| lay_out_command(sub, &sub_bin, globals));
    }
    command
}

/// Whether `--help` shows `command`'s long help, by clap's rule: something has a long text.
fn has_long_help(command: &Command) -> bool {
    command.get_long_about().is_some()
        || command.get_before_long_help().is_some()
        || command.get_after_long_help().is_some()
        || command.get_arguments().any(|arg| {
            !arg.is_hide_set()
                && (arg.get_long_help().is_some()
                    || arg.is_hide_long_help_set()
                    || arg.is_hide_short_help_set()
                    || (!arg.is_hide_possible_values_set()
                        && arg
                            .get_possible_values()
                            .iter()
                            .any(|value| !value.is_hide_set() && value.get_help().is_some())))
        })
}

/// The usage line clap would write for `command`, named `bin`, with Chinese placeholders:
/// `studyplan list [选项] [STAGE]`.
fn usage_line(command: &Command, bin: &str) -> String {
    let mut words = vec![bin.to_owned()];
    let has_options = command.get_arguments().any(|arg| {
        !arg.is_positional()
            && !arg.is_hide_set()
            && !arg.is_required_set()
            && !matches!(
                arg.get_action(),
                ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
            )
    });
    if has_options {
        words.push(format!("[{OPTIONS_HEADING}]"));
    }
    words.extend(
        command
            .get_positionals()
            .filter(|arg| !arg.is_hide_set())
            .map(ToString::to_string),
    );
    if command.get_subcommands().any(|sub| !sub.is_hide_set()) {
        let name = command
            .get_subcommand_value_name()
            .unwrap_or(COMMANDS_HEADING);
        words.push(if command.is_subcommand_required_set() {
            format!("<{name}>")
        } else {
            format!("[{name}]")
        });
    }
    words.join(" ")
}

/// `arg` with the notes clap would add in English (`[env: X]`, `[default: X]`) in Chinese at the
/// end of its help instead, where clap puts them: after a space, or in long help a blank line.
pub(super) fn with_notes(arg: Arg) -> Arg {
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push(format!("[环境变量：{}]", env.to_string_lossy()));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        notes.push(format!("[默认：{}]", defaults.join(" ")));
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let (short, long) = if help.is_empty() {
        (notes.join(" "), notes.join("\n"))
    } else {
        (
            format!("{help} {}", notes.join(" ")),
            format!("{help}\n\n{}", notes.join("\n")),
        )
    };
    arg.hide_env(true)
        .hide_default_value(true)
        .help(short)
        .long_help(long)
}
