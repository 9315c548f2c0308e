//! Data to try the program with: the demo ward (Phường Thanh Trường, 2021, exactly as
//! published) over the store's seed data, and a clearly named synthetic generator for trying
//! trends and for benchmarks.

pub mod synthetic;
pub mod thanh_truong;

use crate::store::{Result, Store, seed};

/// Puts the seed data into a new database and makes the demo ward its home ward.
pub fn seed_reference_data(store: &Store) -> Result<()> {
    seed::write(store)?;
    store.set_home_ward(thanh_truong::WARD_CODE)
}

/// Creates a new database at `path` holding the seed data and the demo ward's 2021 figures. An
/// existing non-empty file is refused and left as it is.
pub fn create_demo(path: &std::path::Path) -> Result<Store> {
    Store::create_with(path, |store| {
        seed_reference_data(store)?;
        thanh_truong::write_2021(store)
    })
}

/// Creates a new database at `path` for the demo ward with no figures yet: the seed data, the
/// demo ward as home ward. What tests and trials start from; `ward-kpi init` makes a database
/// with no home ward ([`seed::create`]).
pub fn create_empty(path: &std::path::Path) -> Result<Store> {
    Store::create_with(path, |store| seed_reference_data(store))
}
