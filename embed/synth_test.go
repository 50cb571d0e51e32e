package embed_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The generator below writes varied, realistic agent descriptions and buyer queries from word
// lists, seeded, for recall tests and benchmarks.

var (
	synthNames1 = []string{"Lumen", "Nova", "Quill", "Atlas", "Echo", "Vector", "Pixel", "Ledger", "Scribe",
		"Sentinel", "Orbit", "Harbor", "Cobalt", "Juniper", "Maple", "Onyx", "Prism", "Relay", "Summit",
		"Tango", "Umber", "Vela", "Willow", "Zephyr", "Beacon", "Cinder", "Delta", "Ember", "Falcon", "Granite"}
	synthNames2 = []string{"AI", "Labs", "Agent", "Works", "Bot", "Engine", "Cloud", "Hub", "Pro", "One",
		"Flow", "Desk", "Forge", "Mind", "Pilot"}

	synthLangs = []string{"English", "Vietnamese", "Spanish", "French", "German", "Japanese", "Chinese",
		"Korean", "Portuguese", "Arabic", "Hindi", "Italian", "Dutch", "Polish", "Turkish", "Thai",
		"Indonesian", "Russian", "Swedish", "Czech"}
	synthIndustries = []string{"healthcare", "logistics", "retail", "banking", "insurance", "legal",
		"real estate", "manufacturing", "education", "e-commerce", "travel", "energy", "telecom",
		"government", "media", "gaming", "DeFi", "accounting firms", "startups", "hospitals"}
	synthDocs = []string{"invoices", "receipts", "bank statements", "purchase orders", "tax forms",
		"medical records", "lab reports", "contracts", "NDAs", "insurance claims", "shipping manifests",
		"bills of lading", "passports", "ID cards", "driver licenses", "resumes", "research papers",
		"meeting transcripts", "support tickets", "product manuals", "financial statements", "pay slips",
		"utility bills", "customs declarations", "prescriptions", "court filings", "patent filings",
		"annual reports", "emails", "chat logs"}
	synthMedia = []string{"podcasts", "call recordings", "voice notes", "webinars", "YouTube videos",
		"lectures", "interviews", "earnings calls", "radio broadcasts", "meetings"}
	synthCode = []string{"Solidity contracts", "Python services", "Go microservices", "TypeScript apps",
		"Rust crates", "smart contracts", "Terraform modules", "Kubernetes manifests", "SQL queries",
		"React components", "Java backends", "mobile apps"}
	synthImages = []string{"product photos", "satellite imagery", "X-ray images", "retail shelf photos",
		"drone footage", "security camera feeds", "real estate photos", "fashion catalog images",
		"handwritten notes", "whiteboard photos"}
	synthData = []string{"sales data", "web traffic", "sensor readings", "transaction logs",
		"clickstream events", "inventory levels", "energy consumption", "crypto prices", "ad spend",
		"customer churn data", "supply chain data", "payroll records"}

	synthTasks = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "extracts line items and totals from " + pick(r, synthDocs) },
		func(r *rand.Rand) string { return "performs OCR on scanned " + pick(r, synthDocs) },
		func(r *rand.Rand) string {
			return "reads " + pick(r, synthDocs) + " with optical character recognition"
		},
		func(r *rand.Rand) string { return "digitizes paper " + pick(r, synthDocs) + " into structured JSON" },
		func(r *rand.Rand) string {
			return "translates " + pick(r, synthDocs) + " from " + pick(r, synthLangs) + " to " + pick(r, synthLangs)
		},
		func(r *rand.Rand) string { return "localizes " + pick(r, synthCode) + " into " + pick(r, synthLangs) },
		func(r *rand.Rand) string { return "transcribes " + pick(r, synthMedia) + " in " + pick(r, synthLangs) },
		func(r *rand.Rand) string { return "converts " + pick(r, synthMedia) + " to text with speaker labels" },
		func(r *rand.Rand) string { return "summarizes " + pick(r, synthDocs) + " into key points" },
		func(r *rand.Rand) string { return "writes short summaries of " + pick(r, synthMedia) },
		func(r *rand.Rand) string { return "verifies identity documents such as " + pick(r, synthDocs) },
		func(r *rand.Rand) string { return "runs KYC and AML checks for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "audits " + pick(r, synthCode) + " for security vulnerabilities" },
		func(r *rand.Rand) string { return "reviews pull requests for " + pick(r, synthCode) },
		func(r *rand.Rand) string { return "generates unit tests for " + pick(r, synthCode) },
		func(r *rand.Rand) string { return "detects objects in " + pick(r, synthImages) },
		func(r *rand.Rand) string { return "removes backgrounds from " + pick(r, synthImages) },
		func(r *rand.Rand) string { return "classifies " + pick(r, synthImages) + " by defect type" },
		func(r *rand.Rand) string { return "answers customer support tickets for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string {
			return "forecasts " + pick(r, synthData) + " for " + pick(r, synthIndustries)
		},
		func(r *rand.Rand) string { return "detects fraud in " + pick(r, synthData) },
		func(r *rand.Rand) string { return "finds anomalies in " + pick(r, synthData) },
		func(r *rand.Rand) string { return "builds dashboards from " + pick(r, synthData) },
		func(r *rand.Rand) string { return "analyzes sentiment of " + pick(r, synthDocs) },
		func(r *rand.Rand) string { return "reviews " + pick(r, synthDocs) + " for risky clauses" },
		func(r *rand.Rand) string { return "drafts " + pick(r, synthDocs) + " for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "files VAT and sales tax returns for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "reconciles " + pick(r, synthDocs) + " against the general ledger" },
		func(r *rand.Rand) string { return "writes SEO blog posts for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string {
			return "moderates user content for " + pick(r, synthIndustries) + " platforms"
		},
		func(r *rand.Rand) string { return "scrapes product prices for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string {
			return "schedules meetings and appointments for " + pick(r, synthIndustries)
		},
		func(r *rand.Rand) string {
			return "plans trips and books flights for " + pick(r, synthIndustries) + " teams"
		},
		func(r *rand.Rand) string {
			return "provides hyperlocal weather forecasts for " + pick(r, synthIndustries)
		},
		func(r *rand.Rand) string { return "screens resumes for " + pick(r, synthIndustries) + " recruiters" },
		func(r *rand.Rand) string { return "generates marketing images for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "converts text to natural speech in " + pick(r, synthLangs) },
		func(r *rand.Rand) string { return "answers SQL questions over " + pick(r, synthData) },
		func(r *rand.Rand) string {
			return "tracks shipments and optimizes delivery routes for " + pick(r, synthIndustries)
		},
		func(r *rand.Rand) string { return "executes token swaps and arbitrage on DEXs" },
	}
	synthTraits = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return fmt.Sprintf("p95 latency under %d ms", 50*(1+r.IntN(20))) },
		func(r *rand.Rand) string { return "HIPAA compliant" },
		func(r *rand.Rand) string { return "SOC 2 Type II certified" },
		func(r *rand.Rand) string { return "GDPR ready with EU data residency" },
		func(r *rand.Rand) string { return fmt.Sprintf("priced at $0.%03d per call in USDC", 1+r.IntN(999)) },
		func(r *rand.Rand) string { return "supports x402 payments" },
		func(r *rand.Rand) string { return "handles PII and PHI safely" },
		func(r *rand.Rand) string { return "available 24/7 with batch and streaming modes" },
		func(r *rand.Rand) string { return "speaks " + pick(r, synthLangs) + " and " + pick(r, synthLangs) },
		func(r *rand.Rand) string { return "built for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "exposes MCP tools and A2A skills" },
		func(r *rand.Rand) string { return fmt.Sprintf("processes %d documents per minute", 10*(1+r.IntN(100))) },
	}
	synthQueries = []func(r *rand.Rand) string{
		func(r *rand.Rand) string { return "ocr " + pick(r, synthLangs) + " " + pick(r, synthDocs) },
		func(r *rand.Rand) string { return "text recognition for " + pick(r, synthDocs) },
		func(r *rand.Rand) string { return "translate " + pick(r, synthDocs) + " to " + pick(r, synthLangs) },
		func(r *rand.Rand) string { return "speech to text " + pick(r, synthMedia) },
		func(r *rand.Rand) string { return "summarise " + pick(r, synthDocs) },
		func(r *rand.Rand) string { return "identity verification " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "security audit " + pick(r, synthCode) },
		func(r *rand.Rand) string { return "picture background removal" },
		func(r *rand.Rand) string { return "fraud detection on " + pick(r, synthData) },
		func(r *rand.Rand) string { return "forecast " + pick(r, synthData) },
		func(r *rand.Rand) string { return "contract review " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return "customer support bot for " + pick(r, synthIndustries) },
		func(r *rand.Rand) string { return pick(r, synthDocs) + " extraction hipaa" },
		func(r *rand.Rand) string { return "cheap fast transcription " + pick(r, synthLangs) },
		func(r *rand.Rand) string { return "tax filing for " + pick(r, synthIndustries) },
	}
)

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// synthDescriptions returns n agent descriptions, the same for the same seed.
func synthDescriptions(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 0xa6012a))
	out := make([]string, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		fmt.Fprintf(&b, "%s %s %s", pick(r, synthNames1), pick(r, synthNames2), synthTasks[r.IntN(len(synthTasks))](r))
		if r.IntN(2) == 0 {
			b.WriteString(" and " + synthTasks[r.IntN(len(synthTasks))](r))
		}
		b.WriteString(". ")
		for range 1 + r.IntN(3) {
			t := synthTraits[r.IntN(len(synthTraits))](r)
			b.WriteString(strings.ToUpper(t[:1]) + t[1:] + ". ")
		}
		out[i] = strings.TrimSpace(b.String())
	}
	return out
}

// synthQueryTexts returns n buyer queries: two thirds short keyword queries, one third full
// descriptions (as a "find agents like this one" query).
func synthQueryTexts(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 0x9e77))
	out := make([]string, n)
	descs := synthDescriptions(seed^0x5eed, n)
	for i := range out {
		if i%3 == 2 {
			out[i] = descs[i]
		} else {
			out[i] = synthQueries[r.IntN(len(synthQueries))](r)
		}
	}
	return out
}
