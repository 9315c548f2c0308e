//! Build script: on a Windows (GNU) build, embeds the program's icon and its version information
//! (version, product name and description, read from Cargo.toml) in `ward-kpi.exe`, the way
//! Explorer and the file's Properties show them. On every other build it does nothing at all.
//!
//! It calls the MinGW resource compiler (`x86_64-w64-mingw32-windres`, from Debian's
//! `binutils-mingw-w64-x86-64`, which `gcc-mingw-w64-x86-64` brings) itself rather than through a
//! crate such as `winresource` or `embed-resource`: those would be compiled on every Linux build
//! too, for nothing, where this script needs no dependency and returns at once.

use std::env;
use std::path::PathBuf;
use std::process::Command;

/// The icon Windows shows for the program, drawn by `examples/make_icon.rs`.
const ICON: &str = "assets/icons/ward-kpi.ico";

type Result<T> = std::result::Result<T, String>;

fn main() -> Result<()> {
    // Without these, Cargo would run the script again whenever any file of the package changed.
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={ICON}");
    println!("cargo::rerun-if-env-changed=WINDRES");
    if var("CARGO_CFG_TARGET_OS")? != "windows" {
        return Ok(());
    }
    if var("CARGO_CFG_TARGET_ENV")? != "gnu" {
        println!(
            "cargo::warning=the icon and version information are embedded only in Windows GNU builds (see .ci/build-windows)"
        );
        return Ok(());
    }
    let out_dir = PathBuf::from(var("OUT_DIR")?);
    let icon = PathBuf::from(var("CARGO_MANIFEST_DIR")?).join(ICON);
    // Everything windres reads and writes is beside it in OUT_DIR under a plain name: windres
    // hands its input to the C preprocessor through a shell command, where a path with spaces
    // or Vietnamese letters (C:\Users\Nguyễn Văn A\…) could break.
    std::fs::copy(&icon, out_dir.join("ward-kpi.ico"))
        .map_err(|e| format!("{}: {e}", icon.display()))?;
    std::fs::write(out_dir.join("ward-kpi.rc"), resource_script()?)
        .map_err(|e| format!("{}: {e}", out_dir.display()))?;

    let windres = windres()?;
    let status = Command::new(&windres)
        .current_dir(&out_dir)
        .args([
            "--codepage=65001",
            "--input=ward-kpi.rc",
            "--output-format=coff",
            "--output=ward-kpi-resource.o",
        ])
        .status()
        .map_err(|e| {
            format!(
                "cannot run {windres} ({e}): install it (Debian: apt-get install gcc-mingw-w64-x86-64), run .ci/build-windows which does, or name another resource compiler in WINDRES"
            )
        })?;
    if !status.success() {
        return Err(format!(
            "{windres} failed ({status}) on {}",
            out_dir.join("ward-kpi.rc").display()
        ));
    }
    // An object file named on the link line is linked whole, so its resources are kept (in a
    // library the linker would drop them: nothing refers to them).
    println!(
        "cargo::rustc-link-arg-bin=ward-kpi={}",
        out_dir.join("ward-kpi-resource.o").display()
    );
    Ok(())
}

/// The resource compiler: `WINDRES` when set, else MinGW's for the target's architecture (its
/// cross name on Linux, plain `windres` on Windows itself).
fn windres() -> Result<String> {
    if let Ok(named) = env::var("WINDRES") {
        return Ok(named);
    }
    if cfg!(windows) {
        return Ok("windres".to_owned());
    }
    Ok(format!(
        "{}-w64-mingw32-windres",
        var("CARGO_CFG_TARGET_ARCH")?
    ))
}

/// The resource script: the icon, then the version information in English (US, Unicode).
fn resource_script() -> Result<String> {
    // Windows keeps each part of a version in 16 bits.
    let part = |name: &str| -> Result<u16> {
        var(name)?
            .parse()
            .map_err(|e| format!("{name} does not fit a Windows version: {e}"))
    };
    let major = part("CARGO_PKG_VERSION_MAJOR")?;
    let minor = part("CARGO_PKG_VERSION_MINOR")?;
    let patch = part("CARGO_PKG_VERSION_PATCH")?;
    let version = var("CARGO_PKG_VERSION")?;
    let name = var("CARGO_PKG_NAME")?;
    let strings = [
        ("CompanyName", name.clone()),
        ("FileDescription", var("CARGO_PKG_DESCRIPTION")?),
        ("FileVersion", version.clone()),
        ("InternalName", name.clone()),
        (
            "LegalCopyright",
            format!("Licence: {}", var("CARGO_PKG_LICENSE")?),
        ),
        ("OriginalFilename", format!("{name}.exe")),
        ("ProductName", name.clone()),
        ("ProductVersion", version),
    ];
    let mut lines = vec![
        "#pragma code_page(65001)".to_owned(),
        "1 ICON \"ward-kpi.ico\"".to_owned(),
        "1 VERSIONINFO".to_owned(),
        format!("FILEVERSION {major},{minor},{patch},0"),
        format!("PRODUCTVERSION {major},{minor},{patch},0"),
        // VOS_NT_WINDOWS32, VFT_APP.
        "FILEOS 0x40004".to_owned(),
        "FILETYPE 0x1".to_owned(),
        "BEGIN".to_owned(),
        "  BLOCK \"StringFileInfo\"".to_owned(),
        "  BEGIN".to_owned(),
        "    BLOCK \"040904B0\"".to_owned(),
        "    BEGIN".to_owned(),
    ];
    // windres ends each string with the NUL Windows expects.
    lines.extend(
        strings
            .iter()
            .map(|(key, value)| format!("      VALUE \"{key}\", \"{}\"", rc_string(value))),
    );
    lines.extend(
        [
            "    END",
            "  END",
            "  BLOCK \"VarFileInfo\"",
            "  BEGIN",
            "    VALUE \"Translation\", 0x409, 1200",
            "  END",
            "END",
            "",
        ]
        .map(str::to_owned),
    );
    Ok(lines.join("\n"))
}

/// A text as a resource script's string: quotes doubled, backslashes escaped.
fn rc_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\"\"")
}

fn var(name: &str) -> Result<String> {
    env::var(name).map_err(|e| format!("{name}: {e}"))
}
