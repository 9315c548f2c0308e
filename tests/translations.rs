//! Every text of the product exists in both languages: each key of `assets/locales/*.yml` has a
//! non-empty `vi` and `en`, and every key the code asks for is defined.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

/// The keys of every locale file, each with the languages it is given in.
fn keys() -> BTreeMap<String, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
    let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut current = None;
        for line in text.lines() {
            if line.starts_with("_version") || line.trim().is_empty() {
                continue;
            }
            if let Some(key) = line.strip_suffix(':').filter(|_| !line.starts_with(' ')) {
                assert!(!keys.contains_key(key), "{key} is defined twice");
                keys.insert(key.to_owned(), Vec::new());
                current = Some(key.to_owned());
            } else if let Some((lang, value)) = line.trim().split_once(':') {
                let value = value.trim().trim_matches('"');
                assert!(!value.is_empty(), "{current:?}.{lang} is empty");
                keys.get_mut(current.as_ref().unwrap())
                    .unwrap()
                    .push(lang.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_key_is_in_vietnamese_and_english() {
    let keys = keys();
    assert!(keys.len() > 150, "{} keys", keys.len());
    for (key, langs) in &keys {
        let mut langs = langs.clone();
        langs.sort();
        assert_eq!(langs, ["en", "vi"], "{key}");
    }
}

#[test]
fn every_key_the_code_names_is_defined() {
    let keys = keys();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Literal keys: "app.…", "cli.…", "number.…" in quotes.
            for prefix in [
                "\"app.",
                "\"cli.",
                "\"error.",
                "\"number.",
                "\"sentence.",
                "\"change.",
                "\"plan_words.",
            ] {
                for (at, _) in text.match_indices(prefix) {
                    let rest = &text[at + 1..];
                    let end = rest.find('"').unwrap();
                    let key = &rest[..end];
                    if key.ends_with('.') || key.contains('{') || key.contains(' ') {
                        continue;
                    }
                    assert!(
                        keys.contains_key(key),
                        "{}: {key} is not translated",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} keys found in the code");
}
