//! The `ward-kpi` program: reads the command line and hands over to the library.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    ward_kpi::cli::run(ward_kpi::cli::Args::parse())
}
