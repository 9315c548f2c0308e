//! Names as people compare them: the one normalisation the import's matching and the store's
//! aliases share, so that a name the store refuses as taken is exactly one the matching would
//! confuse.

/// A name as people compare it: case, blanks (line breaks in a cell included) and where the
/// tone mark sits in an open "oa", "oe", "uy" (hoá and hóa, thuỷ and thủy: both spellings are
/// in use) do not matter. Keys are stored (an alias's), so this is changed only with a
/// migration that computes them again.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    /// Old-style placements and the new style they compare as.
    const TONES: [(char, char, char, char); 15] = [
        ('o', 'á', 'ó', 'a'),
        ('o', 'à', 'ò', 'a'),
        ('o', 'ả', 'ỏ', 'a'),
        ('o', 'ã', 'õ', 'a'),
        ('o', 'ạ', 'ọ', 'a'),
        ('o', 'é', 'ó', 'e'),
        ('o', 'è', 'ò', 'e'),
        ('o', 'ẻ', 'ỏ', 'e'),
        ('o', 'ẽ', 'õ', 'e'),
        ('o', 'ẹ', 'ọ', 'e'),
        ('u', 'ý', 'ú', 'y'),
        ('u', 'ỳ', 'ù', 'y'),
        ('u', 'ỷ', 'ủ', 'y'),
        ('u', 'ỹ', 'ũ', 'y'),
        ('u', 'ỵ', 'ụ', 'y'),
    ];
    let chars: Vec<char> = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    let mut key = String::with_capacity(name.len());
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        let next = chars.get(at + 1).copied();
        // Only where the pair ends the syllable ("hoá", not "hoạch", whose mark has one place)
        // and is a vowel pair ("thuỷ", not "quý", where "qu" is the consonant).
        let ends = chars.get(at + 2).is_none_or(|c| !c.is_alphabetic());
        let after_q = at > 0 && chars.get(at - 1) == Some(&'q');
        let pair = (c == 'o' || c == 'u')
            .then(|| {
                TONES
                    .iter()
                    .find(|(first, second, _, _)| *first == c && Some(*second) == next)
            })
            .flatten();
        match pair {
            Some((_, _, marked, plain)) if ends && !after_q => {
                key.push(*marked);
                key.push(*plain);
                at += 2;
            }
            _ => {
                key.push(c);
                at += 1;
            }
        }
    }
    key
}

/// A name's key without its marks ("thu ngan sach" for "Thu ngân sách"): how a table typed
/// without Vietnamese letters writes it, and so what the import's matching takes it for.
pub fn unmarked_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    name_key(name)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{name_key, unmarked_key};

    #[test]
    fn a_name_without_its_marks_compares_with_the_name() {
        assert_eq!(unmarked_key("Thu ngân sách"), unmarked_key("Thu ngan sach"));
        assert_eq!(unmarked_key("Đảng viên"), "dang vien");
        assert_ne!(unmarked_key("Thu ngân sách"), unmarked_key("Chi ngân sách"));
    }

    #[test]
    fn names_compare_whatever_the_blanks_and_the_tone_placement() {
        assert_eq!(
            name_key("Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa"),
            name_key("  tỷ lệ hộ gia đình đạt\ndanh hiệu gia đình văn  hoá ")
        );
        assert_eq!(name_key("Thuỷ sản"), name_key("Thủy sản"));
        assert_ne!(name_key("Thu ngân sách"), name_key("Chi ngân sách"));
    }

    #[test]
    fn a_mark_with_one_place_stays_where_it_is() {
        assert_eq!(name_key("Kế hoạch"), "kế hoạch");
        assert_eq!(name_key("Quý IV"), "quý iv");
        assert_eq!(name_key("HOÀNG"), "hoàng");
        assert_eq!(name_key("Văn hoá, thể thao"), "văn hóa, thể thao");
    }

    #[test]
    fn decomposed_letters_compare_as_composed() {
        // "ộ" typed as o + circumflex + dot below, as some keyboards and PDFs write it.
        assert_eq!(
            name_key("Tỷ lệ ho\u{302}\u{323} nghèo"),
            name_key("Tỷ lệ hộ nghèo")
        );
    }
}
