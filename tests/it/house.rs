//! The shape of the code itself: imports between the program's modules go one way, so each
//! module can be read, and changed, knowing only what is below it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level module a source file belongs to: `src/render/list.rs` is `render`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_owned()
}

/// The top-level modules `source` names as `crate::NAME`, leaving out its tests (a test module
/// may reach anywhere).
fn imports(source: &str) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    code.match_indices("crate::")
        .filter_map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let name = &rest[..end];
            // Lowercase names are modules; `crate::Error` and the like are items of `lib`.
            name.starts_with(|c: char| c.is_ascii_lowercase())
                .then(|| name.to_owned())
        })
        .collect()
}

/// Every module's imports of other modules.
fn graph(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, source) in files {
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(imports(source).into_iter().filter(|name| name != module));
    }
    graph
}

/// A circle of imports, as the modules along it, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|seen| seen == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let module = module_of(path.strip_prefix(root).unwrap());
            out.push((module, fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn imports_between_modules_go_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    let graph = graph(&files);
    assert!(graph.len() > 10, "{graph:?}");
    if let Some(circle) = circle(&graph) {
        panic!(
            "the modules import each other in a circle: {}",
            circle.join(" -> ")
        );
    }
}

#[test]
fn a_circle_of_imports_is_found() {
    let file = |module: &str, source: &str| (module.to_owned(), source.to_owned());
    let files = [
        file("cli", "use crate::error::prefix;\nuse crate::Error;"),
        file("error", "use crate::file_kind::Kind;"),
        file("file_kind", "use crate::cli::ReportFormat;"),
        file("wrap", "#[cfg(test)]\nmod tests { use crate::cli; }"),
    ];
    assert_eq!(
        circle(&graph(&files)),
        Some(vec![
            "cli".to_owned(),
            "error".to_owned(),
            "file_kind".to_owned(),
            "cli".to_owned()
        ])
    );
    assert_eq!(circle(&graph(&files[1..])), None);
}
