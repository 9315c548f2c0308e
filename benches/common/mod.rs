//! What the benchmarks share: the cached ~1,000,000-figure synthetic database.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use ward_kpi::demo::synthetic::{self, Spec};
use ward_kpi::store::Store;

/// The size of the cached database: 334 × 50 × 20 × 3 = 1,002,000 figures.
pub const REPORT_SPEC: Spec = Spec {
    wards: 334,
    years: 20,
    indicators: 50,
    seed: 1,
};

/// The fewest figures a cached database must hold to be reused.
pub const REPORT_MIN_FIGURES: i64 = 1_000_000;

/// The ward and year the benchmarks read.
pub const REPORT_WARD: &str = "SYN0100";
pub const REPORT_YEAR: i16 = 2020;

/// Where benchmark databases live: beside the build, out of the sources.
pub fn bench_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

/// Size in MB (10⁶ bytes) of a database file and its WAL, if any.
pub fn size_mb(path: &Path) -> f64 {
    let bytes: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::metadata(name).ok()
        })
        .map(|m| m.len())
        .sum();
    // Precision loss is irrelevant for a printed size.
    #[allow(clippy::cast_precision_loss)]
    let mb = bytes as f64 / 1e6;
    mb
}

/// The cached database's name, versioned with the generator: a file made by an older one
/// (v1 had shares above 100%, which the plausibility rules now refuse; v2 had no province and
/// no cities above its wards, and ended in 2024) is not reused.
const SYNTHETIC_1M: &str = "synthetic-1m-v3.db";

/// The path of the ~1M-figure synthetic database, built there first if missing or short.
pub fn synthetic_1m_path() -> PathBuf {
    synthetic_path(SYNTHETIC_1M, REPORT_SPEC, REPORT_MIN_FIGURES)
}

/// The path of a synthetic database named `name` in `target/bench-data`, built there from
/// `spec` first if missing or holding fewer than `min_figures` figures.
pub fn synthetic_path(name: &str, spec: Spec, min_figures: i64) -> PathBuf {
    let path = bench_data_dir().join(name);
    let usable = Store::open(&path)
        .and_then(|store| store.figure_count())
        .is_ok_and(|figures| figures >= min_figures);
    if !usable {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            if let Err(e) = std::fs::remove_file(&name)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                panic!("cannot remove {}: {e}", Path::new(&name).display());
            }
        }
        std::fs::create_dir_all(bench_data_dir()).expect("the bench-data folder can be created");
        let started = Instant::now();
        Store::create_with(&path, |store| {
            ward_kpi::demo::seed_reference_data(store)?;
            synthetic::generate(store, spec, |_, _| {})?;
            Ok(())
        })
        .expect("the synthetic database can be built");
        eprintln!(
            "bench: built {} in {:.1?} ({:.0} MB)",
            path.display(),
            started.elapsed(),
            size_mb(&path)
        );
    }
    path
}
