//! The `ward-kpi` program: hands the command line over to the library.

fn main() -> std::process::ExitCode {
    ward_kpi::cli::main()
}
