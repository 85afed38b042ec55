-- What-if scenarios (issue 12; core/whatif/saved-scenarios.ts): an adviser's named lists of dated
-- actions, kept per profile and apart from the real data. No ledger table refers to them and no
-- data-version trigger watches them, so saving a scenario never makes the ledger recompute.
-- actions_json holds the actions as core/whatif/schema.ts validates them; plan_marked_at marks
-- the one scenario "applied to the plan" (at most one, by the partial unique index).
CREATE TABLE whatif_scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  actions_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  plan_marked_at TEXT
);
CREATE UNIQUE INDEX whatif_scenarios_plan ON whatif_scenarios((plan_marked_at IS NOT NULL)) WHERE plan_marked_at IS NOT NULL;
