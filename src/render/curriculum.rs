//! `curriculum check`: what a sound curriculum file holds, in brief.

use comfy_table::{Cell, CellAlignment};

use super::{Style, label};
use crate::curriculum::Loaded;
use crate::i18n::{Header, Label, Msg};

/// The summary of a curriculum that passed every check.
pub fn summary(loaded: &Loaded, style: &Style) -> String {
    let lang = style.lang;
    let c = &loaded.curriculum;
    let days: i64 = c.stages.iter().map(|stage| stage.days).sum();
    let mut out = format!(
        "{}\n",
        lang.say(Msg::SoundCurriculum {
            source: &loaded.source
        })
    );
    let line = |out: &mut String, word: Label, value: String| {
        out.push_str(&label(word, lang));
        out.push_str(&value);
        out.push('\n');
    };
    line(&mut out, Label::Id, c.id.clone());
    line(&mut out, Label::Title, c.title.get(lang).to_owned());
    if let Some(description) = &c.description {
        let lines: Vec<&str> = description.get(lang).lines().collect();
        line(
            &mut out,
            Label::About,
            lines.join(&format!("\n{}", " ".repeat(12))),
        );
    }
    line(&mut out, Label::Stages, c.stages.len().to_string());
    line(&mut out, Label::Topics, loaded.topic_count().to_string());
    line(&mut out, Label::Days, days.to_string());
    line(&mut out, Label::Band, super::band_text(c.band));
    if let Some(genius) = c.genius_days {
        line(
            &mut out,
            Label::Genius,
            lang.say(Msg::GeniusWindow { days: genius }).into_owned(),
        );
    }
    let mut table = style.table();
    let word = |header| lang.say(Msg::Header(header));
    table.set_header([
        "#".into(),
        word(Header::Stage),
        word(Header::Id),
        word(Header::Days),
        word(Header::Topics),
    ]);
    for (s, stage) in c.stages.iter().enumerate() {
        table.add_row([
            Cell::new(s + 1),
            Cell::new(stage.title.get(lang)),
            Cell::new(&stage.id),
            Cell::new(stage.days).set_alignment(CellAlignment::Right),
            Cell::new(stage.topics.len()).set_alignment(CellAlignment::Right),
        ]);
    }
    let layout = style.fit(&mut table, &[0, 2, 3, 4], &[], 16);
    out.push_str(&format!("{}\n", style.show(&table, &layout)));
    out
}
