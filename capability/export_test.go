package capability

// Hints exposes the messages keyed by schema keyword location, so that tests can check that every key
// still names a keyword of the schema.
var Hints = hints
