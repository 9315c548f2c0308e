//! Errors in the user's language. The layers report errors in English (their `Display`, for
//! logs and tests); the two faces show them through [`describe`], which words the ones a user
//! meets in Vietnamese when that is the chosen language. Each still names the file or the field.

use crate::domain::Lang;
use crate::domain::aggregation::AggregationError;
use crate::domain::indicator::IndicatorError;
use crate::domain::rules::RulesError;
use crate::startup::StartupError;
use crate::store::StoreError;

/// The error as the user reads it: in the chosen language where a translation exists, with its
/// causes, on one line.
pub fn describe(error: &anyhow::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return format!("{error:#}");
    }
    let store = error
        .downcast_ref::<StoreError>()
        .or_else(
            || match error.downcast_ref::<crate::import::ImportError>() {
                Some(crate::import::ImportError::Store(store)) => Some(store),
                _ => None,
            },
        )
        .or_else(|| match error.downcast_ref::<StartupError>() {
            Some(StartupError::Store(store)) => Some(store),
            _ => None,
        })
        .or_else(
            || match error.downcast_ref::<crate::gather::GatherError>() {
                Some(crate::gather::GatherError::Store(store)) => Some(store),
                _ => None,
            },
        );
    if let Some(text) = store.and_then(|s| store_error(s, lang)) {
        return text;
    }
    if let Some(text) = error
        .downcast_ref::<StartupError>()
        .and_then(|e| startup_error(e, lang))
    {
        return text;
    }
    if let Some(text) = error
        .downcast_ref::<crate::import::ImportError>()
        .and_then(|e| import_error(e, lang))
    {
        return text;
    }
    if let Some(text) = error
        .downcast_ref::<crate::gather::GatherError>()
        .and_then(crate::gather::GatherError::message_vi)
    {
        return text;
    }
    if let Some(text) = error
        .downcast_ref::<crate::export::ExportError>()
        .and_then(|e| export_error(e, lang))
    {
        return text;
    }
    format!("{error:#}")
}

/// A face that cannot start on a database, in Vietnamese, or `None` to keep its English words.
fn startup_error(error: &StartupError, lang: Lang) -> Option<String> {
    let locale = lang.code();
    let text = match error {
        StartupError::NoDataFolder => rust_i18n::t!("error.no_data_folder", locale = locale),
        StartupError::NoHomeWard { path } => {
            rust_i18n::t!("error.no_home_ward", locale = locale, path = path.display())
        }
        StartupError::Store(_) => return None,
    };
    Some(text.into_owned())
}

/// An export that failed, in Vietnamese, or `None` to keep its English words.
fn export_error(error: &crate::export::ExportError, lang: Lang) -> Option<String> {
    use crate::export::ExportError;
    let locale = lang.code();
    let text = match error {
        ExportError::Empty => rust_i18n::t!("error.export.empty", locale = locale),
        ExportError::OneWardOnly { count } => {
            rust_i18n::t!("error.export.one_ward", locale = locale, count = count)
        }
        ExportError::Io { path, source } => rust_i18n::t!(
            "error.export.io",
            locale = locale,
            path = path.display(),
            detail = io_reason(source, lang)
        ),
        ExportError::NoFolder { path, folder } => rust_i18n::t!(
            "error.no_folder",
            locale = locale,
            path = path.display(),
            folder = folder.display()
        ),
        ExportError::Workbook { path, detail } => rust_i18n::t!(
            "error.export.workbook",
            locale = locale,
            path = path.display(),
            detail = detail
        ),
        ExportError::Render { path, detail, .. } => rust_i18n::t!(
            "error.export.render",
            locale = locale,
            path = path.display(),
            detail = detail
        ),
    };
    Some(text.into_owned())
}

/// Why the system refused to read or write a file, in the user's language where the reason is
/// a common one; else the system's own words.
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let key = match error.kind() {
        ErrorKind::PermissionDenied => "error.io.denied",
        ErrorKind::StorageFull => "error.io.full",
        ErrorKind::ReadOnlyFilesystem => "error.io.read_only",
        ErrorKind::IsADirectory => "error.io.is_folder",
        ErrorKind::NotFound => "error.io.not_found",
        _ => return error.to_string(),
    };
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// A catalogue entry's mistake, in the user's language.
pub fn indicator_error(error: &IndicatorError, lang: Lang) -> String {
    let locale = lang.code();
    match error {
        IndicatorError::BadCode(code) => {
            rust_i18n::t!("error.indicator.bad_code", locale = locale, code = code)
        }
        IndicatorError::NoName => rust_i18n::t!("error.indicator.no_name", locale = locale),
        IndicatorError::NoUnit => rust_i18n::t!("error.indicator.no_unit", locale = locale),
        IndicatorError::Precision(n) => {
            rust_i18n::t!("error.indicator.precision", locale = locale, precision = n)
        }
        IndicatorError::Rules(RulesError::Reversed { min, max }) => rust_i18n::t!(
            "error.indicator.rules_reversed",
            locale = locale,
            min = crate::domain::number::format_exact(*min, lang.into()),
            max = crate::domain::number::format_exact(*max, lang.into())
        ),
        IndicatorError::Rules(RulesError::Threshold(_)) => {
            rust_i18n::t!("error.indicator.rules_threshold", locale = locale)
        }
        IndicatorError::Aggregation(AggregationError::OwnWeight(code)) => {
            rust_i18n::t!("error.indicator.own_weight", locale = locale, code = code)
        }
        IndicatorError::Aggregation(AggregationError::UnknownWeight(code)) => {
            rust_i18n::t!(
                "error.indicator.unknown_weight",
                locale = locale,
                code = code
            )
        }
        IndicatorError::Aggregation(AggregationError::WeightNotSummed { weight }) => {
            rust_i18n::t!(
                "error.indicator.weight_not_summed",
                locale = locale,
                code = weight
            )
        }
    }
    .into_owned()
}

/// An import that cannot start, in Vietnamese, or `None` to keep its English words.
fn import_error(error: &crate::import::ImportError, lang: Lang) -> Option<String> {
    use crate::import::ImportError;
    let locale = lang.code();
    let text = match error {
        ImportError::NoHeader { path } => {
            rust_i18n::t!(
                "error.import.no_header",
                locale = locale,
                path = path.display()
            )
        }
        ImportError::Unsupported { path } => {
            rust_i18n::t!(
                "error.import.unsupported",
                locale = locale,
                path = path.display()
            )
        }
        ImportError::Io { path, source } => rust_i18n::t!(
            "error.import.io",
            locale = locale,
            path = path.display(),
            detail = source
        ),
        ImportError::Unreadable { path, detail } => rust_i18n::t!(
            "error.import.unreadable",
            locale = locale,
            path = path.display(),
            detail = detail
        ),
        _ => return None,
    };
    Some(text.into_owned())
}

/// A store error in Vietnamese, or `None` to keep its English words.
fn store_error(error: &StoreError, lang: Lang) -> Option<String> {
    let locale = lang.code();
    let text = match error {
        StoreError::NotFound { path } => {
            rust_i18n::t!("error.not_found", locale = locale, path = path.display())
        }
        StoreError::IsFolder { path } => {
            rust_i18n::t!("error.is_folder", locale = locale, path = path.display())
        }
        StoreError::NotWardKpi { path, .. } => {
            rust_i18n::t!("error.not_ward_kpi", locale = locale, path = path.display())
        }
        StoreError::TooNew { path, found, known } => rust_i18n::t!(
            "error.too_new",
            locale = locale,
            path = path.display(),
            found = found,
            known = known
        ),
        StoreError::Corrupt { path, .. } => {
            rust_i18n::t!("error.corrupt", locale = locale, path = path.display())
        }
        StoreError::ReadOnly { path } => {
            rust_i18n::t!("error.read_only", locale = locale, path = path.display())
        }
        StoreError::Busy { path } => {
            rust_i18n::t!("error.busy", locale = locale, path = path.display())
        }
        StoreError::Full { path } => {
            rust_i18n::t!("error.full", locale = locale, path = path.display())
        }
        StoreError::NoFolder { path, folder } => rust_i18n::t!(
            "error.no_folder",
            locale = locale,
            path = path.display(),
            folder = folder.display()
        ),
        StoreError::AlreadyExists { path } => {
            rust_i18n::t!(
                "error.already_exists",
                locale = locale,
                path = path.display()
            )
        }
        StoreError::UnknownIndicator(code) => {
            rust_i18n::t!("error.unknown_indicator", locale = locale, code = code)
        }
        StoreError::UnknownUnit { code, year } => {
            rust_i18n::t!(
                "error.unknown_unit",
                locale = locale,
                code = code,
                year = year
            )
        }
        StoreError::NotAWard(code) => {
            rust_i18n::t!("error.not_a_ward", locale = locale, code = code)
        }
        StoreError::DuplicateIndicator(code) => {
            rust_i18n::t!("error.duplicate_indicator", locale = locale, code = code)
        }
        StoreError::EmptyAlias => rust_i18n::t!("error.alias.empty", locale = locale),
        StoreError::RestoreItself { path } => {
            rust_i18n::t!(
                "error.restore_itself",
                locale = locale,
                path = path.display()
            )
        }
        StoreError::NoReason => rust_i18n::t!("error.lock.no_reason", locale = locale),
        StoreError::AlreadyLocked(lock) => rust_i18n::t!(
            "error.lock.already",
            locale = locale,
            scope = lock.scope(lang),
            day = lock.locked.day()
        ),
        StoreError::NotLocked {
            unit,
            year,
            part,
            held_by,
        } => {
            let scope = crate::domain::lock::scope(unit.as_deref(), *year, *part, lang);
            match held_by {
                None => rust_i18n::t!("error.lock.none", locale = locale, scope = scope),
                Some(lock) => rust_i18n::t!(
                    "error.lock.held_by",
                    locale = locale,
                    scope = scope,
                    holder = lock.scope(lang)
                ),
            }
        }
        StoreError::AliasIsName {
            alias,
            indicator,
            holder,
        } => rust_i18n::t!(
            "error.alias.is_name",
            locale = locale,
            alias = alias,
            indicator = indicator,
            holder = holder
        ),
        StoreError::AliasTaken {
            alias,
            indicator,
            holder,
        } => rust_i18n::t!(
            "error.alias.taken",
            locale = locale,
            alias = alias,
            indicator = indicator,
            holder = holder
        ),
        StoreError::UnknownAlias(alias) => {
            rust_i18n::t!("error.alias.unknown", locale = locale, alias = alias)
        }
        StoreError::NameIsAlias {
            name,
            indicator,
            holder,
        } => rust_i18n::t!(
            "error.alias.name_is_alias",
            locale = locale,
            name = name,
            indicator = indicator,
            holder = holder
        ),
        StoreError::Indicator(error) => return Some(indicator_error(error, lang)),
        StoreError::Letterhead(error) => return Some(error.message(lang)),
        StoreError::IndicatorHasData(code) => {
            rust_i18n::t!("error.indicator_has_data", locale = locale, code = code)
        }
        _ => return None,
    };
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_are_worded_in_vietnamese_and_name_the_file() {
        let error = anyhow::Error::from(StoreError::ReadOnly {
            path: "/tmp/phuong.db".into(),
        });
        let vi = describe(&error, Lang::Vi);
        assert!(
            vi.contains("/tmp/phuong.db") && vi.contains("chỉ đọc"),
            "{vi}"
        );
        let en = describe(&error, Lang::En);
        assert!(
            en.contains("/tmp/phuong.db") && en.contains("read-only"),
            "{en}"
        );
    }

    #[test]
    fn catalogue_mistakes_are_worded_in_both_languages() {
        let error = IndicatorError::BadCode("Sản lượng".into());
        assert!(indicator_error(&error, Lang::Vi).contains("chữ thường"));
        assert!(indicator_error(&error, Lang::En).contains("lowercase"));
        let store = anyhow::Error::from(StoreError::Indicator(IndicatorError::NoName));
        assert!(describe(&store, Lang::Vi).contains("tên tiếng Việt"));
    }

    #[test]
    fn a_refused_alias_names_both_indicators_in_both_languages() {
        let error = anyhow::Error::from(StoreError::AliasTaken {
            alias: "Thu NS".into(),
            indicator: "crop_output".into(),
            holder: "budget_revenue".into(),
        });
        for lang in [Lang::Vi, Lang::En] {
            let text = describe(&error, lang);
            assert!(
                ["Thu NS", "crop_output", "budget_revenue"]
                    .iter()
                    .all(|part| text.contains(part)),
                "{text}"
            );
        }
        assert!(describe(&error, Lang::Vi).contains("tên gọi khác"));
    }

    #[test]
    fn other_errors_keep_their_words() {
        let error = anyhow::anyhow!("--year 1800 is out of range (1990–2100)");
        assert_eq!(
            describe(&error, Lang::Vi),
            "--year 1800 is out of range (1990–2100)"
        );
    }
}
