//! `ward-kpi demo`: the demo database, and with `--synthetic` a large made-up one.

use std::path::Path;

use clap::Args;

use crate::demo::synthetic::{self, Spec};
use crate::domain::Lang;
use crate::store::Store;

/// Arguments of `ward-kpi demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Also add made-up wards for trying trends and benchmarks (named "giả lập" everywhere).
    #[arg(long)]
    pub synthetic: bool,
    /// Synthetic wards to make.
    #[arg(long, default_value_t = 100, requires = "synthetic", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub wards: u32,
    /// Years of synthetic figures, ending in 2025 (the year of the reform: wards under synthetic
    /// cities before it, under the synthetic province from 1/7/2025).
    #[arg(long, default_value_t = 20, requires = "synthetic", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub years: u32,
    /// Indicators per synthetic ward (the catalogue's, then made-up ones).
    #[arg(long, default_value_t = 50, requires = "synthetic", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub indicators: u32,
    /// Seed of the synthetic values: the same seed gives the same data.
    #[arg(long, default_value_t = 2021, requires = "synthetic")]
    pub seed: u64,
}

pub fn run(path: &Path, args: &DemoArgs, lang: Lang) -> anyhow::Result<()> {
    if !args.synthetic {
        crate::demo::create_demo(path)?;
    } else {
        let spec = Spec {
            wards: args.wards,
            years: args.years,
            indicators: args.indicators,
            seed: args.seed,
        };
        let mut generated = synthetic::Generated::default();
        // The demo ward and the synthetic wards are made in one go: the file appears whole or
        // not at all.
        Store::create_with(path, |store| {
            crate::demo::seed_reference_data(store)?;
            crate::demo::thanh_truong::write_2021(store)?;
            generated = synthetic::generate(store, spec, |done, total| {
                if done % 10 == 0 || done == total {
                    eprint!("\r{done}/{total}");
                }
            })?;
            eprintln!();
            Ok(())
        })?;
        super::print_line(&rust_i18n::t!(
            "cli.synthetic",
            locale = lang.code(),
            wards = generated.wards,
            figures = generated.figures,
            plans = generated.plans
        ));
    }
    super::print_line(&rust_i18n::t!(
        "cli.created",
        locale = lang.code(),
        path = path.display()
    ));
    Ok(())
}
