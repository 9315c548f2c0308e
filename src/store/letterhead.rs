//! Each unit's letterhead as its staff set it (the issuing body, the place, the signer), kept
//! in the database's settings, and resolved against the unit for the documents it issues.

use crate::domain::letterhead::{Letterhead, LetterheadSettings};
use crate::domain::report::WardYear;
use crate::domain::{AdminUnit, Lang};

use super::{Result, Store, StoreError};

/// The setting's key for a unit's letterhead.
fn key(code: &str) -> String {
    format!("letterhead:{code}")
}

impl Store {
    /// What the database holds of a unit's letterhead; nothing set when it holds nothing.
    pub fn letterhead_settings(&self, code: &str) -> Result<LetterheadSettings> {
        let Some(text) = self.setting(&key(code))? else {
            return Ok(LetterheadSettings::default());
        };
        serde_json::from_str(&text).map_err(|_| StoreError::BadStoredValue {
            path: self.path().to_path_buf(),
            what: "letterhead",
            text,
        })
    }

    /// Keeps a unit's letterhead, each field checked first; an empty one removes the setting,
    /// so the letterhead follows the unit again.
    pub fn set_letterhead_settings(&self, code: &str, settings: &LetterheadSettings) -> Result<()> {
        settings.check()?;
        if settings.is_empty() {
            self.writable()?;
            self.conn
                .execute("DELETE FROM setting WHERE key = ?1", [key(code)])
                .map_err(|e| self.sql(e))?;
            return Ok(());
        }
        let text = serde_json::to_string(settings).map_err(|e| StoreError::BadStoredValue {
            path: self.path().to_path_buf(),
            what: "letterhead",
            text: e.to_string(),
        })?;
        self.set_setting(&key(code), &text)
    }

    /// The letterhead a document of `unit` in `year` prints: the settings over the unit's own,
    /// the body it reports to that year as the first recipient.
    pub fn letterhead(&self, unit: &AdminUnit, year: i16, lang: Lang) -> Result<Letterhead> {
        let settings = self.letterhead_settings(&unit.code)?;
        let parent = self.reports_to(unit, year)?;
        Ok(settings.resolve(unit, parent.as_ref(), lang))
    }

    /// The body `unit` reports to in `year`: its parent then, if the database knows it.
    pub fn reports_to(&self, unit: &AdminUnit, year: i16) -> Result<Option<AdminUnit>> {
        let Some(code) = unit.parent_code.as_deref() else {
            return Ok(None);
        };
        match self.unit_for(code, year) {
            Ok((_, parent)) => Ok(Some(parent)),
            Err(StoreError::UnknownUnit { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The letterheads of the wards' documents, in their order.
    pub fn letterheads(&self, wards: &[WardYear], lang: Lang) -> Result<Vec<Letterhead>> {
        wards
            .iter()
            .map(|w| self.letterhead(&w.report.unit, w.report.year, lang))
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_letterhead_is_kept_field_by_field_and_removed_when_emptied() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (_, ward) = store.unit_for("03142", 2021).unwrap();
        let own = store.letterhead(&ward, 2021, Lang::Vi).unwrap();
        assert_eq!(own.office, "UBND PHƯỜNG THANH TRƯỜNG");
        assert_eq!(
            own.recipients[0],
            "UBND thành phố Điện Biên Phủ (để báo cáo);"
        );
        let settings = LetterheadSettings {
            signer_name: Some("Lò Văn Bình".into()),
            ..LetterheadSettings::default()
        };
        store.set_letterhead_settings("03142", &settings).unwrap();
        assert_eq!(store.letterhead_settings("03142").unwrap(), settings);
        let set = store.letterhead(&ward, 2021, Lang::Vi).unwrap();
        assert_eq!(set.signer_name, "Lò Văn Bình");
        assert_eq!(set.office, own.office);
        // Another unit's letterhead is untouched.
        assert!(store.letterhead_settings("03127").unwrap().is_empty());
        store
            .set_letterhead_settings("03142", &LetterheadSettings::default())
            .unwrap();
        assert_eq!(store.setting("letterhead:03142").unwrap(), None);
        // A refused field changes nothing.
        let bad = LetterheadSettings {
            office: Some(String::new()),
            ..LetterheadSettings::default()
        };
        assert!(matches!(
            store.set_letterhead_settings("03142", &bad),
            Err(StoreError::Letterhead(_))
        ));
        assert_eq!(store.setting("letterhead:03142").unwrap(), None);
    }

    #[test]
    fn a_damaged_stored_letterhead_is_named_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        store.set_setting("letterhead:03142", "{not json").unwrap();
        let error = store.letterhead_settings("03142").unwrap_err();
        assert!(error.to_string().contains("letterhead"), "{error}");
    }
}
