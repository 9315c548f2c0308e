//! What a view asks for. Views never change the store or the session mid-frame: they push
//! commands, which the app applies after the frame, in one place.

use std::path::PathBuf;

use super::entry_form::CellAt;
use super::theme::ThemeChoice;
use super::view::View;
use crate::domain::number::NumberStyle;
use crate::domain::{Indicator, Lang, LockPart};
use crate::edit::RowEdit;
use crate::store::IndicatorId;

/// A request from a view.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    ShowView(View),
    SetYear(i16),
    SetWard(String),
    /// Show the wards under a parent (`None`: the shown ward's province) side by side for a
    /// year: their reports are read on a worker.
    LoadComparison {
        parent: Option<String>,
        year: i16,
    },
    /// Show this ward's dashboard for this year (a click in the comparison).
    OpenWard {
        code: String,
        year: i16,
    },
    /// Write the comparison shown, as sorted, to a file, on a worker.
    ExportComparison {
        format: crate::export::compare::Format,
        path: PathBuf,
    },
    /// Show the trend of one indicator.
    OpenTrend(IndicatorId),
    /// Write the data-entry form's changes through the one write path (one transaction); values
    /// a plausibility rule doubts are asked about first.
    Save(Vec<RowEdit<CellAt>>),
    /// Write them, the flagged values agreed to.
    SaveFlagged(Vec<RowEdit<CellAt>>),
    /// Drop unsaved edits and reload the form.
    DiscardEdits,
    AddIndicator(Indicator),
    UpdateIndicator(Indicator),
    DeleteIndicator(String),
    /// Another name for an indicator, as imported tables write it.
    AddAlias {
        indicator: IndicatorId,
        alias: String,
    },
    /// Remove an alias.
    RemoveAlias(String),
    /// A category's indicator codes in their new order.
    Reorder(Vec<String>),
    OpenDatabase(PathBuf),
    NewDatabase(PathBuf),
    /// Make the ward with this code the database's home ward (a new database has none).
    SetHomeWard(crate::domain::AdminUnit),
    /// Keep a unit's letterhead for its Word reports (checked before it is sent).
    SaveLetterhead {
        code: String,
        settings: crate::domain::letterhead::LetterheadSettings,
    },
    SetLang(Lang),
    /// How numbers are written and typed; `None`: the language's style.
    SetNumberStyle(Option<NumberStyle>),
    SetTheme(ThemeChoice),
    EnterMeeting,
    LeaveMeeting,
    CopyText(String),
    /// Write the shown ward's year (or, with `all_wards`, every ward's) to a file, on a worker:
    /// the indicators reported that year, or with `all_indicators` the whole catalogue.
    Export {
        format: crate::export::Format,
        path: PathBuf,
        all_wards: bool,
        all_indicators: bool,
    },
    /// Read and check a file to import, on a worker, and show what it would write: in the
    /// number style found from the file, or (when its numbers read two ways) the one chosen.
    ImportPreview(ImportAsk),
    /// Write the previewed import (one transaction, on a worker).
    ImportWrite,
    /// Close the import preview without writing.
    CloseImport,
    /// Open the gathering of the wards' files (Nhận báo cáo phường), on the year's submissions.
    OpenGather,
    /// Show the submissions of another year.
    GatherYear(i16),
    /// Read these ward files and folders on a worker, and show what gathering them would do.
    GatherPreview(Vec<PathBuf>),
    /// Write the previewed gathering (one transaction, on a worker).
    GatherWrite,
    /// Close the gathering.
    CloseGather,
    /// Show the change history under this filter.
    FilterHistory(crate::store::SaveFilter),
    /// Read the values of one save in the change history.
    OpenSave(i64),
    /// Read the list of copies in the backups folder.
    LoadBackups,
    /// Write a copy of the database into the backups folder beside it.
    BackupNow,
    /// Replace the database by this copy (the file as it is kept first).
    Restore(PathBuf),
    /// Lock a part of the shown ward's year, saying why (a backup is made first).
    Lock {
        part: LockPart,
        reason: String,
    },
    /// Lift the locks within a part of the shown ward's year, saying why.
    Unlock {
        part: LockPart,
        reason: String,
    },
    /// Write the plans typed in a province's (or city's) grid of its wards, through the one
    /// write path (one transaction).
    SaveHandout(Vec<crate::edit::RowEdit<crate::app::views::handout::HandoutCell>>),
    /// Write the plans the shown province (or city) hands down: one workbook, or a workbook per
    /// ward into a folder.
    ExportHandout {
        path: PathBuf,
        one_workbook: bool,
    },
    /// Show an error the view found (a save blocked by a cell, …) in the notice.
    ShowError(String),
    /// A save blocked by cells that cannot be read: shown until they read.
    SaveBlocked(String),
    /// Close the window (after the unsaved-changes question, if any).
    Quit,
}

impl Command {
    /// True when the command writes to the database from the window's thread.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Self::Save(_)
                | Self::SaveFlagged(_)
                | Self::SaveHandout(_)
                | Self::AddIndicator(_)
                | Self::UpdateIndicator(_)
                | Self::DeleteIndicator(_)
                | Self::AddAlias { .. }
                | Self::RemoveAlias(_)
                | Self::Reorder(_)
                | Self::Lock { .. }
                | Self::Unlock { .. }
                | Self::Restore(_)
                | Self::SaveLetterhead { .. }
        )
    }

    /// True when the command would throw away unsaved edits of the entry form.
    pub fn drops_edits(&self, current: View) -> bool {
        match self {
            Self::ShowView(view) => *view != View::Entry && current == View::Entry,
            Self::SetYear(_)
            | Self::SetWard(_)
            | Self::OpenDatabase(_)
            | Self::NewDatabase(_)
            | Self::OpenTrend(_)
            | Self::OpenWard { .. }
            | Self::EnterMeeting
            | Self::ImportWrite
            | Self::GatherWrite
            | Self::Lock { .. }
            | Self::Unlock { .. }
            | Self::Restore(_)
            | Self::Quit => true,
            _ => false,
        }
    }
}

/// A file to import and what the user chose for it in the preview so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportAsk {
    pub file: PathBuf,
    /// The number style, for a file whose numbers read two ways.
    pub style: Option<NumberStyle>,
    /// The table of a Word report (0-based).
    pub table: Option<usize>,
    /// Names of the file picked for an indicator: name, code.
    pub map: Vec<(String, String)>,
}

impl ImportAsk {
    /// A file, nothing chosen yet.
    pub fn file(file: PathBuf) -> Self {
        Self {
            file,
            ..Self::default()
        }
    }
}
