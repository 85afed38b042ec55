-- The client's plan (issue 15; core/plan/checklist.ts): the as-of day a scenario was applied to
-- the plan from, so its checklist dates a wait ("let time pass") and compares the plan from the
-- day it was made. NULL for a plan marked before this column: its marked day is used instead.
ALTER TABLE whatif_scenarios ADD COLUMN plan_as_of TEXT;
