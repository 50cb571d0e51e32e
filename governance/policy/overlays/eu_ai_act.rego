# The EU AI Act overlay: human oversight (Art. 14) of high-risk AI systems. Work in one of the Annex III
# high-risk areas, processed in or for the EU, escalates so that an approver (a human: the principal or
# the mandate's approvers) decides it; the overlay denies nothing. Parameters (data.params; defaults in
# eu_ai_act.json):
#
#   scope               "eu": only work with an EU nexus (input.jurisdictions, or the counterparty's
#                       jurisdiction(s), include an eu_jurisdictions code); "everywhere": all work
#   eu_jurisdictions    the codes that count as the EU: "EU" and the 27 member states (add EEA states here)
#   high_risk_classes   Annex III class -> capability words or phrases, matched as whole words in the
#                       capability asked for
#   declared_high_risk  also escalate when the counterparty declares the EU AI Act risk class "high" for
#                       any of its capabilities (its registration file's compliance.euAiActRiskClass)
#
# The engine prefixes the rule id: eu_ai_act.human_oversight.
package agora.overlay.eu_ai_act

params := data.params

cp := input.counterparty

words(s) := sprintf(" %s ", [concat(" ", [w | some w in regex.split(`[^a-z0-9]+`, lower(s)); w != ""])])

eu := {upper(j) | some j in params.eu_jurisdictions}

# seen: every jurisdiction the decision knows of: where the work is processed and where the counterparty is.
seen := array.concat(array.concat(input.jurisdictions, [cp.jurisdiction]), object.get(cp, "jurisdictions", []))

eu_nexus := {upper(j) | some j in seen; upper(j) in eu}

in_scope if params.scope == "everywhere"

in_scope if count(eu_nexus) > 0

where := "everywhere (scope)" if count(eu_nexus) == 0
else := concat(", ", sort(eu_nexus))

# classes: the Annex III classes whose words the capability asked for contains.
classes contains class if {
	some class, terms in params.high_risk_classes
	some term in terms
	trim_space(words(term)) != ""
	contains(words(input.capability), words(term))
}

declared_high if {
	params.declared_high_risk
	"high" in {lower(x) | some x in object.get(cp, "riskClasses", [])}
}

# human_oversight: a high-risk capability (Annex III), in or for the EU.
escalate contains {"rule": "human_oversight", "reason": msg} if {
	in_scope
	count(classes) > 0
	msg := sprintf("capability %q is high-risk under EU AI Act Annex III (%s), for %s: Art. 14 human oversight, an approver must decide", [input.capability, concat(", ", sort(classes)), where])
}

# human_oversight: the counterparty declares a high-risk capability, in or for the EU.
escalate contains {"rule": "human_oversight", "reason": msg} if {
	in_scope
	count(classes) == 0
	declared_high
	msg := sprintf("counterparty %s declares an EU AI Act high-risk capability, for %s: Art. 14 human oversight, an approver must decide", [cp.id, where])
}
