package gateway

// ScorerLock is the advisory lock one gateway copy holds while it scores (tests hold it to keep reputation
// warming).
const ScorerLock = scorerLock
