//! Widgets shared by several views.

pub mod axis;
pub mod percent_bars;
pub mod percent_chart;
