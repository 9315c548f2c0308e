//! The reference administrative units every new database starts with: Tỉnh Điện Biên, Thành
//! phố Điện Biên Phủ and the wards the sources name there, before and after the merger of
//! 1 July 2025 (NQ 1661/NQ-UBTVQH15), with their statistics codes. Only codes the sources give
//! are listed.

use jiff::civil::date;

use crate::domain::{AdminUnit, Level};

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
    vec![
        unit("11", "Tỉnh Điện Biên", Level::Province, None),
        AdminUnit {
            valid_to: merger_eve,
            ..unit(
                "094",
                "Thành phố Điện Biên Phủ",
                Level::District,
                Some("11"),
            )
        },
        AdminUnit {
            valid_to: merger_eve,
            successor_code: Some("03127".into()),
            ..unit("03142", "Phường Thanh Trường", Level::Ward, Some("094"))
        },
        AdminUnit {
            valid_from: merger_day,
            ..unit("03127", "Phường Điện Biên Phủ", Level::Ward, Some("11"))
        },
        AdminUnit {
            valid_from: merger_day,
            ..unit("03334", "Phường Mường Thanh", Level::Ward, Some("11"))
        },
    ]
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
}
