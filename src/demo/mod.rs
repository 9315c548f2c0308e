//! Data to start with: the standard catalogue and the administrative units every new database
//! holds, the demo ward (Phường Thanh Trường, 2021, exactly as published), and a clearly named
//! synthetic generator for trying trends and for benchmarks.

pub mod catalogue;
pub mod synthetic;
pub mod thanh_truong;

use crate::store::{Result, Store};

/// Puts the catalogue and the known administrative units into a new database.
pub fn seed_reference_data(store: &Store) -> Result<()> {
    for indicator in catalogue::standard() {
        store.add_indicator(&indicator)?;
    }
    for unit in thanh_truong::units() {
        store.add_unit(&unit)?;
    }
    store.set_setting("home_ward", thanh_truong::WARD_CODE)
}

/// Creates a new database at `path` holding the catalogue, the units and the demo ward's 2021
/// figures. An existing non-empty file is refused and left as it is.
pub fn create_demo(path: &std::path::Path) -> Result<Store> {
    Store::create_with(path, |store| {
        seed_reference_data(store)?;
        thanh_truong::write_2021(store)
    })
}

/// Creates a new database at `path` with the catalogue and the units, and no figures.
pub fn create_empty(path: &std::path::Path) -> Result<Store> {
    Store::create_with(path, |store| seed_reference_data(store))
}
