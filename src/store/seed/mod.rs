//! The seed data of every new database: the standard indicator catalogue and the reference
//! administrative units. No figures, and no home ward: which ward a database keeps is the
//! user's choice (`ward-kpi home-ward`, or the window's settings), not the seed's.

pub mod catalogue;
pub mod units;

use std::path::Path;

use super::{Result, Store};

/// Puts the catalogue and the reference units into a new database.
pub fn write(store: &Store) -> Result<()> {
    // Weights first: a weighted average names an indicator already there.
    let mut list = catalogue::standard();
    list.sort_by_key(|i| i.aggregation.weight().is_some());
    for indicator in list {
        store.add_indicator(&indicator)?;
    }
    for unit in units::reference() {
        store.add_unit(&unit)?;
    }
    Ok(())
}

/// Creates a new database at `path` holding the seed data and nothing else. An existing
/// non-empty file is refused and left as it is.
pub fn create(path: &Path) -> Result<Store> {
    Store::create_with(path, |store| write(store))
}
