//! A `--year` as typed. Clap keeps the text and the command checks it once the language is
//! known, so that every wrong year (1800, 99999, "abc") is refused with one message in the
//! user's language naming the years the app accepts, never with clap's English.

use std::convert::Infallible;
use std::str::FromStr;

use crate::domain::Lang;

/// A `--year` as typed; [`YearArg::check`] reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearArg(String);

impl FromStr for YearArg {
    type Err = Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Self(text.to_owned()))
    }
}

impl YearArg {
    /// The year, if it is one the app accepts; else why not, in `lang`.
    pub fn check(&self, lang: Lang) -> anyhow::Result<i16> {
        let years = crate::domain::figure::YEARS;
        let text = self.0.trim();
        let digits = text.strip_prefix('-').unwrap_or(text);
        let locale = lang.code();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            anyhow::bail!(rust_i18n::t!(
                "cli.year_not_a_year",
                locale = locale,
                year = text,
                first = years.start(),
                last = years.end()
            ));
        }
        match text.parse::<i16>() {
            Ok(year) if years.contains(&year) => Ok(year),
            // A number too big for any year is out of range like 1800: said the same way.
            _ => anyhow::bail!(rust_i18n::t!(
                "cli.year_out_of_range",
                locale = locale,
                year = text,
                first = years.start(),
                last = years.end()
            )),
        }
    }

    /// [`Self::check`] of a `--year` that may be left out.
    pub fn check_optional(year: Option<&Self>, lang: Lang) -> anyhow::Result<Option<i16>> {
        year.map(|year| year.check(lang)).transpose()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn year(text: &str) -> YearArg {
        text.parse().unwrap()
    }

    #[test]
    fn a_year_in_range_is_read() {
        assert_eq!(year("2021").check(Lang::Vi).unwrap(), 2021);
        assert_eq!(year(" 1990 ").check(Lang::En).unwrap(), 1990);
    }

    #[test]
    fn every_wrong_year_gets_the_same_words_in_the_users_language() {
        for text in ["1800", "0", "99999", "-5", "123456789012345678901234567890"] {
            let vi = year(text).check(Lang::Vi).unwrap_err().to_string();
            assert_eq!(
                vi,
                format!("--year {text} nằm ngoài khoảng cho phép (1990–2100)")
            );
            let en = year(text).check(Lang::En).unwrap_err().to_string();
            assert_eq!(en, format!("--year {text} is out of range (1990–2100)"));
        }
        let vi = year("hai nghìn").check(Lang::Vi).unwrap_err().to_string();
        assert!(vi.contains("hai nghìn") && vi.contains("1990–2100"), "{vi}");
        let en = year("").check(Lang::En).unwrap_err().to_string();
        assert!(
            en.contains("not a year") && en.contains("1990–2100"),
            "{en}"
        );
    }
}
