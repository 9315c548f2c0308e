//! The reference administrative units every new database starts with: Tỉnh Điện Biên, Thành
//! phố Điện Biên Phủ and the wards the sources name there, before and after the merger of
//! 1 July 2025, with their statistics codes. Only codes the sources give are listed.
//!
//! Sources:
//! - the merger: Nghị quyết 1661/NQ-UBTVQH15 (16/6/2025), Điều 1 khoản 44 (phường Him Lam, Tân
//!   Thanh, Mường Thanh, Thanh Bình, Thanh Trường and xã Thanh Minh become phường Điện Biên
//!   Phủ) and khoản 45 (phường Noong Bua, Nam Thanh and xã Thanh Xương become phường Mường
//!   Thanh), as transcribed in github.com/dvhcvn/20250701 `input/docs/1661_NQ-UBTVQH15.md`;
//!   from 1/7/2025 the new wards report to the province (Điều 2 khoản 2);
//! - the new codes (03127, 03334): Cục Thống kê, công văn 1027/CTK-CSCL (25/6/2025), in the
//!   same repository, `input/docs/1027_CTK-CSCL.md`;
//! - the old codes of the wards, the city (094) and huyện Điện Biên (100): the list before the
//!   merger, github.com/daohoangson/dvhcvn `data/dvhcvn.json`.
//!
//! Codes are reused: the new phường Điện Biên Phủ has the old phường Him Lam's code (03127) and
//! the new phường Mường Thanh the old xã Thanh Xương's (03334), while the old phường Mường Thanh
//! was 03136. The validity dates tell them apart (the table is unique by code and start of
//! validity), never the names.

use jiff::civil::date;

use crate::domain::{AdminUnit, Level};

/// The province's statistics code.
const PROVINCE: &str = "11";
/// Thành phố Điện Biên Phủ.
const CITY: &str = "094";
/// Huyện Điện Biên, the district of xã Thanh Xương.
const DISTRICT_DIEN_BIEN: &str = "100";
/// Phường Điện Biên Phủ from 1/7/2025 (NQ 1661, khoản 44).
const DIEN_BIEN_PHU: &str = "03127";
/// Phường Mường Thanh from 1/7/2025 (NQ 1661, khoản 45): not the old phường Mường Thanh (03136).
const MUONG_THANH: &str = "03334";

/// The units merged on 1/7/2025: code, name, the city or district they sat under, and the new
/// ward they became.
const MERGED: [(&str, &str, &str, &str); 9] = [
    // Khoản 44: Phường Điện Biên Phủ.
    ("03127", "Phường Him Lam", CITY, DIEN_BIEN_PHU),
    ("03130", "Phường Thanh Bình", CITY, DIEN_BIEN_PHU),
    ("03133", "Phường Tân Thanh", CITY, DIEN_BIEN_PHU),
    ("03136", "Phường Mường Thanh", CITY, DIEN_BIEN_PHU),
    ("03142", "Phường Thanh Trường", CITY, DIEN_BIEN_PHU),
    ("03145", "Xã Thanh Minh", CITY, DIEN_BIEN_PHU),
    // Khoản 45: Phường Mường Thanh.
    ("03124", "Phường Noong Bua", CITY, MUONG_THANH),
    ("03139", "Phường Nam Thanh", CITY, MUONG_THANH),
    // One source only for this commune's code and its district's (dvhcvn.json, the list
    // before the merger); the resolution names the commune without a code.
    ("03334", "Xã Thanh Xương", DISTRICT_DIEN_BIEN, MUONG_THANH),
];

/// The reference units, in order from the province down.
pub fn reference() -> Vec<AdminUnit> {
    let merger_eve = Some(date(2025, 6, 30));
    let merger_day = Some(date(2025, 7, 1));
    let unit = |code: &str, name: &str, level, parent: Option<&str>| AdminUnit {
        code: code.to_owned(),
        name: name.to_owned(),
        level,
        parent_code: parent.map(str::to_owned),
        valid_from: None,
        valid_to: None,
        successor_code: None,
        synthetic: false,
    };
    let mut units = vec![
        unit(PROVINCE, "Tỉnh Điện Biên", Level::Province, None),
        AdminUnit {
            valid_to: merger_eve,
            ..unit(
                CITY,
                "Thành phố Điện Biên Phủ",
                Level::District,
                Some(PROVINCE),
            )
        },
        AdminUnit {
            valid_to: merger_eve,
            ..unit(
                DISTRICT_DIEN_BIEN,
                "Huyện Điện Biên",
                Level::District,
                Some(PROVINCE),
            )
        },
    ];
    units.extend(
        MERGED
            .iter()
            .map(|(code, name, parent, successor)| AdminUnit {
                valid_to: merger_eve,
                successor_code: Some((*successor).to_owned()),
                ..unit(code, name, Level::Ward, Some(parent))
            }),
    );
    units.push(AdminUnit {
        valid_from: merger_day,
        ..unit(
            DIEN_BIEN_PHU,
            "Phường Điện Biên Phủ",
            Level::Ward,
            Some(PROVINCE),
        )
    });
    units.push(AdminUnit {
        valid_from: merger_day,
        ..unit(
            MUONG_THANH,
            "Phường Mường Thanh",
            Level::Ward,
            Some(PROVINCE),
        )
    });
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ward_has_a_parent_among_the_units_and_successors_exist() {
        let units = reference();
        let known = |code: &str| units.iter().any(|u| u.code == code);
        for unit in &units {
            if let Some(parent) = &unit.parent_code {
                assert!(known(parent), "{} has parent {parent}", unit.code);
            }
            if let Some(successor) = &unit.successor_code {
                assert!(known(successor), "{} has successor {successor}", unit.code);
            }
        }
        assert!(units.iter().any(|u| u.level == Level::Ward));
    }

    #[test]
    fn the_two_mergers_of_nq_1661_link_every_predecessor_and_reused_codes_stay_apart() {
        use crate::domain::ward::{predecessors, wards_under};
        let units = reference();
        let codes = |found: Vec<usize>| -> Vec<String> {
            let mut codes: Vec<String> = found.into_iter().map(|i| units[i].code.clone()).collect();
            codes.sort();
            codes
        };
        let new = |code: &str| {
            units
                .iter()
                .find(|u| u.code == code && u.valid_from.is_some())
                .unwrap_or_else(|| panic!("new ward {code}"))
        };
        assert_eq!(
            codes(predecessors(&units, new("03127"))),
            ["03127", "03130", "03133", "03136", "03142", "03145"]
        );
        assert_eq!(
            codes(predecessors(&units, new("03334"))),
            ["03124", "03139", "03334"]
        );
        // Before the merger the province's wards sat under its city and district; after it,
        // under the province itself.
        assert_eq!(
            codes(wards_under(&units, "11", 2024)),
            [
                "03124", "03127", "03130", "03133", "03136", "03139", "03142", "03145", "03334"
            ]
        );
        assert_eq!(codes(wards_under(&units, "094", 2021)).len(), 8);
        assert_eq!(codes(wards_under(&units, "11", 2025)), ["03127", "03334"]);
        // The table is unique by code and start of validity.
        let mut keys: Vec<_> = units.iter().map(|u| (&u.code, u.valid_from)).collect();
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), before);
    }
}
