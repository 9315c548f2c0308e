//! Who issues the report and who signs it, as the state's format for administrative documents
//! (Nghị định 30/2020/NĐ-CP) prints them: the issuing body ("UBND PHƯỜNG THANH TRƯỜNG"), the
//! place and date line ("Thanh Trường, ngày 07 tháng 01 năm 2022"), the signature block and the
//! recipients. A database stores what its staff changed; everything else follows the unit.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{AdminUnit, Lang};

/// What a database stores of a unit's letterhead: each field set by its staff, or `None` to
/// follow the unit's own (its name, the usual titles).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LetterheadSettings {
    /// The issuing body, as printed top left ("UBND PHƯỜNG THANH TRƯỜNG").
    pub office: Option<String>,
    /// The place name of the date line ("Thanh Trường").
    pub place: Option<String>,
    /// The document number's symbol after "Số: …/" ("BC-UBND").
    pub symbol: Option<String>,
    /// On whose behalf the signer signs ("TM. ỦY BAN NHÂN DÂN").
    pub signing_for: Option<String>,
    /// The signer's title ("CHỦ TỊCH").
    pub signer_title: Option<String>,
    /// The signer's name; empty leaves the line for the hand.
    pub signer_name: Option<String>,
    /// "Nơi nhận:", one recipient a line ("UBND tỉnh Điện Biên (để báo cáo);").
    pub recipients: Option<Vec<String>>,
}

/// A unit's letterhead as a document prints it: every field filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Letterhead {
    pub office: String,
    pub place: String,
    pub symbol: String,
    pub signing_for: String,
    pub signer_title: String,
    pub signer_name: String,
    pub recipients: Vec<String>,
}

/// A field of the letterhead, for messages and the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Office,
    Place,
    Symbol,
    SigningFor,
    SignerTitle,
    SignerName,
    Recipients,
}

/// Why a letterhead field is refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum LetterheadError {
    #[error("letterhead, {field}: at most {max} characters, this one has {len}")]
    TooLong {
        field: Field,
        len: usize,
        max: usize,
    },
    #[error("letterhead, {field}: one line only")]
    LineBreak { field: Field },
    #[error("letterhead, {field}: empty")]
    Empty { field: Field },
}

impl Field {
    /// The field's name as the settings form labels it ("Cơ quan ban hành").
    pub fn name(self, lang: Lang) -> String {
        let key = match self {
            Self::Office => "letterhead.field.office",
            Self::Place => "letterhead.field.place",
            Self::Symbol => "letterhead.field.symbol",
            Self::SigningFor => "letterhead.field.signing_for",
            Self::SignerTitle => "letterhead.field.signer_title",
            Self::SignerName => "letterhead.field.signer_name",
            Self::Recipients => "letterhead.field.recipients",
        };
        rust_i18n::t!(key, locale = lang.code()).into_owned()
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name(Lang::En))
    }
}

impl LetterheadError {
    /// The refusal in the user's language, naming the field.
    pub fn message(&self, lang: Lang) -> String {
        let locale = lang.code();
        match self {
            Self::TooLong { field, len, max } => rust_i18n::t!(
                "letterhead.error.too_long",
                locale = locale,
                field = field.name(lang),
                len = len,
                max = max
            ),
            Self::LineBreak { field } => rust_i18n::t!(
                "letterhead.error.line_break",
                locale = locale,
                field = field.name(lang)
            ),
            Self::Empty { field } => rust_i18n::t!(
                "letterhead.error.empty",
                locale = locale,
                field = field.name(lang)
            ),
        }
        .into_owned()
    }
}

/// The longest line a letterhead field may hold: a header cell is about 60 letters wide.
pub const MAX_LINE: usize = 120;

/// The level words a unit's name starts with, dropped for the place name ("Phường Thanh
/// Trường" is at "Thanh Trường").
const LEVEL_WORDS: [&str; 9] = [
    "Phường ",
    "Xã ",
    "Thị trấn ",
    "Đặc khu ",
    "Tỉnh ",
    "Thành phố ",
    "Thị xã ",
    "Quận ",
    "Huyện ",
];

impl LetterheadSettings {
    /// The letterhead printed for `unit`, whose parent (the body it reports to) is `parent`.
    pub fn resolve(&self, unit: &AdminUnit, parent: Option<&AdminUnit>, lang: Lang) -> Letterhead {
        let defaults = Letterhead::default_for(unit, parent, lang);
        let pick = |set: &Option<String>, default: String| set.clone().unwrap_or(default);
        Letterhead {
            office: pick(&self.office, defaults.office),
            place: pick(&self.place, defaults.place),
            symbol: pick(&self.symbol, defaults.symbol),
            signing_for: pick(&self.signing_for, defaults.signing_for),
            signer_title: pick(&self.signer_title, defaults.signer_title),
            signer_name: pick(&self.signer_name, defaults.signer_name),
            recipients: self.recipients.clone().unwrap_or(defaults.recipients),
        }
    }

    /// True when nothing is set: the letterhead follows the unit.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Checks every field set: one line each (recipients one a line), not too long, and the
    /// fields a document cannot do without not empty. The signer's name may be empty.
    pub fn check(&self) -> Result<(), LetterheadError> {
        let single = [
            (Field::Office, &self.office, false),
            (Field::Place, &self.place, false),
            (Field::Symbol, &self.symbol, false),
            (Field::SigningFor, &self.signing_for, true),
            (Field::SignerTitle, &self.signer_title, false),
            (Field::SignerName, &self.signer_name, true),
        ];
        for (field, value, may_be_empty) in single {
            if let Some(value) = value {
                check_line(field, value, may_be_empty)?;
            }
        }
        for line in self.recipients.iter().flatten() {
            check_line(Field::Recipients, line, false)?;
        }
        Ok(())
    }
}

fn check_line(field: Field, value: &str, may_be_empty: bool) -> Result<(), LetterheadError> {
    if value.contains(['\n', '\r']) {
        return Err(LetterheadError::LineBreak { field });
    }
    if !may_be_empty && value.trim().is_empty() {
        return Err(LetterheadError::Empty { field });
    }
    let len = value.chars().count();
    if len > MAX_LINE {
        return Err(LetterheadError::TooLong {
            field,
            len,
            max: MAX_LINE,
        });
    }
    Ok(())
}

impl Letterhead {
    /// The unit's own letterhead: "UBND " and its name in capitals, its name without the level
    /// word as the place, the People's Committee's chair signing, the body above and the
    /// archive as recipients.
    pub fn default_for(unit: &AdminUnit, parent: Option<&AdminUnit>, lang: Lang) -> Self {
        let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
        let mut recipients = Vec::new();
        if let Some(parent) = parent {
            recipients.push(
                rust_i18n::t!(
                    "letterhead.recipient_parent",
                    locale = lang.code(),
                    committee = committee(&parent.name, lang)
                )
                .into_owned(),
            );
        }
        recipients.push(t("letterhead.recipient_archive"));
        Self {
            office: format!("UBND {}", unit.name.to_uppercase()),
            place: place_name(&unit.name).to_owned(),
            symbol: "BC-UBND".to_owned(),
            signing_for: t("letterhead.signing_for"),
            signer_title: t("letterhead.signer_title"),
            signer_name: String::new(),
            recipients,
        }
    }
}

/// A unit's name without its level word: "Phường Thanh Trường" → "Thanh Trường".
pub fn place_name(name: &str) -> &str {
    LEVEL_WORDS
        .iter()
        .find_map(|word| name.strip_prefix(word))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(name)
}

/// A unit's name as running text writes it, its level word in lower case (NĐ 30/2020, Phụ
/// lục II): "Phường Thanh Trường" → "phường Thanh Trường", "Tỉnh Điện Biên" → "tỉnh Điện Biên".
pub fn running_name(name: &str) -> String {
    LEVEL_WORDS
        .iter()
        .find_map(|word| {
            let rest = name.strip_prefix(word)?;
            (!rest.trim().is_empty()).then(|| format!("{}{rest}", word.to_lowercase()))
        })
        .unwrap_or_else(|| name.to_owned())
}

/// The People's Committee of a unit as running text names it: "UBND phường Thanh Trường".
pub fn committee(name: &str, lang: Lang) -> String {
    let name = match lang {
        Lang::Vi => running_name(name),
        Lang::En => name.to_owned(),
    };
    rust_i18n::t!("letterhead.committee", locale = lang.code(), name = name).into_owned()
}

/// The place and date line: "Thanh Trường, ngày 07 tháng 01 năm 2022". The day has a leading
/// zero below 10; the month only for January and February (so that "tháng 1" cannot become
/// "tháng 11" by a stroke of the pen), as the decree's annex writes it.
pub fn date_line(place: &str, date: Date, lang: Lang) -> String {
    rust_i18n::t!(
        "letterhead.date_line",
        locale = lang.code(),
        place = place,
        day = format!("{:02}", date.day()),
        month = month_text(date.month(), lang),
        month_name = month_name(date.month()),
        year = date.year()
    )
    .into_owned()
}

/// "ngày 07 tháng 01 năm 2022" without the place, for lines that cite the report.
pub fn date_words(date: Date, lang: Lang) -> String {
    rust_i18n::t!(
        "letterhead.date_words",
        locale = lang.code(),
        day = format!("{:02}", date.day()),
        month = month_text(date.month(), lang),
        month_name = month_name(date.month()),
        year = date.year()
    )
    .into_owned()
}

/// A date as typed: "2022-01-07", or "07/01/2022" and "7/1/2022" as Vietnamese write it.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let mut parts = text.split('/').map(|p| p.trim().parse::<i16>().ok());
    let (day, month, year) = (parts.next()??, parts.next()??, parts.next()??);
    // A year in two digits ("22") is not guessed.
    if parts.next().is_some() || year < 1000 {
        return None;
    }
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn month_text(month: i8, lang: Lang) -> String {
    match lang {
        Lang::Vi if month <= 2 => format!("{month:02}"),
        _ => month.to_string(),
    }
}

fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Level;

    fn unit(code: &str, name: &str, level: Level, parent: Option<&str>) -> AdminUnit {
        AdminUnit {
            code: code.into(),
            name: name.into(),
            level,
            parent_code: parent.map(Into::into),
            valid_from: None,
            valid_to: None,
            successor_code: None,
            synthetic: false,
        }
    }

    #[test]
    fn the_date_line_pads_the_day_below_ten_and_only_january_and_february() {
        let line = |y, m, d| date_line("Thanh Trường", jiff::civil::date(y, m, d), Lang::Vi);
        assert_eq!(line(2022, 1, 7), "Thanh Trường, ngày 07 tháng 01 năm 2022");
        assert_eq!(line(2022, 2, 28), "Thanh Trường, ngày 28 tháng 02 năm 2022");
        assert_eq!(line(2022, 3, 5), "Thanh Trường, ngày 05 tháng 3 năm 2022");
        assert_eq!(
            line(2021, 12, 31),
            "Thanh Trường, ngày 31 tháng 12 năm 2021"
        );
        assert_eq!(
            line(2021, 10, 10),
            "Thanh Trường, ngày 10 tháng 10 năm 2021"
        );
        assert_eq!(
            date_line("Thanh Truong", jiff::civil::date(2022, 1, 7), Lang::En),
            "Thanh Truong, 07 January 2022"
        );
        assert_eq!(
            date_words(jiff::civil::date(2022, 1, 7), Lang::Vi),
            "ngày 07 tháng 01 năm 2022"
        );
    }

    #[test]
    fn dates_are_read_in_both_forms_and_refused_when_impossible() {
        let want = Some(jiff::civil::date(2022, 1, 7));
        assert_eq!(parse_date("2022-01-07"), want);
        assert_eq!(parse_date("07/01/2022"), want);
        assert_eq!(parse_date(" 7/1/2022 "), want);
        assert_eq!(parse_date("31/02/2022"), None);
        assert_eq!(parse_date("07/01"), None);
        assert_eq!(parse_date("07/01/22"), None, "two digits are not guessed");
        assert_eq!(parse_date("07/01/2022/1"), None);
        assert_eq!(parse_date("mai"), None);
    }

    #[test]
    fn a_unit_s_own_letterhead_follows_its_name_and_parent() {
        let ward = unit("03142", "Phường Thanh Trường", Level::Ward, Some("11"));
        let province = unit("11", "Tỉnh Điện Biên", Level::Province, None);
        let own = Letterhead::default_for(&ward, Some(&province), Lang::Vi);
        assert_eq!(own.office, "UBND PHƯỜNG THANH TRƯỜNG");
        assert_eq!(own.place, "Thanh Trường");
        assert_eq!(own.symbol, "BC-UBND");
        assert_eq!(own.signing_for, "TM. ỦY BAN NHÂN DÂN");
        assert_eq!(own.signer_title, "CHỦ TỊCH");
        assert_eq!(own.signer_name, "");
        assert_eq!(
            own.recipients,
            ["UBND tỉnh Điện Biên (để báo cáo);", "Lưu: VT, VP."]
        );
        assert_eq!(
            Letterhead::default_for(&province, None, Lang::Vi).office,
            "UBND TỈNH ĐIỆN BIÊN"
        );
        assert_eq!(place_name("Xã Thanh Minh"), "Thanh Minh");
        assert_eq!(place_name("Thành phố Điện Biên Phủ"), "Điện Biên Phủ");
        assert_eq!(place_name("Phường"), "Phường");
        assert_eq!(
            running_name("Thành phố Điện Biên Phủ"),
            "thành phố Điện Biên Phủ"
        );
        assert_eq!(running_name("Thị trấn Tuần Giáo"), "thị trấn Tuần Giáo");
        assert_eq!(running_name("Phường"), "Phường");
        assert_eq!(
            committee("Phường Thanh Trường", Lang::Vi),
            "UBND phường Thanh Trường"
        );
        assert_eq!(
            committee("Phường Thanh Trường", Lang::En),
            "People's Committee of Phường Thanh Trường"
        );
    }

    #[test]
    fn settings_override_field_by_field_and_are_checked() {
        let ward = unit("03142", "Phường Thanh Trường", Level::Ward, None);
        let settings = LetterheadSettings {
            signer_name: Some("Nguyễn Văn A".into()),
            place: Some("Điện Biên Phủ".into()),
            ..LetterheadSettings::default()
        };
        let letterhead = settings.resolve(&ward, None, Lang::Vi);
        assert_eq!(letterhead.signer_name, "Nguyễn Văn A");
        assert_eq!(letterhead.place, "Điện Biên Phủ");
        assert_eq!(letterhead.office, "UBND PHƯỜNG THANH TRƯỜNG");
        assert_eq!(settings.check(), Ok(()));
        let empty_office = LetterheadSettings {
            office: Some("  ".into()),
            ..LetterheadSettings::default()
        };
        assert_eq!(
            empty_office.check(),
            Err(LetterheadError::Empty {
                field: Field::Office
            })
        );
        let two_lines = LetterheadSettings {
            recipients: Some(vec!["a\nb".into()]),
            ..LetterheadSettings::default()
        };
        assert_eq!(
            two_lines.check(),
            Err(LetterheadError::LineBreak {
                field: Field::Recipients
            })
        );
        let long = LetterheadSettings {
            signer_title: Some("x".repeat(MAX_LINE + 1)),
            ..LetterheadSettings::default()
        };
        assert!(matches!(
            long.check(),
            Err(LetterheadError::TooLong { len: 121, .. })
        ));
        assert!(LetterheadSettings::default().is_empty());
        assert!(!settings.is_empty());
    }
}
