//! Finding the header of a table and what each column holds ([`super::headings`]): one heading
//! row, or two where a merged heading ("Năm 2023") stands above its parts ("Kế hoạch | Ước
//! TH"). Every column ends up used, checked, or listed as not used.

use super::headings::{self, Check, KEY_COUNT, Key, Meaning, Slot};
use super::read::Table;
use crate::domain::number::NumberStyle;
use crate::domain::{PlanSource, Stage};

/// A column of values: the slot it writes, its year when its heading names one, and whose plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueColumn {
    pub position: usize,
    pub slot: Slot,
    pub year: Option<i16>,
    pub source: Option<PlanSource>,
}

/// A column the program computes itself, checked against the values imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckColumn {
    pub position: usize,
    pub check: Check,
    pub year: Option<i16>,
}

/// Headings only this program's CSV export writes together.
const MACHINE_HEADINGS: [&str; 6] = [
    "ward_code",
    "value",
    "stage",
    "plan_derived",
    "percent_of_plan",
    "change_measure",
];

/// The columns of a table, found in its header.
#[derive(Debug)]
pub struct Columns {
    /// Each column's heading as the file writes it (the two rows joined), by position.
    headings: Vec<String>,
    /// Each key column's position, by `Key as usize`: every row asks several times.
    keys: [Option<usize>; KEY_COUNT],
    /// The value columns, in the order of the cells.
    pub values: Vec<ValueColumn>,
    pub checks: Vec<CheckColumn>,
    /// Headed columns this program does not read, by position.
    pub unused: Vec<usize>,
    /// How many rows the header takes (1 or 2).
    pub rows: usize,
    /// The header is this program's own CSV: numbers are machine-readable.
    pub machine: bool,
}

impl Columns {
    /// The first row that names the indicator and at least one value column, with the row
    /// under it when that row completes its headings; what they name. Title rows above it and
    /// blank rows are passed over. The index is the header's first row.
    pub fn find(table: &Table) -> Option<(usize, Self)> {
        (0..table.rows.len()).find_map(|index| {
            let width = table.rows[index].1.len();
            let single: Vec<String> = (0..width)
                .map(|c| table.heading(index, c).to_owned())
                .collect();
            let meanings: Vec<Meaning> = single.iter().map(|h| headings::meaning(h)).collect();
            let names = meanings
                .iter()
                .any(|m| matches!(m, Meaning::Key(Key::Name | Key::Indicator)));
            if !names {
                return None;
            }
            if let Some(two) = Self::two_rows(table, index, &meanings) {
                return Some((index, two));
            }
            Self::of(single, meanings, 1).map(|columns| (index, columns))
        })
    }

    /// The header of rows `index` and `index + 1`, when the lower row holds headings of its
    /// own under a heading of the upper one (the indicator's cell below is blank or merged) and
    /// together they name more values than the upper row alone.
    fn two_rows(table: &Table, index: usize, upper: &[Meaning]) -> Option<Self> {
        let lower_index = index + 1;
        let (_, lower) = table.rows.get(lower_index)?;
        let name_at = upper
            .iter()
            .position(|m| matches!(m, Meaning::Key(Key::Name | Key::Indicator)))?;
        let own = |c: usize| table.merged_into(lower_index, c).is_none();
        let name_below = lower.get(name_at).map_or("", |c| c.trim());
        if own(name_at) && !name_below.is_empty() {
            return None;
        }
        let width = table.rows[index].1.len().max(lower.len());
        let mut joined = Vec::with_capacity(width);
        let mut added = false;
        let below_at = |c: usize| {
            if own(c) {
                lower.get(c).map_or("", |c| c.trim())
            } else {
                ""
            }
        };
        for c in 0..width {
            let mut top = table.heading(index, c);
            let below = below_at(c);
            // A file that lost its merged cells (a CSV saved from Excel) leaves the cells a
            // heading spanned empty: the heading to the left spans them while every cell in
            // between is empty above and headed below.
            if top.is_empty() && !below.is_empty() {
                let spanned = (0..c)
                    .rev()
                    .find(|&l| !table.heading(index, l).is_empty() || below_at(l).is_empty());
                if let Some(l) = spanned
                    && !table.heading(index, l).is_empty()
                    && !below_at(l).is_empty()
                    && l != name_at
                {
                    top = table.heading(index, l);
                }
            }
            if below.is_empty() {
                joined.push(top.to_owned());
            } else {
                added = true;
                let both = format!("{below} {top}");
                // A heading of its own below ("Ghi chú") is not part of the one above.
                let alone = top.is_empty()
                    || matches!(headings::meaning(below), Meaning::Key(_))
                    || (headings::meaning(&both) == Meaning::Other
                        && headings::meaning(below) != Meaning::Other);
                joined.push(if alone { below.to_owned() } else { both });
            }
        }
        if !added {
            return None;
        }
        let meanings: Vec<Meaning> = joined.iter().map(|h| headings::meaning(h)).collect();
        let counted = |m: &[Meaning]| {
            m.iter()
                .filter(|m| matches!(m, Meaning::Value { .. } | Meaning::Check { .. }))
                .count()
        };
        if counted(&meanings) <= counted(upper) {
            return None;
        }
        Self::of(joined, meanings, 2)
    }

    /// The columns of a header, when it names values.
    fn of(headings: Vec<String>, meanings: Vec<Meaning>, rows: usize) -> Option<Self> {
        let mut keys = [None; KEY_COUNT];
        let mut values = Vec::new();
        let mut checks = Vec::new();
        let mut unused = Vec::new();
        for (position, meaning) in meanings.iter().enumerate() {
            match *meaning {
                Meaning::Key(key) if keys[key as usize].is_none() => {
                    keys[key as usize] = Some(position);
                }
                Meaning::Value { slot, year, source } => values.push(ValueColumn {
                    position,
                    slot,
                    year,
                    source,
                }),
                Meaning::Check { check, year } => checks.push(CheckColumn {
                    position,
                    check,
                    year,
                }),
                Meaning::Key(_) | Meaning::Other => {
                    if !headings[position].trim().is_empty() {
                        unused.push(position);
                    }
                }
            }
        }
        let has = |key: Key| keys[key as usize].is_some();
        let names_indicator = has(Key::Indicator) || has(Key::Name);
        let has_values =
            !values.is_empty() || (has(Key::Value) && (has(Key::Stage) || has(Key::RowCode)));
        // This program's CSV names every one of its code headings; a sheet that borrows one
        // or two ("ward_code", "value") is a table people made, read as such.
        let machine = has(Key::Value)
            && MACHINE_HEADINGS
                .iter()
                .all(|code| headings.iter().any(|h| h.trim() == *code));
        (names_indicator && has_values).then_some(Self {
            headings,
            keys,
            values,
            checks,
            unused,
            rows,
            machine,
        })
    }

    /// How many columns the header reads.
    pub fn count(&self) -> usize {
        self.keys.iter().flatten().count() + self.values.len() + self.checks.len()
    }

    /// Whether the table has a key column.
    pub fn has(&self, key: Key) -> bool {
        self.keys[key as usize].is_some()
    }

    /// A key column's position.
    pub fn position(&self, key: Key) -> Option<usize> {
        self.keys[key as usize]
    }

    /// The style of the language the headings of the indicator and value columns are written
    /// in, and one of them, when they agree on one language.
    pub fn heading_style(&self) -> Option<(NumberStyle, String)> {
        /// Vietnamese headings written without a tone mark.
        const VI_ASCII: [&str; 5] = ["kh", "th", "qt", "mã", "tt"];
        let mut found: Option<(NumberStyle, &str)> = None;
        let positions = self
            .keys
            .iter()
            .enumerate()
            .filter(|(key, _)| *key == Key::Name as usize || *key == Key::Value as usize)
            .filter_map(|(_, p)| *p)
            .chain(self.values.iter().map(|v| v.position));
        for position in positions {
            let heading = self.heading_at(position);
            let key = heading.to_lowercase();
            let vi = !key.is_ascii()
                || key
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| VI_ASCII.contains(&w));
            let style = if vi { NumberStyle::Vi } else { NumberStyle::En };
            match found {
                None => found = Some((style, heading)),
                Some((other, _)) if other != style => return None,
                Some(_) => {}
            }
        }
        found.map(|(style, heading)| (style, heading.to_owned()))
    }

    /// The positions of the value columns and of this program's own value column.
    pub fn value_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.values
            .iter()
            .map(|v| v.position)
            .chain(self.position(Key::Value))
            .chain(self.position(Key::AmountHigh))
    }

    /// The positions of the columns the import reads: key columns and values.
    pub fn used_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.keys
            .iter()
            .flatten()
            .copied()
            .chain(self.values.iter().map(|v| v.position))
    }

    /// A row's cell in a key column, if the table has it.
    pub fn cell<'r>(&self, cells: &'r [String], key: Key) -> Option<&'r str> {
        cells.get(self.keys[key as usize]?).map(String::as_str)
    }

    /// The heading of the column at `position` as the file writes it.
    pub fn heading_at(&self, position: usize) -> &str {
        self.headings.get(position).map_or("", |h| h.trim())
    }

    /// The value columns of a row and the slot each writes, its year and source; the slot is
    /// `None` where the row's stage or row code names no slot this program knows (the caller
    /// names that problem).
    /// (Into `slots`, cleared first: a buffer kept across rows.)
    pub fn value_slots(&self, cells: &[String], slots: &mut Vec<(ValueColumn, Option<Slot>)>) {
        slots.clear();
        slots.extend(self.values.iter().map(|v| (*v, Some(v.slot))));
        if let Some(position) = self.position(Key::Value) {
            // The figures sheet names each row's slot by code; the CSV by its stage.
            let row_code = self.cell(cells, Key::RowCode).map(str::trim);
            let slot = match row_code.filter(|c| !c.is_empty()) {
                Some(code) => slot_of_row_code(code),
                None => {
                    let stage = self.cell(cells, Key::Stage).map(str::trim);
                    stage_of(stage.unwrap_or_default()).map(Slot::Figure)
                }
            };
            let column = ValueColumn {
                position,
                slot: slot.unwrap_or(Slot::Plan),
                year: None,
                source: None,
            };
            slots.push((column, slot));
        }
    }
}

/// The slot of a figures-sheet row: `plan.<source>` or `figure.<stage>`.
fn slot_of_row_code(code: &str) -> Option<Slot> {
    if let Some(stage) = code.strip_prefix("figure.") {
        Stage::from_code(stage).map(Slot::Figure)
    } else {
        code.strip_prefix("plan.")
            .and_then(PlanSource::from_code)
            .map(|_| Slot::Plan)
    }
}

/// The plan source a figures-sheet row names (`plan.city`), if it is a plan row.
pub fn plan_source_of_row_code(code: &str) -> Option<PlanSource> {
    code.trim()
        .strip_prefix("plan.")
        .and_then(PlanSource::from_code)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::Merge;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r.iter().map(|c| (*c).to_owned()).collect()))
                .collect(),
            ..Table::default()
        }
    }

    #[test]
    fn a_two_row_heading_reads_as_one() {
        let mut t = table(&[
            &["BIỂU TỔNG HỢP NĂM 2023", "", "", "", "", ""],
            &[
                "STT",
                "Chỉ tiêu",
                "Thực hiện năm 2022",
                "Năm 2023",
                "",
                "Ghi chú",
            ],
            &["", "", "", "Kế hoạch", "Ước TH", ""],
            &["1", "Thu ngân sách", "10", "11", "12", ""],
        ]);
        t.merges = vec![
            Merge {
                rows: (1, 1),
                columns: (3, 4),
            },
            Merge {
                rows: (1, 2),
                columns: (2, 2),
            },
        ];
        let (at, columns) = Columns::find(&t).expect("a header");
        assert_eq!(at, 1);
        assert_eq!(columns.rows, 2);
        let slots: Vec<_> = columns
            .values
            .iter()
            .map(|v| (v.position, v.slot, v.year))
            .collect();
        assert_eq!(
            slots,
            [
                (2, Slot::Figure(Stage::Actual), Some(2022)),
                (3, Slot::Plan, Some(2023)),
                (4, Slot::Figure(Stage::Estimate), Some(2023)),
            ]
        );
        assert_eq!(columns.heading_at(3), "Kế hoạch Năm 2023");
        assert!(columns.has(Key::Number) && columns.has(Key::Note));
    }

    #[test]
    fn a_heading_that_lost_its_merge_still_spans_its_parts() {
        let t = table(&[
            &["STT", "Chỉ tiêu", "Năm 2023", "", "Kế hoạch năm 2024"],
            &["", "", "Kế hoạch", "Ước TH", ""],
        ]);
        let (_, columns) = Columns::find(&t).expect("a header");
        let years: Vec<_> = columns.values.iter().map(|v| (v.slot, v.year)).collect();
        assert_eq!(
            years,
            [
                (Slot::Plan, Some(2023)),
                (Slot::Figure(Stage::Estimate), Some(2023)),
                (Slot::Plan, Some(2024)),
            ]
        );
    }

    #[test]
    fn a_data_row_under_the_heading_is_not_a_heading() {
        let t = table(&[
            &["Chỉ tiêu", "Kế hoạch", "Thực hiện"],
            &["Thu ngân sách", "1.500", "1.600"],
        ]);
        let (at, columns) = Columns::find(&t).expect("a header");
        assert_eq!((at, columns.rows, columns.values.len()), (0, 1, 2));
    }
}
