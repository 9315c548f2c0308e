//! Finding a row's indicator in the catalogue as people write its name: by its code, by its name
//! in either language (case, blanks and the placement of tone marks aside), by an alias the user
//! stored, then by forgiving forms of the name (a leading STT dropped, a part in brackets such as
//! a unit dropped on either side, common abbreviations written out). A name that fits exactly one
//! indicator finds it; one that fits several, or only nearly fits one (words shared), gives
//! candidates for the user to pick from: never a guess.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::domain::{Indicator, Lang, Unit, name_key};
use crate::store::IndicatorId;

/// What a row's code and name find in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Exactly one indicator: by code, by name, by an alias, or by one forgiving form of the
    /// name that fits no other indicator.
    Found(IndicatorId),
    /// Indicators the name may mean, best first: several that fit it equally, or, for a name
    /// that fits none, those whose names share most of its words. Never taken without the
    /// user's choice.
    Candidates(Vec<IndicatorId>),
    /// Nothing like it in the catalogue.
    Unknown,
}

impl Lookup {
    /// The indicator found, if exactly one was.
    pub fn found(&self) -> Option<IndicatorId> {
        match self {
            Self::Found(id) => Some(*id),
            Self::Candidates(_) | Self::Unknown => None,
        }
    }
}

/// The most candidates offered for a name that fits no indicator.
const MAX_NEAR: usize = 5;

/// How alike a name must be to an indicator's to be offered as a near candidate: the Dice
/// coefficient of their syllables and syllable pairs, in thousandths. Vietnamese words are
/// mostly two syllables, so a shared pair is a shared word.
const NEAR_SCORE: u32 = 400;

/// One indicator as the lookup keeps it.
struct Entry {
    id: IndicatorId,
    /// Shared by every change that names it.
    code: Arc<str>,
    unit: Unit,
    name_vi: String,
    name_en: String,
    archived: bool,
    /// What its names and aliases sound like, for ranking candidates.
    features: Vec<Features>,
}

/// The catalogue, looked up by code, by name and by alias.
pub struct Catalogue {
    indicators: Vec<Entry>,
    /// Index into `indicators` by id (row ids are small and dense: an index, not a hash).
    by_id: Vec<Option<usize>>,
    /// Hashed fast: a lookup per row of a 100,000-row file, keys from the catalogue.
    by_code: crate::edit::ids::IdMap<String, usize>,
    /// Each name's key, then each alias's key no name holds: one hash lookup for the common
    /// case of a name written as the catalogue writes it.
    by_key: HashMap<String, Vec<usize>>,
    /// The forgiving forms: the words of each name and alias with what is in brackets kept…
    by_words: HashMap<String, Vec<usize>>,
    /// … and with it dropped.
    by_short: HashMap<String, Vec<usize>>,
    /// What the forgiving path answered for each distinct key: a file repeats its names.
    cache: Mutex<HashMap<String, Lookup>>,
}

impl Catalogue {
    /// The lookup of a catalogue and its aliases as the store lists them.
    pub fn new(
        indicators: Vec<(IndicatorId, Indicator)>,
        aliases: Vec<(String, IndicatorId)>,
    ) -> Self {
        let mut by_id = Vec::new();
        let mut by_code = crate::edit::ids::IdMap::default();
        let mut by_key = HashMap::new();
        let mut by_words = HashMap::new();
        let mut by_short = HashMap::new();
        let mut entries = Vec::with_capacity(indicators.len());
        for (index, (id, indicator)) in indicators.into_iter().enumerate() {
            if let Ok(slot) = usize::try_from(id.0) {
                if by_id.len() <= slot {
                    by_id.resize(slot + 1, None);
                }
                by_id[slot] = Some(index);
            }
            by_code.entry(indicator.code.clone()).or_insert(index);
            let mut features = Vec::new();
            for name in [&indicator.name_vi, &indicator.name_en] {
                let key = name_key(name);
                insert(&mut by_key, key.clone(), index);
                let forms = Forms::of(&key);
                forms.index(&mut by_words, &mut by_short, index);
                features.extend(forms.features());
            }
            entries.push(Entry {
                id,
                code: Arc::from(indicator.code.as_str()),
                unit: indicator.unit,
                name_vi: indicator.name_vi,
                name_en: indicator.name_en,
                archived: indicator.archived,
                features,
            });
        }
        let mut catalogue = Self {
            indicators: entries,
            by_id,
            by_code,
            by_key,
            by_words,
            by_short,
            cache: Mutex::new(HashMap::new()),
        };
        for (alias, id) in aliases {
            let Some(index) = catalogue.index(id) else {
                continue;
            };
            let key = name_key(&alias);
            // A name is matched before an alias: the store refuses an alias that is another
            // indicator's name, and one that is the indicator's own adds nothing.
            if !catalogue.by_key.contains_key(&key) {
                insert(&mut catalogue.by_key, key.clone(), index);
            }
            let forms = Forms::of(&key);
            forms.index(&mut catalogue.by_words, &mut catalogue.by_short, index);
            let features = forms.features();
            if let Some(entry) = catalogue.indicators.get_mut(index) {
                entry.features.extend(features);
            }
        }
        catalogue
    }

    /// The indicator a row names, if exactly one fits: by `code` when it is one, else by
    /// `name` (see [`Catalogue::lookup`]).
    pub fn find(&self, code: &str, name: &str) -> Option<IndicatorId> {
        self.lookup(code, name).found()
    }

    /// What a row's `code` and `name` find, in this order: the code; the name as the catalogue
    /// writes it (in either language: case, blanks and tone placement aside); an alias stored
    /// for it; then forgiving forms of the name, first with what is in brackets kept, then with
    /// it dropped on either side (a unit, or the catalogue's explanation), each without a
    /// leading STT and with abbreviations written out. The first of these that fits decides:
    /// one indicator is [`Lookup::Found`] (among several, the only one not archived is), several
    /// are [`Lookup::Candidates`]. A name that fits none offers as candidates the indicators
    /// whose names share most of its words (tone marks aside), never found.
    pub fn lookup(&self, code: &str, name: &str) -> Lookup {
        if !code.is_empty()
            && let Some(&index) = self.by_code.get(code)
            && let Some(entry) = self.indicators.get(index)
        {
            return Lookup::Found(entry.id);
        }
        if name.is_empty() {
            return Lookup::Unknown;
        }
        let key = name_key(name);
        if key.is_empty() {
            return Lookup::Unknown;
        }
        if let Some(hits) = self.by_key.get(&key) {
            return self.decide(hits, || Forms::of(&key).features());
        }
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = cache.get(&key) {
            return known.clone();
        }
        let answer = self.forgiving(&key);
        cache.insert(key, answer.clone());
        answer
    }

    /// The forgiving forms of a name that is neither an indicator's nor an alias.
    fn forgiving(&self, key: &str) -> Lookup {
        let forms = Forms::of(key);
        let features = || forms.features();
        for (form, index) in [
            (&forms.words, &self.by_words),
            (&forms.short, &self.by_short),
        ] {
            if let Some(hits) = (!form.is_empty()).then(|| index.get(form)).flatten() {
                return self.decide(hits, features);
            }
        }
        self.near(&features())
    }

    /// One indicator found among `hits`, or the candidates ranked by how alike their names are
    /// to the one the row writes.
    fn decide(&self, hits: &[usize], features: impl FnOnce() -> Vec<Features>) -> Lookup {
        if let [index] = hits {
            return self.found(*index);
        }
        // An archived indicator takes no new values: a live one of the same name is meant.
        let mut live = hits
            .iter()
            .filter(|&&i| self.indicators.get(i).is_some_and(|e| !e.archived));
        if let (Some(&index), None) = (live.next(), live.next()) {
            return self.found(index);
        }
        let features = features();
        let mut ranked: Vec<(u32, usize)> = hits
            .iter()
            .map(|&i| (self.score(i, &features), i))
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.candidates(ranked.into_iter().map(|(_, i)| i))
    }

    /// The indicators whose names share enough of a name's words, best first.
    fn near(&self, features: &[Features]) -> Lookup {
        let mut ranked: Vec<(u32, usize)> = (0..self.indicators.len())
            .map(|i| (self.score(i, features), i))
            .filter(|(score, _)| *score >= NEAR_SCORE)
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.candidates(ranked.into_iter().take(MAX_NEAR).map(|(_, i)| i))
    }

    fn found(&self, index: usize) -> Lookup {
        self.indicators
            .get(index)
            .map_or(Lookup::Unknown, |e| Lookup::Found(e.id))
    }

    fn candidates(&self, indices: impl Iterator<Item = usize>) -> Lookup {
        let ids: Vec<IndicatorId> = indices
            .filter_map(|i| self.indicators.get(i).map(|e| e.id))
            .collect();
        if ids.is_empty() {
            Lookup::Unknown
        } else {
            Lookup::Candidates(ids)
        }
    }

    /// How alike the best of an indicator's names and aliases is to the best form of a name.
    fn score(&self, index: usize, features: &[Features]) -> u32 {
        let Some(entry) = self.indicators.get(index) else {
            return 0;
        };
        entry
            .features
            .iter()
            .flat_map(|theirs| features.iter().map(|ours| ours.dice(theirs)))
            .max()
            .unwrap_or(0)
    }

    /// An indicator's code.
    pub fn code(&self, id: IndicatorId) -> Option<&Arc<str>> {
        self.entry(id).map(|e| &e.code)
    }

    /// An indicator's name in the given language (an English name left empty is the
    /// Vietnamese one), for a preview to show what a candidate is called.
    pub fn name(&self, id: IndicatorId, lang: Lang) -> Option<&str> {
        self.entry(id).map(|e| match lang {
            Lang::En if !e.name_en.trim().is_empty() => e.name_en.as_str(),
            _ => e.name_vi.as_str(),
        })
    }

    /// An indicator's unit.
    pub fn unit(&self, id: IndicatorId) -> Option<&Unit> {
        self.entry(id).map(|e| &e.unit)
    }

    fn entry(&self, id: IndicatorId) -> Option<&Entry> {
        self.indicators.get(self.index(id)?)
    }

    fn index(&self, id: IndicatorId) -> Option<usize> {
        let slot = usize::try_from(id.0).ok()?;
        self.by_id.get(slot).copied().flatten()
    }
}

/// Adds an indicator to the ones a key finds, once.
fn insert(map: &mut HashMap<String, Vec<usize>>, key: String, index: usize) {
    if key.is_empty() {
        return;
    }
    let hits = map.entry(key).or_default();
    if !hits.contains(&index) {
        hits.push(index);
    }
}

/// The forgiving forms of a name's key: its words without a leading STT, abbreviations written
/// out, punctuation gone; with what is in brackets kept (`words`) and dropped (`short`).
struct Forms {
    words: String,
    short: String,
}

impl Forms {
    fn of(key: &str) -> Self {
        let name = strip_numbering(key);
        Self {
            words: words(name).join(" "),
            short: words(&drop_brackets(name)).join(" "),
        }
    }

    /// Files both forms under an indicator.
    fn index(
        &self,
        by_words: &mut HashMap<String, Vec<usize>>,
        by_short: &mut HashMap<String, Vec<usize>>,
        index: usize,
    ) {
        insert(by_words, self.words.clone(), index);
        insert(by_short, self.short.clone(), index);
    }

    /// What each form sounds like, the short one (without a unit in brackets) first.
    fn features(&self) -> Vec<Features> {
        let mut list = vec![Features::of(&self.short)];
        if self.words != self.short {
            list.push(Features::of(&self.words));
        }
        list.retain(|f| !f.0.is_empty());
        list
    }
}

/// A name's syllables without tone marks (a name typed without them, or with one wrong, still
/// shares them) and its pairs of neighbouring syllables, sorted and deduplicated.
struct Features(Vec<String>);

impl Features {
    fn of(words: &str) -> Self {
        let syllables: Vec<String> = words
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        let mut all: Vec<String> = syllables
            .windows(2)
            .map(|pair| format!("{} {}", pair[0], pair[1]))
            .collect();
        all.extend(syllables);
        all.sort_unstable();
        all.dedup();
        Self(all)
    }

    /// The Dice coefficient of two sets, in thousandths.
    fn dice(&self, other: &Self) -> u32 {
        let total = self.0.len() + other.0.len();
        if total == 0 {
            return 0;
        }
        let shared = self
            .0
            .iter()
            .filter(|f| other.0.binary_search(f).is_ok())
            .count();
        u32::try_from(2000 * shared / total).unwrap_or(0)
    }
}

/// A syllable without its marks: "trồng" → "trong", "đồng" → "dong".
fn fold(syllable: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    syllable
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Abbreviations seen in annex tables and what they stand for, as [`name_key`] writes both.
/// Only those that mean one thing in a ward's table: "DT" (diện tích or doanh thu) and "CN"
/// (công nghiệp or cá nhân) are left as they are.
const ABBREVIATIONS: [(&str, &str); 35] = [
    ("antt", "an ninh trật tự"),
    ("bhxh", "bảo hiểm xã hội"),
    ("bhyt", "bảo hiểm y tế"),
    ("bq", "bình quân"),
    ("dv", "dịch vụ"),
    ("gpmb", "giải phóng mặt bằng"),
    ("gđ", "gia đình"),
    ("gđvh", "gia đình văn hóa"),
    ("hgđ", "hộ gia đình"),
    ("hs", "học sinh"),
    ("hđnd", "hội đồng nhân dân"),
    ("kh", "kế hoạch"),
    ("kt", "kinh tế"),
    ("lđ", "lao động"),
    ("ns", "ngân sách"),
    ("nsnn", "ngân sách nhà nước"),
    ("nq", "nghị quyết"),
    ("qp-an", "quốc phòng an ninh"),
    ("qp", "quốc phòng"),
    ("sdd", "suy dinh dưỡng"),
    ("sl", "sản lượng"),
    ("sx", "sản xuất"),
    ("tdp", "tổ dân phố"),
    ("thcs", "trung học cơ sở"),
    ("thpt", "trung học phổ thông"),
    ("tl", "tỷ lệ"),
    ("tm", "thương mại"),
    ("tngt", "tai nạn giao thông"),
    ("tp", "thành phố"),
    ("tr.đ", "triệu đồng"),
    ("tr.đồng", "triệu đồng"),
    ("trđ", "triệu đồng"),
    ("ubnd", "ủy ban nhân dân"),
    ("vh", "văn hóa"),
    ("xh", "xã hội"),
];

fn abbreviation(token: &str) -> Option<&'static str> {
    ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == token)
        .map(|(_, long)| *long)
}

/// A key's words: punctuation gone ("thương mại - dịch vụ", "thương mại, dịch vụ" and
/// "thương mại dịch vụ" are one), abbreviations written out, a whole token first ("tr.đ",
/// "qp-an"), else each of its parts ("kt-xh", "tm-dv").
fn words(key: &str) -> Vec<&str> {
    let is_word = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    for token in key.split_whitespace() {
        let token = token.trim_matches(|c: char| !is_word(c));
        if token.is_empty() {
            continue;
        }
        if let Some(long) = abbreviation(token) {
            out.extend(long.split(' '));
            continue;
        }
        for part in token.split(|c: char| !is_word(c)).filter(|p| !p.is_empty()) {
            match abbreviation(part) {
                Some(long) => out.extend(long.split(' ')),
                None => out.push(part),
            }
        }
    }
    out
}

/// A name without what it says in brackets: "Thu ngân sách (triệu đồng)", "Thu ngân sách
/// [tr.đ]" → "Thu ngân sách ". A bracket left open runs to the end.
fn drop_brackets(name: &str) -> String {
    let mut depth = 0_usize;
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A name without the STT or bullet a table writes before it: "1.", "1.1", "2.3.1.", "1)",
/// "(1)", "a)", "b.", "I.", "IV/", "-", "+", "•". A number with no dot, bracket or slash after
/// it is part of the name ("5 tuổi"), as is "1.000".
fn strip_numbering(key: &str) -> &str {
    let mut rest = key.trim_start();
    // "I. 1. - Thu": at most a few marks in a row.
    for _ in 0..3 {
        let next = strip_mark(rest).trim_start();
        if next.len() == rest.len() {
            break;
        }
        rest = next;
    }
    rest
}

/// `text` without one leading STT or bullet, else `text`.
fn strip_mark(text: &str) -> &str {
    const BULLETS: [char; 11] = ['-', '+', '*', '•', '–', '—', '·', '○', '●', '▪', '►'];
    if let Some(rest) = text.strip_prefix(BULLETS) {
        return rest;
    }
    let (opened, body) = match text.strip_prefix('(') {
        Some(body) => (true, body),
        None => (false, text),
    };
    let label_len = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(body.len());
    let (label, after) = body.split_at(label_len);
    if label.starts_with(|c: char| c.is_ascii_digit()) {
        return strip_number(label, after, opened).unwrap_or(text);
    }
    let label_len = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let (label, after) = body.split_at(label_len);
    let letter = label.chars().count() == 1;
    if !(letter || is_roman(label)) {
        return text;
    }
    if let Some(rest) = after.strip_prefix(')') {
        return rest;
    }
    if opened {
        return text;
    }
    // "b. Chi" and "IV/ Quốc phòng", but not "t.p" (thành phố) or "v.v.".
    match after.strip_prefix(['.', '/']) {
        Some(rest) if rest.is_empty() || rest.starts_with(char::is_whitespace) => rest,
        _ => text,
    }
}

/// The rest of a text after a numeric STT `label` ("1", "1.", "1.2"), when it is one.
fn strip_number<'t>(label: &str, after: &'t str, opened: bool) -> Option<&'t str> {
    let groups: Vec<&str> = label.trim_end_matches('.').split('.').collect();
    let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
    // "1.10" numbers a line; "1.000" is a thousand.
    let rest_ok = groups.iter().skip(1).all(|g| (1..=2).contains(&g.len()));
    if !first_ok || !rest_ok {
        return None;
    }
    if let Some(rest) = after.strip_prefix(')') {
        return Some(rest);
    }
    if opened {
        return None;
    }
    if let Some(rest) = after.strip_prefix(['/', ':']) {
        return Some(rest);
    }
    // "1." or "1.2" (a dot in it or after it); a bare "5" is part of the name.
    (label.contains('.') && !after.starts_with(|c: char| c.is_ascii_digit())).then_some(after)
}

/// A Roman numeral as a report numbers its parts (I to XX), in lowercase.
fn is_roman(label: &str) -> bool {
    const NUMERALS: [&str; 20] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    NUMERALS.contains(&label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::seed::catalogue::standard;

    const CROP: &str = "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)";

    /// The standard catalogue with ids 1, 2, …, and the given aliases.
    fn catalogue(aliases: &[(&str, &str)]) -> Catalogue {
        let list: Vec<(IndicatorId, Indicator)> = (1..).map(IndicatorId).zip(standard()).collect();
        let aliases = aliases
            .iter()
            .map(|(alias, code)| ((*alias).to_owned(), id_in(&list, code)))
            .collect();
        Catalogue::new(list, aliases)
    }

    fn id_in(list: &[(IndicatorId, Indicator)], code: &str) -> IndicatorId {
        list.iter()
            .find(|(_, i)| i.code == code)
            .map(|(id, _)| *id)
            .unwrap_or_else(|| panic!("no {code} in the catalogue"))
    }

    fn id(catalogue: &Catalogue, code: &str) -> IndicatorId {
        catalogue
            .indicators
            .iter()
            .find(|e| &*e.code == code)
            .map(|e| e.id)
            .unwrap_or_else(|| panic!("no {code} in the catalogue"))
    }

    fn found(catalogue: &Catalogue, name: &str) -> Option<String> {
        catalogue
            .find("", name)
            .and_then(|id| catalogue.code(id))
            .map(ToString::to_string)
    }

    fn codes(catalogue: &Catalogue, lookup: &Lookup) -> Vec<String> {
        match lookup {
            Lookup::Candidates(ids) => ids
                .iter()
                .filter_map(|id| catalogue.code(*id).map(ToString::to_string))
                .collect(),
            other => panic!("candidates expected, got {other:?}"),
        }
    }

    #[test]
    fn a_code_and_the_exact_name_find_the_indicator() {
        let c = catalogue(&[]);
        assert_eq!(
            c.lookup("crop_output", ""),
            Lookup::Found(id(&c, "crop_output"))
        );
        assert_eq!(found(&c, CROP).as_deref(), Some("crop_output"));
        assert_eq!(
            found(&c, "budget revenue").as_deref(),
            Some("budget_revenue")
        );
        // An unknown code falls back to the name.
        assert_eq!(
            c.lookup("thu_ns", "Thu ngân sách"),
            Lookup::Found(id(&c, "budget_revenue"))
        );
        assert_eq!(c.lookup("", ""), Lookup::Unknown);
        assert_eq!(c.lookup("", "   "), Lookup::Unknown);
    }

    #[test]
    fn the_short_crop_output_name_is_found() {
        let c = catalogue(&[]);
        for name in [
            "Sản lượng cây trồng",
            "SẢN LƯỢNG CÂY TRỒNG",
            "Sản lượng cây trồng (tấn)",
            "Sản lượng cây trồng (lúa 2 vụ; rau màu; cây vụ 3)",
            "Sản lượng cây trồng [lúa, rau màu]",
            "SL cây trồng",
        ] {
            assert_eq!(found(&c, name).as_deref(), Some("crop_output"), "{name}");
        }
        // The party cells' explanation in brackets is dropped the same way.
        assert_eq!(
            found(&c, "Số chi bộ trực thuộc (18 chi bộ)").as_deref(),
            Some("party_cells")
        );
    }

    #[test]
    fn a_unit_in_brackets_is_dropped() {
        let c = catalogue(&[]);
        for name in [
            "Thu ngân sách (triệu đồng)",
            "Thu ngân sách [tr.đ]",
            "Thu ngân sách (trđ)",
            "Thu ngân sách (đồng)",
            "Tỷ lệ hộ nghèo (%)",
        ] {
            let expected = if name.starts_with("Tỷ") {
                "poverty_rate"
            } else {
                "budget_revenue"
            };
            assert_eq!(found(&c, name).as_deref(), Some(expected), "{name}");
        }
    }

    #[test]
    fn case_and_tone_placement_do_not_matter() {
        let c = catalogue(&[]);
        assert_eq!(
            found(&c, "TỶ LỆ HỘ GIA ĐÌNH ĐẠT DANH HIỆU GIA ĐÌNH VĂN HOÁ").as_deref(),
            Some("cultured_families")
        );
        assert_eq!(
            found(&c, "Tổ dân phố, bản đạt danh hiệu văn hoá").as_deref(),
            Some("cultured_groups")
        );
    }

    #[test]
    fn a_leading_stt_is_dropped() {
        let c = catalogue(&[]);
        for name in [
            "1. Thu ngân sách",
            "1.1 Thu ngân sách",
            "1.1. Thu ngân sách",
            "2.3.1 Thu ngân sách",
            "1) Thu ngân sách",
            "(1) Thu ngân sách",
            "1/ Thu ngân sách",
            "a) Thu ngân sách",
            "b. Thu ngân sách",
            "đ) Thu ngân sách",
            "I. Thu ngân sách",
            "IV/ Thu ngân sách",
            "- Thu ngân sách",
            "-Thu ngân sách",
            "+ Thu ngân sách",
            "• Thu ngân sách",
            "II. 1. - Thu ngân sách (triệu đồng)",
        ] {
            assert_eq!(found(&c, name).as_deref(), Some("budget_revenue"), "{name}");
        }
    }

    #[test]
    fn numbers_that_belong_to_the_name_stay() {
        assert_eq!(strip_numbering("5 tuổi"), "5 tuổi");
        assert_eq!(strip_numbering("1.000 hộ"), "1.000 hộ");
        assert_eq!(strip_numbering("t.p điện biên phủ"), "t.p điện biên phủ");
        assert_eq!(strip_numbering("v.v."), "v.v.");
        assert_eq!(strip_numbering("ii. kinh tế"), "kinh tế");
        assert_eq!(strip_numbering("12. tỷ lệ"), "tỷ lệ");
    }

    #[test]
    fn abbreviations_are_written_out() {
        let c = catalogue(&[]);
        for (name, code) in [
            ("Thu NS", "budget_revenue"),
            ("Chi NS (tr.đ)", "budget_expenditure"),
            ("Doanh thu TM-DV", "trade_services_turnover"),
            ("Doanh thu TM - DV", "trade_services_turnover"),
            ("Doanh thu thương mại, dịch vụ", "trade_services_turnover"),
            ("Tỷ lệ dân số tham gia BHYT", "health_insurance_coverage"),
            ("TL hộ gia đình đạt danh hiệu GĐVH", "cultured_families"),
            ("Tỷ lệ trẻ em dưới 5 tuổi SDD", "child_malnutrition"),
            ("Số vụ TNGT", "traffic_accidents"),
        ] {
            assert_eq!(c.lookup("", name), Lookup::Found(id(&c, code)), "{name}");
        }
    }

    #[test]
    fn the_abbreviations_are_written_as_keys() {
        for (short, long) in ABBREVIATIONS {
            assert_eq!(name_key(short), short);
            assert_eq!(name_key(long), long);
        }
        let mut sorted = ABBREVIATIONS.map(|(short, _)| short);
        sorted.sort_unstable();
        let mut deduplicated = sorted.to_vec();
        deduplicated.dedup();
        assert_eq!(deduplicated.len(), ABBREVIATIONS.len());
    }

    #[test]
    fn a_name_fitting_two_indicators_gives_both() {
        let mut list: Vec<(IndicatorId, Indicator)> =
            (1..).map(IndicatorId).zip(standard()).collect();
        // Two indicators told apart only by what their names say in brackets.
        let mut ward = list[0].1.clone();
        ward.code = "budget_revenue_ward".into();
        ward.name_vi = "Thu ngân sách (phường)".into();
        ward.name_en = "Budget revenue (ward)".into();
        let mut city = ward.clone();
        city.code = "budget_revenue_city".into();
        city.name_vi = "Thu ngân sách (thành phố)".into();
        city.name_en = "Budget revenue (city)".into();
        list.retain(|(_, i)| i.code != "budget_revenue");
        list.push((IndicatorId(100), ward));
        list.push((IndicatorId(101), city));
        let c = Catalogue::new(list, Vec::new());
        let lookup = c.lookup("", "Thu ngân sách");
        let mut both = codes(&c, &lookup);
        both.sort();
        assert_eq!(both, ["budget_revenue_city", "budget_revenue_ward"]);
        assert_eq!(c.find("", "Thu ngân sách"), None);
        // What is in brackets, written otherwise, still tells them apart.
        assert_eq!(
            found(&c, "Thu ngân sách [phường]").as_deref(),
            Some("budget_revenue_ward")
        );
        assert_eq!(
            found(&c, "Thu ngân sách thành phố").as_deref(),
            Some("budget_revenue_city")
        );
    }

    #[test]
    fn an_archived_namesake_yields_to_the_live_indicator() {
        let mut list: Vec<(IndicatorId, Indicator)> =
            (1..).map(IndicatorId).zip(standard()).collect();
        let mut old = list
            .iter()
            .find(|(_, i)| i.code == "budget_revenue")
            .map(|(_, i)| i.clone())
            .expect("budget_revenue");
        old.code = "budget_revenue_old".into();
        old.archived = true;
        list.insert(0, (IndicatorId(100), old));
        let c = Catalogue::new(list, Vec::new());
        assert_eq!(
            found(&c, "Thu ngân sách").as_deref(),
            Some("budget_revenue")
        );
    }

    #[test]
    fn a_near_miss_gives_candidates_never_found() {
        let c = catalogue(&[]);
        // Without tone marks, or one mark wrong: near, offered first, not taken.
        for (name, code) in [
            ("San luong cay trong", "crop_output"),
            ("Sản lượng cây trông", "crop_output"),
            ("Thu ngân sách phường", "budget_revenue"),
            ("Tổng thu ngân sách trên địa bàn", "budget_revenue"),
            ("Thu nhập bình quân", "per_capita_income"),
        ] {
            let lookup = c.lookup("", name);
            assert_eq!(lookup.found(), None, "{name}: {lookup:?}");
            assert_eq!(codes(&c, &lookup)[0], code, "{name}: {lookup:?}");
            assert_eq!(c.find("", name), None);
        }
        // Budget revenue and expenditure share "ngân sách": both are offered, revenue first.
        let lookup = c.lookup("", "Thu ngân sách phường");
        assert!(
            codes(&c, &lookup).contains(&"budget_expenditure".to_owned()),
            "{lookup:?}"
        );
        // Nothing alike: unknown.
        assert_eq!(c.lookup("", "Số học sinh đến trường"), Lookup::Unknown);
        assert_eq!(c.lookup("", "Ghi chú"), Lookup::Unknown);
    }

    #[test]
    fn an_alias_finds_its_indicator() {
        let c = catalogue(&[("Tổng sản lượng lương thực", "crop_output")]);
        assert_eq!(
            c.lookup("", "tổng sản lượng  lương thực"),
            Lookup::Found(id(&c, "crop_output"))
        );
        // Its forgiving forms too.
        assert_eq!(
            found(&c, "1. Tổng sản lượng lương thực (tấn)").as_deref(),
            Some("crop_output")
        );
        // An alias is looked up after the names: one that is another's name changes nothing.
        let c = catalogue(&[("Thu ngân sách", "crop_output")]);
        assert_eq!(
            found(&c, "Thu ngân sách").as_deref(),
            Some("budget_revenue")
        );
    }

    #[test]
    fn a_candidate_is_named_in_either_language() {
        let c = catalogue(&[]);
        let crop = id(&c, "crop_output");
        assert_eq!(c.name(crop, Lang::Vi), Some(CROP));
        assert_eq!(
            c.name(crop, Lang::En),
            Some("Crop output (two rice crops, vegetables, third crop)")
        );
        assert_eq!(c.name(IndicatorId(999), Lang::Vi), None);
    }

    #[test]
    fn a_forgiving_answer_is_remembered() {
        let c = catalogue(&[]);
        let first = c.lookup("", "1. Thu NS");
        assert_eq!(c.lookup("", "1. Thu NS"), first);
        let cache = c.cache.lock().unwrap_or_else(PoisonError::into_inner);
        assert_eq!(cache.len(), 1);
    }
}
