# The HIPAA overlay: protected health information (PHI) only goes to agents that declare HIPAA compliance,
# and only where the operator allows it to be processed. HIPAA's Privacy and Security Rules let a covered
# entity disclose PHI to a business associate only under a business associate agreement (45 CFR 164.502(e),
# 164.504(e)) and only the minimum necessary (164.502(b)); an agent that does not declare the attestation
# has offered no such assurance. Parameters (data.params; defaults in hipaa.json):
#
#   allowed_jurisdictions       where PHI may be processed (ISO 3166-1 alpha-2, "EU", "GLOBAL"): ["US"]
#   counterparty_jurisdictions  "any": the counterparty declares at least one allowed jurisdiction;
#                               "all": every jurisdiction it declares is allowed
#   require_phi_data_class      also require the counterparty to declare the "phi" data class
#   phi_capability_words        capability words or phrases that make the work PHI when the input names no
#                               data classes (the signed RFQ carries none): matched as whole words
#
# The engine prefixes the rule ids: hipaa.phi_undeclared, hipaa.jurisdiction.
package agora.overlay.hipaa

params := data.params

cp := input.counterparty

# words is s lowercased and split on everything but letters and digits, as one space-separated phrase
# with a space at each end, so " clinical notes " contains " clinical ".
words(s) := sprintf(" %s ", [concat(" ", [w | some w in regex.split(`[^a-z0-9]+`, lower(s)); w != ""])])

# phi_basis says why the work is PHI: its data classes, or words of the capability asked for.
phi_basis contains "data class phi" if "phi" in input.dataClasses

phi_basis contains sprintf("capability word %q", [term]) if {
	some term in params.phi_capability_words
	trim_space(words(term)) != ""
	contains(words(input.capability), words(term))
}

phi if count(phi_basis) > 0

basis := concat(", ", sort(phi_basis))

# known: the counterparty is an agent (an RFQ open to any provider has none yet; its award is checked).
known if cp.id != ""

compliance := {lower(x) | some x in object.get(cp, "compliance", [])}

declared_classes := {lower(x) | some x in object.get(cp, "dataClasses", [])}

declares_hipaa if {
	"hipaa" in compliance
	not params.require_phi_data_class
}

declares_hipaa if {
	"hipaa" in compliance
	params.require_phi_data_class
	"phi" in declared_classes
}

wanted := "the hipaa attestation and the phi data class" if params.require_phi_data_class
else := "the hipaa attestation"

# phi_undeclared: PHI to a counterparty that does not declare HIPAA compliance.
deny contains {"rule": "phi_undeclared", "reason": msg} if {
	phi
	known
	not declares_hipaa
	msg := sprintf("the work is PHI (%s) and counterparty %s does not declare %s", [basis, cp.id, wanted])
}

allowed := {upper(j) | some j in params.allowed_jurisdictions}

label(j) := "unknown" if j == ""
else := upper(j)

# The counterparty's declared jurisdictions; its one jurisdiction when the list is absent ("" unknown).
cp_jurisdictions := object.get(cp, "jurisdictions", []) if count(object.get(cp, "jurisdictions", [])) > 0
else := [cp.jurisdiction]

# jurisdiction: PHI processed (input.jurisdictions) outside the allowed list.
deny contains {"rule": "jurisdiction", "reason": msg} if {
	phi
	outside := {label(j) | some j in input.jurisdictions; not upper(j) in allowed}
	count(outside) > 0
	msg := sprintf("PHI (%s) processed in %s, outside %v", [basis, concat(", ", sort(outside)), sort(allowed)])
}

# jurisdiction: PHI to a counterparty located outside the allowed list.
deny contains {"rule": "jurisdiction", "reason": msg} if {
	phi
	known
	params.counterparty_jurisdictions == "any"
	not any_allowed
	msg := sprintf("PHI (%s) to counterparty %s, which declares no jurisdiction in %v (it declares %s)", [basis, cp.id, sort(allowed), concat(", ", sort({label(j) | some j in cp_jurisdictions}))])
}

deny contains {"rule": "jurisdiction", "reason": msg} if {
	phi
	known
	params.counterparty_jurisdictions != "any"
	outside := {label(j) | some j in cp_jurisdictions; not upper(j) in allowed}
	count(outside) > 0
	msg := sprintf("PHI (%s) to counterparty %s, which declares jurisdictions outside %v: %s", [basis, cp.id, sort(allowed), concat(", ", sort(outside))])
}

any_allowed if {
	some j in cp_jurisdictions
	upper(j) in allowed
}
