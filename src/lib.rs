//! ward-kpi: a Vietnamese ward's yearly indicators against plan.
//!
//! The layers, and the one direction their arrows point:
//! - [`domain`]: indicators, plans, figures, % of plan, Vietnamese numbers. Plain Rust.
//! - [`store`]: the SQLite file: schema, migrations, saves, the change log.
//! - [`edit`]: the one write path: what a face says should be written, checked by one set of
//!   rules against what is stored, turned into the store's writes.
//! - [`export`]: the year's report as Excel, PDF, CSV, a PNG chart and sentences.
//! - [`import`]: figures and plans in from tables, checked before anything is written.
//! - [`demo`]: the demo ward (Phường Thanh Trường, 2021) and the synthetic generator.
//! - [`startup`]: where both faces start: the database file and the ward shown.
//! - [`cli`]: the command line, one face over the core.
//! - [`app`]: the window (eframe/egui), the other face over the same core.

rust_i18n::i18n!("assets/locales", fallback = "en");

pub mod app;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod edit;
pub mod export;
pub mod gather;
pub mod import;
pub mod messages;
pub mod startup;
pub mod store;
pub mod target;
