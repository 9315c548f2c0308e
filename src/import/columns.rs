//! Finding the header row and what each column holds, by the names people give them in
//! Vietnamese or English, or the codes of this program's own CSV.

use crate::domain::Stage;
use crate::domain::number::NumberStyle;

/// A value slot a column writes: the plan, or one stage of the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Plan,
    Figure(Stage),
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Ward,
    Year,
    Indicator,
    Name,
    Plan,
    Estimate,
    Actual,
    Final,
    /// A value whose stage is in the `Stage` column (this program's CSV).
    Value,
    Stage,
    PlanSource,
    PlanDerived,
    /// What a row of this program's figures sheet holds: `plan.city`, `figure.actual`, …
    RowCode,
    /// The upper end of a plan's band (figures sheet).
    AmountHigh,
    /// The value as it was typed (figures sheet): kept as the stored text.
    Typed,
    Note,
}

/// How many kinds of column there are.
const COLUMN_COUNT: usize = Column::Note as usize + 1;

/// Headings each column is known by, compared in lower case.
const NAMES: &[(Column, &[&str])] = &[
    (
        Column::Ward,
        &[
            "ward_code",
            "mã đvhc",
            "mã phường",
            "mã đơn vị",
            "ward code",
        ],
    ),
    (Column::Year, &["year", "năm"]),
    (
        Column::Indicator,
        &["indicator", "mã chỉ tiêu", "indicator code", "code", "mã"],
    ),
    (
        Column::Name,
        &[
            "name",
            "chỉ tiêu",
            "tên chỉ tiêu",
            "indicator name",
            "nội dung",
        ],
    ),
    (Column::Plan, &["plan", "kế hoạch", "kh", "kế hoạch năm"]),
    (
        Column::Estimate,
        &["estimate", "ước đạt", "ước th", "ước thực hiện", "ước tính"],
    ),
    (Column::Actual, &["actual", "thực hiện", "th", "kết quả"]),
    (Column::Final, &["final", "quyết toán", "qt"]),
    (
        Column::Value,
        &[
            "value",
            "giá trị",
            "ước th / thực hiện",
            "estimate / actual",
        ],
    ),
    (Column::Stage, &["stage", "giai đoạn"]),
    (Column::PlanSource, &["plan_source", "nguồn kế hoạch"]),
    (Column::PlanDerived, &["plan_derived", "suy ra", "derived"]),
    (Column::RowCode, &["row_code", "mã loại dòng", "row code"]),
    (
        Column::AmountHigh,
        &[
            "plan_high",
            "giá trị đến (khoảng)",
            "up to (band)",
            "amount_high",
        ],
    ),
    (Column::Typed, &["số như đã nhập", "as typed", "typed"]),
    (Column::Note, &["note", "ghi chú"]),
];

/// Headings only this program's CSV export writes together.
const MACHINE_HEADINGS: [&str; 6] = [
    "ward_code",
    "value",
    "stage",
    "plan_derived",
    "percent_of_plan",
    "change_measure",
];

/// The columns of a table, found in its header row.
#[derive(Debug)]
pub struct Columns {
    found: Vec<(Column, usize, String)>,
    /// Each column's position in a row, by `Column as usize`: every row asks several times.
    positions: [Option<usize>; COLUMN_COUNT],
    /// The header is this program's own CSV: numbers are machine-readable.
    pub machine: bool,
}

impl Columns {
    /// The first row that names an indicator column and a value column, and what it names.
    /// Title rows above it and blank rows are passed over.
    pub fn find(rows: &[(usize, Vec<String>)]) -> Option<(usize, Self)> {
        rows.iter().enumerate().find_map(|(index, (_, row))| {
            let mut found = Vec::new();
            for (position, heading) in row.iter().enumerate() {
                let key = heading.trim().to_lowercase();
                let column = NAMES
                    .iter()
                    .find(|(_, names)| names.contains(&key.as_str()))
                    .map(|(c, _)| *c);
                if let Some(column) = column
                    && !found.iter().any(|(c, _, _)| *c == column)
                {
                    found.push((column, position, heading.trim().to_owned()));
                }
            }
            let has = |c| found.iter().any(|(f, _, _)| *f == c);
            let names_indicator = has(Column::Indicator) || has(Column::Name);
            let has_values = [
                Column::Plan,
                Column::Estimate,
                Column::Actual,
                Column::Final,
            ]
            .into_iter()
            .any(has)
                || (has(Column::Value) && (has(Column::Stage) || has(Column::RowCode)));
            // This program's CSV names every one of its code headings; a sheet that borrows one
            // or two ("ward_code", "value") is a table people made, read as such.
            let machine = has(Column::Value)
                && MACHINE_HEADINGS
                    .iter()
                    .all(|code| row.iter().any(|h| h.trim() == *code));
            let mut positions = [None; COLUMN_COUNT];
            for (column, position, _) in &found {
                positions[*column as usize] = Some(*position);
            }
            (names_indicator && has_values).then_some((
                index,
                Self {
                    found,
                    positions,
                    machine,
                },
            ))
        })
    }

    /// How many columns the header names.
    pub fn count(&self) -> usize {
        self.found.len()
    }

    /// Whether the table has a column.
    pub fn has(&self, column: Column) -> bool {
        self.positions[column as usize].is_some()
    }

    /// The style of the language the headings of the indicator and value columns are written
    /// in, and one of them, when they agree on one language.
    pub fn heading_style(&self) -> Option<(NumberStyle, String)> {
        /// Vietnamese headings written without a tone mark.
        const VI_ASCII: [&str; 4] = ["kh", "th", "qt", "mã"];
        let mut found: Option<(NumberStyle, &str)> = None;
        for (column, _, heading) in &self.found {
            if !matches!(
                column,
                Column::Name
                    | Column::Plan
                    | Column::Estimate
                    | Column::Actual
                    | Column::Final
                    | Column::Value
            ) {
                continue;
            }
            let key = heading.to_lowercase();
            let style = if !key.is_ascii() || VI_ASCII.contains(&key.as_str()) {
                NumberStyle::Vi
            } else {
                NumberStyle::En
            };
            match found {
                None => found = Some((style, heading)),
                Some((other, _)) if other != style => return None,
                Some(_) => {}
            }
        }
        found.map(|(style, heading)| (style, heading.to_owned()))
    }

    /// The value columns the table has.
    pub fn value_columns(&self) -> impl Iterator<Item = (Column, usize)> + '_ {
        self.found.iter().filter_map(|(column, position, _)| {
            matches!(
                column,
                Column::Plan
                    | Column::Estimate
                    | Column::Actual
                    | Column::Final
                    | Column::Value
                    | Column::AmountHigh
            )
            .then_some((*column, *position))
        })
    }

    /// A row's cell in a column, if the table has it.
    pub fn cell<'r>(&self, cells: &'r [String], column: Column) -> Option<&'r str> {
        cells
            .get(self.positions[column as usize]?)
            .map(String::as_str)
    }

    /// The heading of a column as the file writes it.
    pub fn heading(&self, column: Column) -> Option<String> {
        self.found
            .iter()
            .find(|(c, _, _)| *c == column)
            .map(|(_, _, h)| h.clone())
    }

    /// The value columns of a row and the slot each writes; `None` where the row's stage or row
    /// code names no slot this program knows (the caller names that problem).
    pub fn value_slots(&self, cells: &[String]) -> Vec<(Column, Option<Slot>)> {
        let mut slots = Vec::new();
        for (column, _, _) in &self.found {
            let slot = match column {
                Column::Plan => Slot::Plan,
                Column::Estimate => Slot::Figure(Stage::Estimate),
                Column::Actual => Slot::Figure(Stage::Actual),
                Column::Final => Slot::Figure(Stage::Final),
                Column::Value => {
                    // The figures sheet names each row's slot by code; the CSV by its stage.
                    let row_code = self.cell(cells, Column::RowCode).map(str::trim);
                    if let Some(code) = row_code.filter(|c| !c.is_empty()) {
                        slots.push((*column, slot_of_row_code(code)));
                        continue;
                    } else {
                        let stage = self
                            .cell(cells, Column::Stage)
                            .map(str::trim)
                            .unwrap_or_default();
                        slots.push((*column, stage_of(stage).map(Slot::Figure)));
                        continue;
                    }
                }
                _ => continue,
            };
            slots.push((*column, Some(slot)));
        }
        slots
    }
}

/// The slot of a figures-sheet row: `plan.<source>` or `figure.<stage>`.
fn slot_of_row_code(code: &str) -> Option<Slot> {
    if let Some(stage) = code.strip_prefix("figure.") {
        Stage::from_code(stage).map(Slot::Figure)
    } else {
        code.strip_prefix("plan.")
            .and_then(crate::domain::PlanSource::from_code)
            .map(|_| Slot::Plan)
    }
}

/// The plan source a figures-sheet row names (`plan.city`), if it is a plan row.
pub fn plan_source_of_row_code(code: &str) -> Option<crate::domain::PlanSource> {
    code.trim()
        .strip_prefix("plan.")
        .and_then(crate::domain::PlanSource::from_code)
}

/// A stage as a code or as people write it.
fn stage_of(text: &str) -> Option<Stage> {
    let text = text.to_lowercase();
    Stage::from_code(&text).or(match text.as_str() {
        "ước đạt" | "ước" | "ước th" | "ước thực hiện" | "ước tính" => {
            Some(Stage::Estimate)
        }
        "thực hiện" | "th" => Some(Stage::Actual),
        "quyết toán" | "qt" => Some(Stage::Final),
        _ => None,
    })
}
