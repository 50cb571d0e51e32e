package policy

import _ "embed"

// Sample is the sample policy, sample.rego: the rules min_reputation, sybil, jurisdiction, data_class,
// escalate_price and daily_ceiling, tuned by the parameters min_reputation (default 50),
// allowed_jurisdictions (default null: any), allowed_data_classes (default ["public", "pii"]),
// escalate_above_usd (default 1000) and daily_ceiling_usd (default 10000). A parameter set to null
// turns its rule off; a parameter of the wrong type makes the rule params deny every action.
//
//go:embed sample.rego
var Sample string
