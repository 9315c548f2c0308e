//! The `ward-kpi` program: hands the command line over to the library.
//!
//! On Windows it is a GUI program, so the window opens without a console window; the command
//! line prints to the console it was started from (`console`).

#![cfg_attr(windows, windows_subsystem = "windows")]

mod console;

fn main() -> std::process::ExitCode {
    // Before anything is printed: clap's help and errors included.
    console::attach_to_parent();
    ward_kpi::cli::main()
}
