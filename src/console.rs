//! The Windows console. The program is built for Windows' GUI subsystem, so that the window opens
//! without a console window beside it; but a command typed in a Command Prompt or PowerShell must
//! still print there. So, first thing, the program attaches to the console of the process that
//! started it, if it has one (started from Explorer or a shortcut it has none, and nothing
//! happens). Elsewhere this does nothing.
//!
//! Rust's standard library asks Windows for the standard handle on every write (`GetStdHandle`
//! in `library/std/src/sys/stdio/windows.rs`: "Don't cache handles but get them fresh for every
//! read/write … such as if a process calls `SetStdHandle` while it's running", rust-lang/rust
//! #40490), so attaching before the first `print!` is enough for `println!`, `eprintln!` and
//! clap's help; and it writes to a console as UTF-16 (`WriteConsoleW`), so Vietnamese letters
//! show whatever the console's code page. Before attaching, a write finds no handle and std
//! counts it as written (nothing is lost that anyone could see).
//!
//! The exit code needs nothing: it is the process's, whatever its subsystem. A Command Prompt
//! typed at does not wait for a GUI program, though (its prompt comes back before the output;
//! a batch file, `start /wait` and a pipe do wait): the README says so.

/// Attaches to the console of the process that started this one, keeping any standard handle the
/// caller redirected (`ward-kpi report > bao-cao.txt`, a pipe): attaching alone would replace
/// them by the console. Standard input is a file or a pipe the caller gave, or none: never the
/// console, which the shell goes on reading at the same time (it does not wait for a GUI
/// program), so no question is asked there: commands that would ask say to pass `--yes`.
#[cfg(windows)]
#[allow(unsafe_code)]
pub fn attach_to_parent() {
    use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE_DISK, FILE_TYPE_PIPE, GetFileType};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_INPUT_HANDLE,
        STD_OUTPUT_HANDLE, SetStdHandle,
    };

    // SAFETY: these calls take and return plain values (handle ids, handles, a process id);
    // no pointer is passed, nothing is freed. A handle that is null or invalid makes
    // GetFileType answer FILE_TYPE_UNKNOWN, and SetStdHandle only stores the value given.
    unsafe {
        let output = GetStdHandle(STD_OUTPUT_HANDLE);
        let error = GetStdHandle(STD_ERROR_HANDLE);
        let input = GetStdHandle(STD_INPUT_HANDLE);
        let redirected = |handle| matches!(GetFileType(handle), FILE_TYPE_DISK | FILE_TYPE_PIPE);
        let (output_redirected, error_redirected) = (redirected(output), redirected(error));
        if output_redirected && error_redirected {
            // Both go where the caller said: a console would add nothing.
            return;
        }
        // Fails when the parent has no console (Explorer, a shortcut): then there is nowhere to
        // print, and the window needs none.
        if AttachConsole(ATTACH_PARENT_PROCESS) == 0 {
            return;
        }
        // What to do if putting a handle back failed? Nothing better than the console, where
        // the output then goes.
        if output_redirected {
            SetStdHandle(STD_OUTPUT_HANDLE, output);
        }
        if error_redirected {
            SetStdHandle(STD_ERROR_HANDLE, error);
        }
        let input = if redirected(input) {
            input
        } else {
            std::ptr::null_mut()
        };
        SetStdHandle(STD_INPUT_HANDLE, input);
    }
}

/// Elsewhere a program has its terminal already: nothing to do.
#[cfg(not(windows))]
pub fn attach_to_parent() {}
