//! Widgets shared by several views.

pub mod percent_chart;
pub mod percent_bars;
