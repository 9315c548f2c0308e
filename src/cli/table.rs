//! Plain-text tables for the terminal: columns sized by display width (Vietnamese letters are
//! one column each once composed), numbers right-aligned, section rows across the table.

use unicode_width::UnicodeWidthStr as _;

/// How a column's cells line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table row: cells, or a heading that spans the table (a report's category).
pub enum Row {
    Cells(Vec<String>),
    Section(String),
}

/// A table to print.
pub struct Table {
    headers: Vec<(String, Align)>,
    rows: Vec<Row>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(headers: Vec<(String, Align)>) -> Self {
        Self {
            headers,
            rows: Vec::new(),
        }
    }

    /// Adds a row of cells; missing cells are blank.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Row::Cells(cells));
    }

    /// Adds a heading row.
    pub fn section(&mut self, title: String) {
        self.rows.push(Row::Section(title));
    }

    /// The table as lines of text, without trailing blanks.
    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = self.headers.iter().map(|(h, _)| h.width()).collect();
        for row in &self.rows {
            if let Row::Cells(cells) = row {
                for (width, cell) in widths.iter_mut().zip(cells) {
                    *width = (*width).max(cell.width());
                }
            }
        }
        let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
            let mut out = String::new();
            for (i, ((_, align), width)) in self.headers.iter().zip(&widths).enumerate() {
                let cell = cells.next().unwrap_or("");
                let pad = " ".repeat(width.saturating_sub(cell.width()));
                if i > 0 {
                    out.push_str(" │ ");
                }
                match align {
                    Align::Left => {
                        out.push_str(cell);
                        out.push_str(&pad);
                    }
                    Align::Right => {
                        out.push_str(&pad);
                        out.push_str(cell);
                    }
                }
            }
            out.trim_end().to_owned()
        };
        let mut out = line(&mut self.headers.iter().map(|(h, _)| h.as_str()));
        out.push('\n');
        let total: usize = widths.iter().sum::<usize>() + 3 * widths.len().saturating_sub(1);
        out.push_str(&"─".repeat(total));
        out.push('\n');
        for row in &self.rows {
            match row {
                Row::Cells(cells) => out.push_str(&line(&mut cells.iter().map(String::as_str))),
                Row::Section(title) => out.push_str(title),
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let mut t = Table::new(vec![
            ("Chỉ tiêu".into(), Align::Left),
            ("Giá trị".into(), Align::Right),
        ]);
        t.section("I. Kinh tế".into());
        t.row(vec!["Sản lượng".into(), "2.809,8".into()]);
        t.row(vec!["Thu".into(), "17.416.889.536".into()]);
        let text = t.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "I. Kinh tế");
        assert_eq!(lines[3], "Sản lượng │        2.809,8");
        assert_eq!(lines[4], "Thu       │ 17.416.889.536");
    }
}
