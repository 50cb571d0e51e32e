# The sample policy: the six rules of layer 8, each parameterised by data.params (defaults below), and
# a guard that denies everything while a parameter has the wrong type. Reputation is 0..100; amounts are
# in USD. A parameter set to null turns its rule off.
package agora.policy

# defaults are used for the parameters data.params leaves out.
defaults := {
	"min_reputation": 50,
	"allowed_jurisdictions": null,
	"allowed_data_classes": ["public", "pii"],
	"escalate_above_usd": 1000,
	"daily_ceiling_usd": 10000,
}

params := object.union(defaults, data.params)

# param_types are the parameters' types; null is also accepted and turns the parameter's rule off.
param_types := {
	"min_reputation": "number",
	"allowed_jurisdictions": "array",
	"allowed_data_classes": "array",
	"escalate_above_usd": "number",
	"daily_ceiling_usd": "number",
}

# params: deny every action while a parameter has the wrong type, rather than silently skip its rule.
deny contains {"rule": "params", "reason": msg} if {
	some name, want in param_types
	got := type_name(params[name])
	not got in {want, "null"}
	msg := sprintf("parameter %s is a %s, want a %s or null", [name, got, want])
}

# label names a jurisdiction in a reason.
label(j) := "unknown" if j == ""
else := j

# min_reputation: deny a counterparty whose reputation is under params.min_reputation; escalate one
# whose reputation is unknown (null), so that a human looks at an agent without history.
deny contains {"rule": "min_reputation", "reason": msg} if {
	is_number(params.min_reputation)
	rep := input.counterparty.reputation
	is_number(rep)
	rep < params.min_reputation
	msg := sprintf("counterparty %s has reputation %v, under the minimum %v", [input.counterparty.id, rep, params.min_reputation])
}

escalate contains {"rule": "min_reputation", "reason": msg} if {
	is_number(params.min_reputation)
	input.counterparty.reputation == null
	msg := sprintf("counterparty %s has no reputation yet", [input.counterparty.id])
}

# sybil: deny a counterparty carrying any Sybil flag.
deny contains {"rule": "sybil", "reason": msg} if {
	count(input.counterparty.sybilFlags) > 0
	msg := sprintf("counterparty %s carries Sybil flags: %s", [input.counterparty.id, concat(", ", sort(input.counterparty.sybilFlags))])
}

# jurisdiction: when params.allowed_jurisdictions is a list, deny work processed, or a counterparty
# located, anywhere else. Codes match literally ("EU" and "GLOBAL" are codes like any other); an
# unknown ("") counterparty jurisdiction is outside every list.
deny contains {"rule": "jurisdiction", "reason": msg} if {
	allowed := params.allowed_jurisdictions
	is_array(allowed)
	seen := array.concat(input.jurisdictions, [input.counterparty.jurisdiction])
	outside := {j | some j in seen; not j in allowed}
	count(outside) > 0
	msg := sprintf("jurisdictions outside %v: %s", [allowed, concat(", ", sort({label(j) | some j in outside}))])
}

# data_class: when params.allowed_data_classes is a list (default public and pii), deny work on any
# other class of data.
deny contains {"rule": "data_class", "reason": msg} if {
	allowed := params.allowed_data_classes
	is_array(allowed)
	outside := {c | some c in input.dataClasses; not c in allowed}
	count(outside) > 0
	msg := sprintf("data classes outside %v: %s", [allowed, concat(", ", sort(outside))])
}

# escalate_price: escalate an action worth more than params.escalate_above_usd.
escalate contains {"rule": "escalate_price", "reason": msg} if {
	is_number(params.escalate_above_usd)
	input.priceUSD > params.escalate_above_usd
	msg := sprintf("price %v USD is above %v USD", [input.priceUSD, params.escalate_above_usd])
}

# daily_ceiling: deny an action that would take the principal's agents past params.daily_ceiling_usd
# committed in 24 hours.
deny contains {"rule": "daily_ceiling", "reason": msg} if {
	is_number(params.daily_ceiling_usd)
	total := input.spentTodayUSD + input.priceUSD
	total > params.daily_ceiling_usd
	msg := sprintf("%v USD committed today plus %v USD is over the daily ceiling of %v USD", [input.spentTodayUSD, input.priceUSD, params.daily_ceiling_usd])
}
