//! The domain: what a ward measures and how the numbers leaders read are computed. It knows
//! neither the window nor the database.

pub mod aggregation;
pub mod allocation;
pub mod compare;
pub mod compute;
pub mod consolidate;
pub mod figure;
pub mod indicator;
pub mod lang;
pub mod letterhead;
pub mod lock;
pub mod name;
pub mod number;
pub mod plan;
pub mod report;
pub mod report_words;
pub mod rules;
pub mod summary;
pub mod unit;
pub mod ward;

pub use aggregation::Aggregation;
pub use compute::{Change, Status};
pub use figure::{Figure, Stage};
pub use indicator::{Category, Direction, Indicator, Kind};
pub use lang::{Lang, Locale};
pub use lock::{Lock, LockEvent, LockPart};
pub use name::{name_key, unmarked_key};
pub use plan::{Plan, PlanSource, PlanTarget};
pub use rules::Rules;
pub use unit::Unit;
pub use ward::{AdminUnit, Level};
