//! Wards side by side, for leaders: one year's reports of the wards under a province (or a city)
//! as a table with wards as rows and indicators as columns, each cell the ward's % of plan and
//! status, sortable by any column, and one indicator's ranking for the bar chart. Every number
//! is the ward's own report row ([`crate::domain::report`]): nothing is computed again here.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::compute::Status;
use super::report::Report;
use super::{AdminUnit, Indicator};

/// One ward's standing on one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// % of plan, unrounded; `None` where it is undefined (no plan, no value, …).
    pub percent: Option<Decimal>,
    pub status: Status,
}

impl Cell {
    /// A cell of a ward whose report has no row for the indicator.
    pub const NO_DATA: Self = Self {
        percent: None,
        status: Status::NoData,
    };

    /// What the cell sorts by: its %, or above every % for a value better than a cap of
    /// zero can say (exceeded, % undefined); `None` for a ward without a value to compare.
    fn key(self) -> Option<Standing> {
        match (self.percent, self.status) {
            (Some(percent), _) => Some(Standing::Percent(percent)),
            (None, Status::Exceeded) => Some(Standing::Beyond),
            (None, _) => None,
        }
    }
}

/// A cell's place in a sort: a %, or beyond any %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Standing {
    Percent(Decimal),
    Beyond,
}

/// One ward's row: its cells in the order of [`Comparison::indicators`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardRow {
    pub unit: AdminUnit,
    pub cells: Vec<Cell>,
    /// The name in Vietnamese alphabetical order, for sorting by name.
    name_key: Vec<u32>,
}

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortKey {
    /// The ward's name (then its code).
    #[default]
    Ward,
    /// The % of plan of the indicator at this column of [`Comparison::indicators`].
    Indicator(usize),
}

/// Ascending or descending.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Order {
    #[default]
    Ascending,
    Descending,
}

impl Order {
    /// The other way round.
    #[must_use]
    pub fn flipped(self) -> Self {
        match self {
            Self::Ascending => Self::Descending,
            Self::Descending => Self::Ascending,
        }
    }
}

/// A sort of the table: a column and a way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sort {
    pub key: SortKey,
    pub order: Order,
}

impl Sort {
    /// The sort a click on `key`'s heading asks for: the other way if the table is sorted by it
    /// already, else highest first for an indicator and A to Z for the names.
    #[must_use]
    pub fn clicked(self, key: SortKey) -> Self {
        if self.key == key {
            return Self {
                key,
                order: self.order.flipped(),
            };
        }
        let order = match key {
            SortKey::Ward => Order::Ascending,
            SortKey::Indicator(_) => Order::Descending,
        };
        Self { key, order }
    }
}

/// The wards of one year side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub year: i16,
    /// The columns: the indicators some ward has a plan or a figure for, in report order.
    pub indicators: Vec<Indicator>,
    /// One row per ward, in the order the reports came.
    pub rows: Vec<WardRow>,
}

impl Comparison {
    /// The comparison of the wards' reports of `year`.
    pub fn new(year: i16, reports: &[Report]) -> Self {
        // The columns, in the reports' own order (category, then catalogue order), of the
        // indicators some ward holds a plan or a figure for.
        let mut indicators: Vec<Indicator> = Vec::new();
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for report in reports {
            for row in &report.rows {
                let used = row.plan.is_some() || row.current.is_some();
                if used && seen.insert(row.indicator.code.as_str()) {
                    indicators.push(row.indicator.clone());
                }
            }
        }
        indicators
            .sort_by(|a, b| (a.category, a.order, &a.code).cmp(&(b.category, b.order, &b.code)));
        let columns: std::collections::HashMap<&str, usize> = indicators
            .iter()
            .enumerate()
            .map(|(column, indicator)| (indicator.code.as_str(), column))
            .collect();
        let rows = reports
            .iter()
            .map(|report| {
                let mut cells = vec![Cell::NO_DATA; indicators.len()];
                for row in &report.rows {
                    if let Some(&column) = columns.get(row.indicator.code.as_str()) {
                        cells[column] = Cell {
                            percent: row.assessment.percent,
                            status: row.assessment.status,
                        };
                    }
                }
                WardRow {
                    name_key: collation_key(&report.unit.name),
                    unit: report.unit.clone(),
                    cells,
                }
            })
            .collect();
        Self {
            year,
            indicators,
            rows,
        }
    }

    /// The column of the indicator with this code.
    pub fn column(&self, code: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.code == code)
    }

    /// The rows' indices in the order `sort` asks for. Wards without a value for the sorted
    /// indicator come last whichever the way, by name; ties go by name, then code.
    pub fn order(&self, sort: Sort) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let by_name = |a: &WardRow, b: &WardRow| {
            a.name_key
                .cmp(&b.name_key)
                .then_with(|| a.unit.code.cmp(&b.unit.code))
        };
        match sort.key {
            SortKey::Ward => order.sort_by(|&a, &b| {
                let ordering = by_name(&self.rows[a], &self.rows[b]);
                match sort.order {
                    Order::Ascending => ordering,
                    Order::Descending => ordering.reverse(),
                }
            }),
            SortKey::Indicator(column) => {
                let key = |row: &WardRow| row.cells.get(column).and_then(|c| c.key());
                order.sort_by(|&a, &b| {
                    let (ra, rb) = (&self.rows[a], &self.rows[b]);
                    let ordering = match (key(ra), key(rb)) {
                        (Some(x), Some(y)) => match sort.order {
                            Order::Ascending => x.cmp(&y),
                            Order::Descending => y.cmp(&x),
                        },
                        (Some(_), None) => Ordering::Less,
                        (None, Some(_)) => Ordering::Greater,
                        (None, None) => Ordering::Equal,
                    };
                    ordering.then_with(|| by_name(ra, rb))
                });
            }
        }
        order
    }

    /// Puts the rows in the order `sort` asks for.
    pub fn sort(&mut self, sort: Sort) {
        let order = self.order(sort);
        let mut rows: Vec<Option<WardRow>> = std::mem::take(&mut self.rows)
            .into_iter()
            .map(Some)
            .collect();
        self.rows = order.into_iter().filter_map(|i| rows[i].take()).collect();
    }

    /// One indicator across the wards, best first, for the bar chart: the wards with a % of
    /// plan, highest first (ties by name). Wards without one are left out.
    pub fn ranking(&self, column: usize) -> Vec<Ranked> {
        self.order(Sort {
            key: SortKey::Indicator(column),
            order: Order::Descending,
        })
        .into_iter()
        .filter_map(|row| {
            let cell = self.rows[row].cells.get(column)?;
            Some(Ranked {
                row,
                percent: cell.percent?,
                status: cell.status,
            })
        })
        .collect()
    }

    /// How many wards hold a value of each status for the indicator at `column`, in the order of
    /// [`Status::ALL`].
    pub fn status_counts(&self, column: usize) -> [usize; 5] {
        let mut counts = [0; 5];
        for row in &self.rows {
            let status = row.cells.get(column).map_or(Status::NoData, |c| c.status);
            if let Some(i) = Status::ALL.iter().position(|s| *s == status) {
                counts[i] += 1;
            }
        }
        counts
    }
}

/// A name's key in Vietnamese alphabetical order: letters first (a < ă < â < b < … < d < đ <
/// e < ê …, case aside), then the tones (none, huyền, hỏi, ngã, sắc, nặng), so that "Điện Biên
/// Phủ" comes after "Cao" and before "Him Lam", as an office lists its wards.
fn collation_key(name: &str) -> Vec<u32> {
    use unicode_normalization::UnicodeNormalization as _;
    const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];
    let mut letters: Vec<u32> = Vec::with_capacity(name.len());
    let mut tones: Vec<u32> = Vec::new();
    for c in name.nfd().flat_map(char::to_lowercase) {
        let shape = match c {
            '\u{306}' => Some(1),
            '\u{302}' => Some(2),
            '\u{31B}' => Some(3),
            _ => None,
        };
        if let Some(shape) = shape {
            if let Some(last) = letters.last_mut() {
                *last += shape;
            }
        } else if let Some(tone) = TONES.iter().position(|t| *t == c) {
            // One tone per syllable: its place among the letters is enough to order by.
            tones.push(u32::try_from(letters.len()).unwrap_or(u32::MAX) * 8 + 1 + tone as u32);
        } else if c == 'đ' {
            letters.push(u32::from('d') * 4 + 1);
        } else {
            letters.push(u32::from(c) * 4);
        }
    }
    letters.push(0);
    letters.extend(tones);
    letters
}

/// A ward's place in one indicator's ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// The ward's row in [`Comparison::rows`].
    pub row: usize,
    pub percent: Decimal,
    pub status: Status,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::str::FromStr as _;

    use super::*;
    use crate::domain::report::IndicatorYear;
    use crate::domain::{
        Category, Direction, Figure, Kind, Level, Plan, PlanSource, PlanTarget, Stage, Unit,
    };

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn indicator(code: &str, order: i64, direction: Direction) -> Indicator {
        Indicator {
            code: code.into(),
            name_vi: code.into(),
            name_en: code.into(),
            category: Category::Economy,
            unit: Unit::new("tấn"),
            direction,
            kind: Kind::Flow,
            precision: 1,
            archived: false,
            order,
            rules: crate::domain::Rules::NONE,
            aggregation: crate::domain::Aggregation::Sum,
        }
    }

    /// An indicator's year with a plan and a value, either left out by `None`.
    fn year(indicator: &Indicator, plan: Option<&str>, value: Option<&str>) -> IndicatorYear {
        IndicatorYear {
            indicator: indicator.clone(),
            plans: plan
                .map(|p| Plan {
                    source: PlanSource::Province,
                    target: PlanTarget::Value(d(p)),
                    text: p.into(),
                    original: None,
                    derived: false,
                    note: String::new(),
                })
                .into_iter()
                .collect(),
            figures: value
                .map(|v| Figure {
                    stage: Stage::Actual,
                    value: d(v),
                    text: v.into(),
                    note: String::new(),
                })
                .into_iter()
                .collect(),
            previous: Vec::new(),
        }
    }

    fn ward(code: &str, name: &str, data: Vec<IndicatorYear>) -> Report {
        let unit = AdminUnit {
            code: code.into(),
            name: name.into(),
            level: Level::Ward,
            parent_code: Some("P".into()),
            valid_from: None,
            valid_to: None,
            successor_code: None,
            synthetic: false,
        };
        Report::new(unit, 2024, data)
    }

    /// Three wards on output (higher is better) and crimes (lower is better), and an indicator
    /// nobody holds anything for.
    fn sample() -> Comparison {
        let output = indicator("output", 1, Direction::HigherIsBetter);
        let crimes = indicator("crimes", 2, Direction::LowerIsBetter);
        let unused = indicator("unused", 3, Direction::HigherIsBetter);
        let reports = vec![
            ward(
                "W1",
                "Phường Tân Thanh",
                vec![
                    year(&output, Some("100"), Some("114.6")),
                    year(&crimes, Some("4"), Some("0")),
                    year(&unused, None, None),
                ],
            ),
            ward(
                "W2",
                "Phường Him Lam",
                vec![
                    year(&output, Some("100"), None),
                    year(&crimes, Some("4"), Some("5")),
                    year(&unused, None, None),
                ],
            ),
            ward(
                "W3",
                "Phường Điện Biên Phủ",
                vec![
                    year(&output, Some("200"), Some("180")),
                    year(&crimes, Some("4"), Some("4")),
                    year(&unused, None, None),
                ],
            ),
        ];
        Comparison::new(2024, &reports)
    }

    fn codes(c: &Comparison, order: &[usize]) -> Vec<String> {
        order.iter().map(|&i| c.rows[i].unit.code.clone()).collect()
    }

    #[test]
    fn only_indicators_some_ward_holds_are_columns_and_cells_are_the_reports_own() {
        let c = sample();
        let columns: Vec<&str> = c.indicators.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(columns, ["output", "crimes"]);
        assert_eq!(c.rows[0].cells[0].percent, Some(d("114.6")));
        assert_eq!(c.rows[0].cells[0].status, Status::Exceeded);
        assert_eq!(c.rows[1].cells[0], Cell::NO_DATA);
        // Under a cap, % of plan is plan ÷ value: 4 ÷ 5 = 80%.
        assert_eq!(c.rows[1].cells[1].percent, Some(d("80")));
        assert_eq!(c.rows[1].cells[1].status, Status::NotMet);
    }

    #[test]
    fn wards_without_a_value_come_last_either_way() {
        let c = sample();
        let output = c.column("output").unwrap();
        let up = c.order(Sort {
            key: SortKey::Indicator(output),
            order: Order::Ascending,
        });
        assert_eq!(codes(&c, &up), ["W3", "W1", "W2"]);
        let down = c.order(Sort {
            key: SortKey::Indicator(output),
            order: Order::Descending,
        });
        assert_eq!(codes(&c, &down), ["W1", "W3", "W2"]);
    }

    #[test]
    fn a_zero_under_a_cap_ranks_above_every_percent_but_is_not_charted() {
        let c = sample();
        let crimes = c.column("crimes").unwrap();
        let down = c.order(Sort {
            key: SortKey::Indicator(crimes),
            order: Order::Descending,
        });
        // W1 has no crime against a cap of 4: exceeded, % undefined, best of all.
        assert_eq!(codes(&c, &down), ["W1", "W3", "W2"]);
        let ranking = c.ranking(crimes);
        let ranked: Vec<&str> = ranking
            .iter()
            .map(|r| c.rows[r.row].unit.code.as_str())
            .collect();
        assert_eq!(ranked, ["W3", "W2"]);
        assert_eq!(ranking[0].percent, d("100"));
        assert_eq!(ranking[0].status, Status::Met);
    }

    #[test]
    fn names_sort_as_people_read_them_and_sorting_moves_whole_rows() {
        let mut c = sample();
        let by_name = c.order(Sort::default());
        // Đ comes after D and before E: Điện Biên Phủ, Him Lam, Tân Thanh.
        assert_eq!(codes(&c, &by_name), ["W3", "W2", "W1"]);
        let reverse = c.order(Sort {
            key: SortKey::Ward,
            order: Order::Descending,
        });
        assert_eq!(codes(&c, &reverse), ["W1", "W2", "W3"]);
        c.sort(Sort::default());
        assert_eq!(c.rows[0].unit.code, "W3");
        assert_eq!(c.rows[0].cells[1].percent, Some(d("100")));
        assert!(collation_key("Phường Cao") < collation_key("Phường Điện Biên Phủ"));
        assert!(collation_key("Phường Dung") < collation_key("Phường Đa"));
        assert!(collation_key("Phường An") < collation_key("Phường Ân"));
        assert!(collation_key("Phường Ma") < collation_key("Phường Mà"));
    }

    #[test]
    fn the_ranking_is_highest_first_without_the_wards_lacking_a_percent() {
        let c = sample();
        let ranking = c.ranking(c.column("output").unwrap());
        let ranked: Vec<(&str, Decimal)> = ranking
            .iter()
            .map(|r| (c.rows[r.row].unit.code.as_str(), r.percent))
            .collect();
        assert_eq!(ranked, [("W1", d("114.6")), ("W3", d("90"))]);
        assert_eq!(c.status_counts(0), [1, 0, 1, 0, 1]);
    }

    #[test]
    fn a_click_on_a_heading_flips_the_way_or_starts_best_first() {
        let sort = Sort::default();
        assert_eq!(sort.clicked(SortKey::Ward).order, Order::Descending);
        let by_output = sort.clicked(SortKey::Indicator(0));
        assert_eq!(by_output.order, Order::Descending);
        assert_eq!(
            by_output.clicked(SortKey::Indicator(0)).order,
            Order::Ascending
        );
    }
}
