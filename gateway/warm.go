package gateway

import (
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
)

// Warming: after a start the gateway serves text and filter search as soon as its catalog is loaded
// (/readyz turns 200), while two parts may still be computed in the background: the vector index (stored
// embeddings are loaded, missing ones embedded) and, on a database without stored reports, reputation
// scores. A search that needs a part still warming is answered 503 warming (with Retry-After) rather than
// with an answer that is not the one it will get once warm; /readyz reports each part ("warm" or
// "warming 40%").

// warmRetryAfter is the Retry-After of a warming answer, in seconds.
const warmRetryAfter = 5

// vectorsWarm reports whether vector search is warm and, if not, how many agents have a vector (percent).
func (s *Server) vectorsWarm() (bool, int) {
	if s.vectors.warm.Load() {
		return true, 100
	}
	s.catalog.mu.RLock()
	docs := len(s.catalog.byID)
	s.catalog.mu.RUnlock()
	return false, percent(s.vectors.len(), docs)
}

// reputationWarm reports whether reputation scores are warm and, if not, how many agents have one
// (percent). Once every document has a score, or the first scoring pass is done, they stay warm.
func (s *Server) reputationWarm() (bool, int) {
	if s.repWarm.Load() {
		return true, 100
	}
	scored, docs := s.catalog.scored()
	if scored == docs {
		s.repWarm.Store(true)
		return true, 100
	}
	return false, percent(scored, docs)
}

// percent is part of whole in whole percent, below 100 unless part is whole.
func percent(part, whole int) int {
	switch {
	case whole <= 0:
		return 0
	case part >= whole:
		return 99
	}
	return part * 100 / whole
}

func warmth(warm bool, pct int) string {
	if warm {
		return "warm"
	}
	return "warming " + strconv.Itoa(pct) + "%"
}

// warming returns the 503 warming problem for q when it needs a part that is still warming, else nil.
func (s *Server) warming(q *searchQuery) *Problem {
	if q.Text != "" && q.Mode != "text" {
		if warm, pct := s.vectorsWarm(); !warm {
			return problem(http.StatusServiceUnavailable, CodeWarming,
				"vector search is warming up after a start (%d%% of agents embedded); mode=text is served meanwhile", pct).
				withField("mode")
		}
	}
	if q.Sort == "reputation" || q.MinReputation != nil {
		if warm, pct := s.reputationWarm(); !warm {
			field := "sort"
			if q.MinReputation != nil {
				field = "minReputation"
			}
			return problem(http.StatusServiceUnavailable, CodeWarming,
				"reputation scores are being computed after a start (%d%% of agents scored); other sorts and filters are served meanwhile", pct).
				withField(field)
		}
	}
	return nil
}

// loadGCPercent is the garbage collector's target while a gateway loads its catalog at start: the load
// mostly allocates what it keeps (about 220 MB at 100,000 agents for 930 MB allocated), and at the default
// 100% the collector would run a dozen times over a heap that only grows.
const loadGCPercent = 400

// gcBoost raises the collector's target to loadGCPercent until every caller has called the function it
// returns (gateways of one process may start together). A target above it, or the collector off, is left.
var gcBoost struct {
	sync.Mutex
	n, old int
}

func boostGC() (restore func()) {
	gcBoost.Lock()
	defer gcBoost.Unlock()
	if gcBoost.n == 0 {
		gcBoost.old = debug.SetGCPercent(loadGCPercent)
		if gcBoost.old < 0 || gcBoost.old > loadGCPercent {
			debug.SetGCPercent(gcBoost.old)
		}
	}
	gcBoost.n++
	var once sync.Once
	return func() {
		once.Do(func() {
			gcBoost.Lock()
			defer gcBoost.Unlock()
			if gcBoost.n--; gcBoost.n == 0 {
				debug.SetGCPercent(gcBoost.old)
			}
		})
	}
}
