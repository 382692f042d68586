//! `man`: the manual page, in roff, made by clap_mangen from the same definition as the help,
//! in the interface language: one page with every command, so one file installs it all.

use crate::cli;
use crate::i18n::{Lang, ManSection, Msg};

/// The page for `lang`.
pub fn run(lang: Lang) -> anyhow::Result<String> {
    let mut command = cli::described_command(lang);
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let commands = lang.say(Msg::ManSection(ManSection::Commands));
    page.extend_from_slice(format!(".SH {commands}\n").as_bytes());
    for sub in command.get_subcommands() {
        render_command(sub, "studyplan", &mut page)?;
    }
    man.render_extra_section(&mut page)?;
    man.render_version_section(&mut page)?;
    let page = once_defined(&String::from_utf8_lossy(&page));
    Ok(match lang {
        Lang::En => page,
        Lang::Zh => in_chinese(&page),
    })
}

/// The page with the string definition clap_mangen puts before every part it renders kept once,
/// at the top.
fn once_defined(page: &str) -> String {
    let preamble = [".ie \\n(.g .ds Aq \\(aq", ".el .ds Aq '"];
    let mut out: String = preamble.iter().map(|line| format!("{line}\n")).collect();
    for line in page.lines().filter(|line| !preamble.contains(line)) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One command as a subsection of the commands: its usage, what it does and its own options
/// (the global ones are described once, at the top), then its subcommands.
fn render_command(
    command: &clap::Command,
    parent: &str,
    page: &mut Vec<u8>,
) -> std::io::Result<()> {
    if command.is_hide_set() || command.get_name() == "help" {
        return Ok(());
    }
    let name = format!("{parent} {}", command.get_name());
    let globals: Vec<String> = command
        .get_arguments()
        .filter(|arg| arg.is_global_set() || matches!(arg.get_id().as_str(), "help" | "version"))
        .map(|arg| arg.get_id().to_string())
        .collect();
    let mut own = command.clone().bin_name(&name);
    for id in globals {
        own = own.mut_arg(id, |arg| arg.hide(true));
    }
    let man = clap_mangen::Man::new(own);
    let mut body = Vec::new();
    man.render_synopsis_section(&mut body)?;
    man.render_description_section(&mut body)?;
    if command.get_arguments().any(|arg| !arg.is_hide_set()) {
        man.render_options_section(&mut body)?;
    }
    page.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
    // Inside a subsection, the sections clap_mangen starts are paragraphs.
    for line in String::from_utf8_lossy(&body).lines() {
        let line = if line.starts_with(".SH ") { ".P" } else { line };
        page.extend_from_slice(line.as_bytes());
        page.push(b'\n');
    }
    for sub in command.get_subcommands() {
        render_command(sub, &name, page)?;
    }
    Ok(())
}

/// The page with clap_mangen's section headings, which are the catalog's English ones, in
/// Chinese, set ragged-right, and
/// with a break point (`\:`) after each wide character: Chinese has few spaces, which are the
/// only places roff breaks a line otherwise.
fn in_chinese(page: &str) -> String {
    let mut out = String::with_capacity(page.len() * 2);
    for line in page.lines() {
        let heading = line.strip_prefix(".SH ").map(|h| h.trim_matches('"'));
        let section = heading.and_then(|heading| {
            ManSection::ALL
                .into_iter()
                .find(|&section| Lang::En.say(Msg::ManSection(section)) == heading)
        });
        if let Some(section) = section {
            let zh = Lang::Zh.say(Msg::ManSection(section));
            out.push_str(&format!(".SH {zh}\n"));
            continue;
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            out.push(c);
            // Never before closing punctuation, which does not start a line, nor after opening.
            let closes = chars
                .peek()
                .is_some_and(|next| "。，、；：？！）」』”》".contains(*next));
            let opens = "“（「『《".contains(c);
            let text = !line.starts_with('.');
            if text && unicode_width::UnicodeWidthChar::width(c) == Some(2) && !closes && !opens {
                out.push_str("\\:");
            }
        }
        out.push('\n');
        if line.starts_with(".TH ") {
            out.push_str(".ad l\n");
        }
    }
    out
}
