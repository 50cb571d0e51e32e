package regfile

// IsBlockedAddr exposes the SSRF guard's address predicate to the external tests.
var IsBlockedAddr = isBlockedAddr
