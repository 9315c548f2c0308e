//! Plans as they are worded ("Dưới 3%", "trên 150", "khoảng 4", "tăng 10% so với cùng kỳ",
//! "bằng cùng kỳ", and their English forms): the words read into the form they give the plan,
//! the number left for the number parser.
//!
//! Words are matched whole, in either language whatever the reader's, ignoring case and tone
//! marks (a keyboard without Telex types "duoi 3%"): a plan typed in English reads the same in a
//! Vietnamese session, and the form of a stored plan is read again from its text as typed alone,
//! without its number, so that the number style the text was typed in does not matter.

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

use crate::domain::Lang;

/// The form the words give a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// A ceiling: "dưới", "không quá", "≤", "at most", "below".
    AtMost,
    /// A floor: "trên", "tối thiểu", "ít nhất", "≥", "at least", "above".
    AtLeast,
    /// "khoảng", "about", "~".
    About,
    /// "bằng cùng kỳ", "same as last year".
    Same,
    /// "tăng …" or "giảm …" on last year, by a per cent or (rates) by points; `measure` is
    /// `None` when the words say neither.
    Change {
        down: bool,
        measure: Option<Measure>,
    },
}

/// What a change on last year is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Measure {
    /// Per cent of last year's value ("tăng 10%").
    Percent,
    /// Percentage points, for rates ("giảm 0,5 điểm %").
    Points,
}

/// A worded plan taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Wording {
    pub form: Form,
    /// The number as typed, without the words ("3%", "0,5"); empty for "bằng cùng kỳ".
    pub number: String,
    /// The language of the words; `None` for signs ("≤ 3").
    pub lang: Option<Lang>,
}

/// Phrases, each as its words folded (lower case, no tone marks, "đ" as "d", "kì" as "kỳ"), with
/// the language they are in.
type Phrases = &'static [(&'static str, Lang)];

const AT_MOST: Phrases = &[
    ("duoi", Lang::Vi),
    ("khong qua", Lang::Vi),
    ("khong vuot qua", Lang::Vi),
    ("khong cao hon", Lang::Vi),
    ("toi da", Lang::Vi),
    ("below", Lang::En),
    ("under", Lang::En),
    ("at most", Lang::En),
    ("no more than", Lang::En),
    ("not more than", Lang::En),
    ("not above", Lang::En),
    ("not over", Lang::En),
    ("up to", Lang::En),
    ("maximum", Lang::En),
    ("max", Lang::En),
    ("max.", Lang::En),
];

const AT_LEAST: Phrases = &[
    ("tren", Lang::Vi),
    ("toi thieu", Lang::Vi),
    ("it nhat", Lang::Vi),
    ("khong duoi", Lang::Vi),
    ("khong thap hon", Lang::Vi),
    ("above", Lang::En),
    ("over", Lang::En),
    ("at least", Lang::En),
    ("more than", Lang::En),
    ("no less than", Lang::En),
    ("not less than", Lang::En),
    ("not below", Lang::En),
    ("not under", Lang::En),
    ("minimum", Lang::En),
    ("min", Lang::En),
    ("min.", Lang::En),
];

const ABOUT: Phrases = &[
    ("khoang", Lang::Vi),
    ("xap xi", Lang::Vi),
    ("uoc khoang", Lang::Vi),
    ("about", Lang::En),
    ("around", Lang::En),
    ("approx", Lang::En),
    ("approx.", Lang::En),
    ("approximately", Lang::En),
    ("roughly", Lang::En),
    ("circa", Lang::En),
    ("ca.", Lang::En),
];

const UP: Phrases = &[
    ("tang", Lang::Vi),
    ("tang them", Lang::Vi),
    ("tang truong", Lang::Vi),
    ("up", Lang::En),
    ("up by", Lang::En),
    ("increase", Lang::En),
    ("increase by", Lang::En),
    ("rise", Lang::En),
    ("rise by", Lang::En),
];

const DOWN: Phrases = &[
    ("giam", Lang::Vi),
    ("giam them", Lang::Vi),
    ("down", Lang::En),
    ("down by", Lang::En),
    ("decrease", Lang::En),
    ("decrease by", Lang::En),
    ("reduce by", Lang::En),
    ("fall", Lang::En),
    ("fall by", Lang::En),
];

/// A number followed by these is a floor ("95% trở lên", "150 or more"); a leading "từ" or
/// "from" goes with them.
const OR_MORE: Phrases = &[
    ("tro len", Lang::Vi),
    ("or more", Lang::En),
    ("or above", Lang::En),
    ("and above", Lang::En),
    ("or over", Lang::En),
];

/// A number followed by these is a ceiling ("3% trở xuống", "3 or less").
const OR_LESS: Phrases = &[
    ("tro xuong", Lang::Vi),
    ("or less", Lang::En),
    ("or below", Lang::En),
    ("and below", Lang::En),
    ("or under", Lang::En),
];

const FROM: Phrases = &[("tu", Lang::Vi), ("from", Lang::En)];

/// The whole of a plan that is last year's value.
const SAME: Phrases = &[
    ("bang cung ky", Lang::Vi),
    ("bang cung ky nam truoc", Lang::Vi),
    ("bang nam truoc", Lang::Vi),
    ("ngang cung ky", Lang::Vi),
    ("ngang nam truoc", Lang::Vi),
    ("giu nguyen", Lang::Vi),
    ("giu nguyen nhu cung ky", Lang::Vi),
    ("same as last year", Lang::En),
    ("same as the previous year", Lang::En),
    ("as last year", Lang::En),
    ("equal to last year", Lang::En),
    ("unchanged", Lang::En),
    ("unchanged on last year", Lang::En),
];

/// What may follow a change: against what ("so với cùng kỳ"), said or not.
const ON_LAST_YEAR: Phrases = &[
    ("so voi cung ky", Lang::Vi),
    ("so voi cung ky nam truoc", Lang::Vi),
    ("so cung ky", Lang::Vi),
    ("so cung ky nam truoc", Lang::Vi),
    ("so voi nam truoc", Lang::Vi),
    ("so nam truoc", Lang::Vi),
    ("on last year", Lang::En),
    ("over last year", Lang::En),
    ("from last year", Lang::En),
    ("than last year", Lang::En),
    ("vs last year", Lang::En),
    ("vs. last year", Lang::En),
    ("versus last year", Lang::En),
    ("compared with last year", Lang::En),
    ("compared to last year", Lang::En),
    ("on the previous year", Lang::En),
    ("year on year", Lang::En),
    ("y/y", Lang::En),
    ("yoy", Lang::En),
];

/// After a change's number: points, not a per cent.
const POINTS: Phrases = &[
    ("diem %", Lang::Vi),
    ("diem%", Lang::Vi),
    ("diem phan tram", Lang::Vi),
    ("diem", Lang::Vi),
    ("points", Lang::En),
    ("point", Lang::En),
    ("percentage points", Lang::En),
    ("percentage point", Lang::En),
    ("pp", Lang::En),
    ("p.p.", Lang::En),
    ("pts", Lang::En),
];

/// Signs before a number, longest first.
const SIGNS: [(&str, Form); 8] = [
    ("<=", Form::AtMost),
    (">=", Form::AtLeast),
    ("≤", Form::AtMost),
    ("≥", Form::AtLeast),
    ("<", Form::AtMost),
    (">", Form::AtLeast),
    ("≈", Form::About),
    ("~", Form::About),
];

/// Reads the words of a plan; `None` when it has none (a number, a band), for the number parser.
pub(super) fn read(text: &str) -> Option<Wording> {
    // Most plans are numbers: a text without a letter or a sign has no words, and is let go
    // without allocating (the store reads every plan's text, an import every plan cell's).
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || b" .,%-".contains(&b))
    {
        return None;
    }
    let signs = |c: char| SIGNS.iter().any(|(s, _)| s.starts_with(c));
    if !text.chars().any(|c| c.is_alphabetic() || signs(c)) {
        return None;
    }
    let text: String = text.nfc().collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((sign, form)) = SIGNS.iter().find(|(s, _)| text.starts_with(s)) {
        return Some(Wording {
            form: *form,
            number: text[sign.len()..].trim().to_owned(),
            lang: None,
        });
    }
    let words = Words::new(&text);
    if let Some(lang) = words.whole(SAME) {
        return Some(Wording {
            form: Form::Same,
            number: String::new(),
            lang: Some(lang),
        });
    }
    let prefixes: [(Phrases, Form); 5] = [
        (AT_MOST, Form::AtMost),
        (AT_LEAST, Form::AtLeast),
        (ABOUT, Form::About),
        (
            UP,
            Form::Change {
                down: false,
                measure: None,
            },
        ),
        (
            DOWN,
            Form::Change {
                down: true,
                measure: None,
            },
        ),
    ];
    // The longest phrase wins: "up to 3" is a ceiling, "up 3%" a change.
    let found = prefixes
        .iter()
        .filter_map(|(phrases, form)| words.prefix(phrases).map(|(n, lang)| (n, lang, *form)))
        .max_by_key(|(n, _, _)| *n);
    if let Some((n, lang, form)) = found {
        let rest = words.after(n);
        return Some(match form {
            Form::Change { down, .. } => change(rest, down, lang),
            form => Wording {
                form,
                number: rest.to_owned(),
                lang: Some(lang),
            },
        });
    }
    for (phrases, form) in [(OR_MORE, Form::AtLeast), (OR_LESS, Form::AtMost)] {
        if let Some((n, lang)) = words.suffix(phrases) {
            let number = words.before(n);
            let inner = Words::new(number);
            let number = match inner.prefix(FROM) {
                Some((n, _)) => inner.after(n),
                None => number,
            };
            return Some(Wording {
                form,
                number: number.to_owned(),
                lang: Some(lang),
            });
        }
    }
    None
}

/// A change's number and measure, from what follows "tăng"/"giảm".
fn change(rest: &str, down: bool, lang: Lang) -> Wording {
    let words = Words::new(rest);
    let rest = match words.suffix(ON_LAST_YEAR) {
        Some((n, _)) => words.before(n),
        None => rest,
    };
    let words = Words::new(rest);
    let (number, measure) = match words.suffix(POINTS) {
        Some((n, _)) => (words.before(n), Some(Measure::Points)),
        None if rest.ends_with('%') => (rest, Some(Measure::Percent)),
        None => (rest, None),
    };
    Wording {
        form: Form::Change { down, measure },
        number: number.to_owned(),
        lang: Some(lang),
    }
}

/// A text's words, where each stands, and each folded for matching.
struct Words<'a> {
    text: &'a str,
    spans: Vec<(usize, usize)>,
    folded: Vec<String>,
}

impl<'a> Words<'a> {
    /// `text` with single spaces between words (as [`read`] leaves it).
    fn new(text: &'a str) -> Self {
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c == ' ', start) {
                (true, Some(s)) => {
                    spans.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            spans.push((s, text.len()));
        }
        let folded = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        Self {
            text,
            spans,
            folded,
        }
    }

    /// The longest phrase the text starts with: how many words it has, and its language.
    fn prefix(&self, phrases: Phrases) -> Option<(usize, Lang)> {
        phrases
            .iter()
            .filter_map(|(phrase, lang)| {
                let n = phrase.split(' ').count();
                let head = self.folded.get(..n)?;
                phrase
                    .split(' ')
                    .eq(head.iter().map(String::as_str))
                    .then_some((n, *lang))
            })
            .max_by_key(|(n, _)| *n)
    }

    /// The longest phrase the text ends with: how many words it has, and its language.
    fn suffix(&self, phrases: Phrases) -> Option<(usize, Lang)> {
        phrases
            .iter()
            .filter_map(|(phrase, lang)| {
                let n = phrase.split(' ').count();
                let tail = self.folded.get(self.folded.len().checked_sub(n)?..)?;
                phrase
                    .split(' ')
                    .eq(tail.iter().map(String::as_str))
                    .then_some((n, *lang))
            })
            .max_by_key(|(n, _)| *n)
    }

    /// The language of the phrase that is the whole text, if one is.
    fn whole(&self, phrases: Phrases) -> Option<Lang> {
        phrases.iter().find_map(|(phrase, lang)| {
            phrase
                .split(' ')
                .eq(self.folded.iter().map(String::as_str))
                .then_some(*lang)
        })
    }

    /// The text after the first `n` words.
    fn after(&self, n: usize) -> &'a str {
        self.spans
            .get(n)
            .map_or("", |&(start, _)| self.text[start..].trim())
    }

    /// The text before the last `n` words.
    fn before(&self, n: usize) -> &'a str {
        self.spans
            .len()
            .checked_sub(n)
            .and_then(|i| self.spans.get(i))
            .map_or("", |&(start, _)| self.text[..start].trim())
    }
}

/// A word as the phrase tables write it: lower case, without tone marks, "đ" as "d", and "kì"
/// (an older spelling) as "ky".
fn fold(word: &str) -> String {
    let folded: String = word
        .to_lowercase()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    if folded == "ki" {
        "ky".to_owned()
    } else {
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str) -> Option<(Form, String)> {
        read(text).map(|w| (w.form, w.number))
    }

    #[test]
    fn words_are_found_whatever_the_case_and_tone_marks() {
        for text in ["Dưới 3%", "dưới 3%", "DUOI 3%", "duoi 3%", "Dưới  3%"] {
            assert_eq!(form(text), Some((Form::AtMost, "3%".into())), "{text}");
        }
        // Decomposed Vietnamese, as pasted from a PDF.
        let nfd: String = "Trên 150".nfd().collect();
        assert_eq!(form(&nfd), Some((Form::AtLeast, "150".into())));
    }

    #[test]
    fn the_longest_phrase_wins() {
        assert_eq!(form("không dưới 4"), Some((Form::AtLeast, "4".into())));
        assert_eq!(form("up to 3%"), Some((Form::AtMost, "3%".into())));
        assert_eq!(
            form("up 3%"),
            Some((
                Form::Change {
                    down: false,
                    measure: Some(Measure::Percent)
                },
                "3%".into()
            ))
        );
        assert_eq!(form("not below 4"), Some((Form::AtLeast, "4".into())));
    }

    #[test]
    fn a_number_before_or_more_is_a_floor() {
        assert_eq!(form("từ 95% trở lên"), Some((Form::AtLeast, "95%".into())));
        assert_eq!(form("3% trở xuống"), Some((Form::AtMost, "3%".into())));
        assert_eq!(form("150 or more"), Some((Form::AtLeast, "150".into())));
    }

    #[test]
    fn a_change_says_its_measure() {
        let points = Form::Change {
            down: true,
            measure: Some(Measure::Points),
        };
        assert_eq!(form("giảm 0,5 điểm %"), Some((points, "0,5".into())));
        assert_eq!(
            form("giảm 0,5 điểm % so với cùng kì"),
            Some((points, "0,5".into()))
        );
        assert_eq!(
            form("down 0.5 points on last year"),
            Some((points, "0.5".into()))
        );
        assert_eq!(
            form("tăng 10"),
            Some((
                Form::Change {
                    down: false,
                    measure: None
                },
                "10".into()
            ))
        );
    }

    #[test]
    fn the_words_say_their_language() {
        assert_eq!(read("dưới 3").and_then(|w| w.lang), Some(Lang::Vi));
        assert_eq!(read("below 3").and_then(|w| w.lang), Some(Lang::En));
        assert_eq!(read("≤ 3").and_then(|w| w.lang), None);
        assert_eq!(read("bằng cùng kỳ").map(|w| w.form), Some(Form::Same));
    }

    #[test]
    fn numbers_and_bands_have_no_words() {
        for text in ["2.451,8", "6,6 – 6,8", "3%", "208 tỷ", "", "tấn"] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
