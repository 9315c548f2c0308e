//! The plans a parent unit hands down to its wards for a year, read for the handout files and
//! the allocation check ([`crate::domain::allocation`]).

use super::{Result, Store};
use crate::domain::allocation::{Handout, WardPlans};
use crate::domain::plan;

impl Store {
    /// The plans `parent` (a province, or a city before 1/7/2025) hands down for `year`: each
    /// ward reporting to it that year with its plans of the source that hands them down (the
    /// city while the ward sat under one, the province after), and the parent's own plan, for
    /// every indicator any of them has a plan of.
    pub fn handout(&self, parent: &str, year: i16) -> Result<Handout> {
        self.handout_of(parent, year, false)
    }

    /// [`Store::handout`] with every indicator of the catalogue (but archived ones), planned
    /// or not: the grid in which the plans are typed.
    pub fn handout_grid(&self, parent: &str, year: i16) -> Result<Handout> {
        self.handout_of(parent, year, true)
    }

    fn handout_of(&self, parent: &str, year: i16, every: bool) -> Result<Handout> {
        self.snapshot(|| {
            let (parent_id, parent_unit) = self.unit_for(parent, year)?;
            let catalogue = self.indicators()?;
            let mut own = self.plans_of(parent_id, year)?;
            let mut wards = Vec::new();
            let mut ward_plans = Vec::new();
            for (id, unit) in self.wards_under(parent, year)? {
                let source = self.default_plan_source(&unit, year)?;
                ward_plans.push(self.plans_of(id, year)?);
                wards.push((unit, source));
            }
            let mut handout = Handout {
                parent: parent_unit,
                year,
                indicators: Vec::new(),
                own: Vec::new(),
                wards: wards
                    .into_iter()
                    .map(|(unit, source)| WardPlans {
                        unit,
                        source,
                        plans: Vec::new(),
                    })
                    .collect(),
            };
            for (id, indicator) in catalogue {
                if indicator.archived {
                    continue;
                }
                let own_plan = own
                    .remove(&id)
                    .and_then(|plans| plan::preferred(&plans).cloned());
                let handed: Vec<_> = handout
                    .wards
                    .iter()
                    .zip(&mut ward_plans)
                    .map(|(ward, plans)| {
                        plans
                            .remove(&id)
                            .and_then(|p| p.into_iter().find(|p| p.source == ward.source))
                    })
                    .collect();
                if !every && own_plan.is_none() && handed.iter().all(Option::is_none) {
                    continue;
                }
                handout.indicators.push(indicator);
                handout.own.push(own_plan);
                for (ward, plan) in handout.wards.iter_mut().zip(handed) {
                    ward.plans.push(plan);
                }
            }
            Ok(handout)
        })
    }
}
