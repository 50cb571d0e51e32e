package embed

// This file holds Local's word lists. Changing any of them changes Local's vectors: bump
// localModelVersion when you do.

// lexicon maps phrases that mean about the same thing in an agent marketplace onto one concept.
// Phrases are folded, tokenised and stemmed like any text, so "receipts" and "Receipt" both match
// "receipt"; a phrase is at most maxPhrase words. A phrase may sit in several groups.
var lexicon = []struct {
	name    string
	phrases []string
}{
	{"ocr", []string{"ocr", "optical character recognition", "text recognition", "text extraction", "extract text",
		"scan", "scanning", "scanned", "scanner", "digitize", "digitise", "digitization", "digitisation",
		"document capture", "handwriting recognition", "read text"}},
	{"invoice", []string{"invoice", "invoicing", "bill", "billing", "receipt", "purchase order", "accounts payable",
		"accounts receivable", "expense report", "credit note", "remittance"}},
	{"translate", []string{"translate", "translation", "translator", "translating", "localisation", "localization",
		"localise", "localize", "l10n", "i18n", "multilingual", "interpreter", "interpretation"}},
	{"transcribe", []string{"transcribe", "transcription", "transcript", "speech to text", "stt", "asr",
		"speech recognition", "voice recognition", "voice to text", "dictation", "captioning", "subtitle"}},
	{"tts", []string{"text to speech", "tts", "speech synthesis", "voice synthesis", "voiceover", "voice over",
		"narration", "voice cloning", "synthetic voice"}},
	{"summarise", []string{"summarise", "summarize", "summary", "summarisation", "summarization", "summariser",
		"summarizer", "tldr", "tl dr", "digest", "condense", "recap", "key points", "abstract"}},
	{"kyc", []string{"kyc", "know your customer", "identity verification", "id verification", "verify identity",
		"identity check", "aml", "anti money laundering", "liveness", "document verification", "kyb",
		"customer due diligence", "sanctions screening"}},
	{"audit", []string{"audit", "auditing", "auditor", "review", "reviewing", "reviewer", "inspection", "inspect",
		"assessment", "assurance", "attestation"}},
	{"smart-contract", []string{"smart contract", "solidity", "evm", "vyper", "contract audit", "erc20", "erc721",
		"erc 8004", "erc8004"}},
	{"image", []string{"image", "picture", "photo", "photograph", "photography", "img", "jpeg", "jpg", "png",
		"visual", "imagery"}},
	{"image-generation", []string{"text to image", "image generation", "generate image", "image generator",
		"diffusion", "stable diffusion", "illustration", "ai art", "art generation", "dall e", "midjourney"}},
	{"image-editing", []string{"image editing", "photo editing", "edit photo", "background removal",
		"remove background", "upscale", "upscaling", "super resolution", "retouch", "retouching", "inpainting"}},
	{"vision", []string{"computer vision", "object detection", "image recognition", "image classification",
		"detect object", "visual inspection", "image analysis", "segmentation"}},
	{"face", []string{"face recognition", "facial recognition", "face detection", "face matching", "face match",
		"biometric", "biometrics", "selfie"}},
	{"video", []string{"video", "clip", "footage", "movie", "film", "mp4", "stream", "livestream"}},
	{"audio", []string{"audio", "sound", "voice", "speech", "podcast", "mp3", "wav", "recording"}},
	{"music", []string{"music", "song", "melody", "soundtrack", "beat", "composition"}},
	{"code", []string{"code", "coding", "programming", "programmer", "software development", "developer",
		"codegen", "code generation", "write code", "copilot", "source code"}},
	{"code-review", []string{"code review", "pull request", "pr review", "lint", "linting", "linter",
		"static analysis", "code quality", "refactor", "refactoring"}},
	{"debug", []string{"bug", "debug", "debugging", "bugfix", "bug fix", "defect", "crash", "error triage",
		"troubleshoot", "troubleshooting"}},
	{"testing", []string{"testing", "test automation", "qa", "quality assurance", "unit test", "test case",
		"regression test", "e2e", "end to end test"}},
	{"sentiment", []string{"sentiment", "sentiment analysis", "opinion mining", "emotion detection",
		"emotion", "tone analysis", "polarity"}},
	{"classify", []string{"classify", "classification", "classifier", "categorize", "categorise",
		"categorization", "categorisation", "tagging", "auto tag", "triage"}},
	{"extract", []string{"extraction", "extract", "parse", "parsing", "parser", "structured data",
		"entity extraction", "ner", "named entity", "key value", "field extraction"}},
	{"scrape", []string{"scrape", "scraping", "scraper", "crawl", "crawler", "crawling", "spider",
		"web data", "harvest"}},
	{"search", []string{"search", "retrieval", "lookup", "look up", "semantic search", "rag",
		"retrieval augmented", "vector search", "discovery", "find"}},
	{"chat", []string{"chatbot", "chat bot", "chat", "conversational", "assistant", "virtual assistant",
		"dialogue", "copilot", "faq bot"}},
	{"support", []string{"customer support", "customer service", "support ticket", "helpdesk", "help desk",
		"ticketing", "ticket", "customer care", "zendesk", "support agent"}},
	{"email", []string{"email", "e mail", "mail", "inbox", "newsletter", "mailbox", "outreach"}},
	{"schedule", []string{"schedule", "scheduling", "scheduler", "calendar", "appointment", "booking", "meeting",
		"reservation"}},
	{"travel", []string{"travel", "flight", "airline", "hotel", "trip", "itinerary", "tourism", "vacation"}},
	{"weather", []string{"weather", "forecast", "meteorology", "meteorological", "climate", "temperature",
		"rainfall", "precipitation"}},
	{"predict", []string{"forecast", "forecasting", "prediction", "predict", "predictive", "projection",
		"time series", "demand planning"}},
	{"accounting", []string{"accounting", "accountant", "bookkeeping", "bookkeeper", "ledger", "general ledger",
		"reconciliation", "reconcile", "financial statement", "balance sheet", "audit trail"}},
	{"payment", []string{"payment", "pay", "payout", "settlement", "checkout", "escrow", "x402", "usdc",
		"stablecoin", "remittance", "money transfer"}},
	{"trading", []string{"trading", "trade", "trader", "exchange", "swap", "dex", "arbitrage", "market making",
		"market maker", "order book", "portfolio"}},
	{"price", []string{"price", "pricing", "quote", "cost", "fee", "tariff", "rate card", "cheap",
		"affordable", "low cost", "inexpensive", "budget"}},
	{"tax", []string{"tax", "taxation", "vat", "gst", "sales tax", "tax return", "tax filing", "withholding"}},
	{"legal", []string{"legal", "law", "lawyer", "attorney", "litigation", "paralegal", "counsel", "court",
		"case law", "legal research"}},
	{"contract", []string{"contract", "agreement", "nda", "clause", "contract review", "msa", "sla"}},
	{"compliance", []string{"compliance", "compliant", "regulatory", "regulation", "gdpr", "hipaa", "soc 2",
		"soc2", "sox", "pci", "pci dss", "iso 27001", "ai act", "ccpa"}},
	{"medical", []string{"medical", "health", "healthcare", "clinical", "clinic", "patient", "hospital",
		"doctor", "physician", "ehr", "emr", "radiology", "phi", "diagnosis", "medicine"}},
	{"fraud", []string{"fraud", "fraud detection", "scam", "chargeback", "risk scoring", "transaction monitoring",
		"fraudulent", "account takeover"}},
	{"anomaly", []string{"anomaly", "anomaly detection", "outlier", "outlier detection", "unusual activity"}},
	{"analytics", []string{"analytics", "analysis", "analyze", "analyse", "analyst", "insight", "dashboard",
		"reporting", "report", "business intelligence", "bi", "kpi", "metric"}},
	{"visualize", []string{"chart", "charting", "graph", "plot", "plotting", "visualization", "visualisation",
		"visualize", "visualise", "infographic", "diagram"}},
	{"spreadsheet", []string{"spreadsheet", "excel", "csv", "xlsx", "google sheets", "sheet", "tabular",
		"table"}},
	{"document", []string{"document", "pdf", "docx", "paperwork", "form", "file", "contract", "letter"}},
	{"database", []string{"sql", "database", "query", "postgres", "postgresql", "mysql", "text to sql",
		"nl2sql", "warehouse", "bigquery", "snowflake"}},
	{"write", []string{"copywriting", "copywriter", "writing", "writer", "content writing", "blog", "blog post",
		"article", "essay", "ghostwriter", "content creation", "rewrite", "paraphrase", "proofread",
		"proofreading", "grammar", "editing"}},
	{"marketing", []string{"marketing", "seo", "search engine optimization", "search engine optimisation",
		"advertising", "ad", "ad copy", "campaign", "growth", "lead generation", "crm"}},
	{"social", []string{"social media", "twitter", "tweet", "instagram", "linkedin", "tiktok", "facebook",
		"youtube", "reddit", "community management", "influencer"}},
	{"recommend", []string{"recommendation", "recommend", "recommender", "personalization", "personalisation",
		"personalized", "personalised", "suggestion", "suggest", "next best"}},
	{"moderation", []string{"moderation", "content moderation", "moderate", "nsfw", "toxicity", "toxic",
		"hate speech", "abuse detection", "spam", "spam filter", "trust and safety", "safety filter"}},
	{"logistics", []string{"logistics", "shipping", "shipment", "delivery", "freight", "supply chain",
		"warehouse", "inventory", "fulfilment", "fulfillment", "courier", "tracking", "route optimization"}},
	{"hiring", []string{"recruiting", "recruitment", "recruiter", "hiring", "hire", "resume", "cv",
		"candidate screening", "talent", "job matching", "applicant", "job description", "hr",
		"human resources", "payroll"}},
	{"real-estate", []string{"real estate", "property", "housing", "mortgage", "rental", "tenant", "landlord",
		"listing"}},
	{"insurance", []string{"insurance", "insurer", "claim", "claims processing", "underwriting", "underwriter",
		"policyholder", "actuarial"}},
	{"education", []string{"education", "educational", "tutoring", "tutor", "teaching", "teacher", "learning",
		"course", "homework", "quiz", "lesson", "student", "exam"}},
	{"news", []string{"news", "headline", "journalism", "journalist", "press", "press release", "media monitoring"}},
	{"monitoring", []string{"monitoring", "monitor", "observability", "uptime", "alerting", "alert", "log",
		"logging", "incident", "on call", "status page"}},
	{"security", []string{"security", "cybersecurity", "cyber security", "vulnerability", "pentest",
		"penetration testing", "penetration test", "threat detection", "malware", "phishing", "siem",
		"infosec", "exploit"}},
	{"blockchain", []string{"blockchain", "onchain", "on chain", "web3", "ethereum", "crypto", "cryptocurrency",
		"token", "nft", "wallet", "defi", "dao", "solana"}},
	{"annotate", []string{"annotation", "annotate", "annotator", "labeling", "labelling", "data labeling",
		"data labelling", "bounding box", "ground truth"}},
	{"maps", []string{"map", "mapping", "geocoding", "geocode", "geolocation", "location", "address", "gps",
		"routing", "navigation", "geospatial", "gis"}},
	{"speed", []string{"fast", "faster", "low latency", "latency", "quick", "realtime", "real time", "instant",
		"speedy", "rapid", "high throughput"}},
	{"sign", []string{"e signature", "esignature", "esign", "signature", "sign", "docusign", "signing"}},
	{"notes", []string{"meeting notes", "minutes", "note taking", "notetaker", "note taker", "action item"}},
	{"research", []string{"research", "researcher", "literature review", "paper", "citation", "academic",
		"scientific", "study", "due diligence"}},
	{"agent-workflow", []string{"workflow", "automation", "automate", "orchestration", "orchestrate",
		"pipeline", "zapier", "integration", "rpa"}},
	{"vietnamese", []string{"vietnamese", "vietnam", "tieng viet"}},
	{"chinese", []string{"chinese", "mandarin", "cantonese", "china", "zhongwen", "中文"}},
	{"japanese", []string{"japanese", "japan", "nihongo", "日本語"}},
	{"korean", []string{"korean", "korea", "hangul", "한국어"}},
	{"spanish", []string{"spanish", "espanol", "castellano", "latam"}},
	{"french", []string{"french", "francais", "france"}},
	{"german", []string{"german", "deutsch", "germany"}},
	{"portuguese", []string{"portuguese", "portugues", "brazilian", "brazil"}},
	{"arabic", []string{"arabic", "العربية"}},
	{"hindi", []string{"hindi", "हिन्दी", "हिंदी"}},
}

// lexiconIndex maps the FNV-1a hash of a phrase's stems (class byte, then the stems joined by
// spaces, as concepts computes it) to the lexicon groups it belongs to.
var lexiconIndex = buildLexiconIndex()

func buildLexiconIndex() map[uint64][]uint16 {
	idx := make(map[uint64][]uint16)
	s := new(scratch)
	for c, g := range lexicon {
		for _, p := range g.phrases {
			s.tokenize(p)
			if len(s.toks) == 0 || len(s.toks) > maxPhrase {
				continue // a phrase that cannot match; TestLexicon catches it
			}
			h := fnvByte(fnvOffset, classConcept)
			for j, t := range s.toks {
				if j > 0 {
					h = fnvByte(h, ' ')
				}
				h = fnvAdd(h, s.buf[t.stemStart:t.stemEnd])
			}
			if !containsConcept(idx[h], uint16(c)) {
				idx[h] = append(idx[h], uint16(c))
			}
		}
	}
	return idx
}

func containsConcept(cs []uint16, c uint16) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// stopWords carry no meaning of their own in a listing or a query. They take part in lexicon
// phrases ("speech to text") but make no features.
var stopWords = setOf(
	"a", "an", "the", "and", "or", "but", "nor", "for", "of", "to", "in", "on", "at", "by", "with", "from",
	"into", "onto", "via", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
	"that", "these", "those", "we", "you", "your", "yours", "our", "ours", "i", "my", "me", "us", "they",
	"them", "their", "he", "she", "his", "her", "can", "could", "will", "would", "shall", "should", "may",
	"might", "must", "do", "does", "did", "done", "have", "has", "had", "any", "all", "each", "every",
	"per", "than", "then", "so", "such", "etc", "eg", "ie", "also", "just", "only", "very", "more", "most",
	"other", "some", "no", "not", "there", "here", "which", "who", "whom", "what", "when", "where", "why",
	"how", "if", "about", "up", "out", "over", "under", "within", "without", "between", "across", "after",
	"before", "while", "both", "either", "neither", "own", "same", "too", "s", "t", "am", "pm",
	"please", "need", "needs", "want", "wants", "looking", "like", "get", "gets", "using", "use", "uses",
	"based", "thats",
)

// weakWords are in nearly every listing: they count weightWeak of a word. Checked on stems.
var weakWords = setOf(
	"agent", "ai", "service", "api", "tool", "bot", "app", "application", "platform", "solution",
	"system", "provider", "powered", "model", "llm", "gpt", "best", "top", "powerful", "simple", "easy",
	"online", "smart", "intelligent", "advanced", "professional", "quality", "high", "accurate",
	"reliable", "secure", "support", "help", "offer", "provide", "handle",
	"automatic", "automated", "task", "request", "user", "customer", "client", "business", "enterprise",
	"team", "company", "new", "any", "one", "two", "make", "build", "create", "generate",
)

// noStem lists words ending in "s" that are not plurals.
var noStem = setOf(
	"news", "series", "species", "lens", "canvas", "atlas", "alias", "bias", "always", "perhaps",
	"whereas", "thus", "saas", "paas", "iaas", "faas", "dbaas", "chaos", "kudos", "llms", "aws",
	"devops", "mlops", "analytics", "logistics", "statistics", "economics", "physics", "mathematics",
	"politics", "ethics", "kubernetes", "windows", "https", "sales", "express", "overseas", "sometimes",
)

// dropS lists plurals whose singular ends in "ie" or "che".
var dropS = setOf(
	"movies", "cookies", "selfies", "calories", "zombies", "rookies", "goalies", "brownies", "genies",
	"aunties", "smoothies", "freebies", "newbies", "techies", "foodies", "hoodies", "caches", "niches",
	"headaches", "avalanches", "moustaches", "mustaches", "quiches", "creches",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

func isStopWord(w []byte) bool {
	_, ok := stopWords[string(w)]
	return ok
}

func isWeakWord(w []byte) bool {
	_, ok := weakWords[string(w)]
	return ok
}
