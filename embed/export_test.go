package embed

// LexiconProblems lists lexicon phrases that can never match (no words, or more than maxPhrase).
func LexiconProblems() []string {
	var bad []string
	s := new(scratch)
	for _, g := range lexicon {
		for _, p := range g.phrases {
			s.tokenize(p)
			if len(s.toks) == 0 || len(s.toks) > maxPhrase {
				bad = append(bad, g.name+": "+p)
			}
		}
	}
	return bad
}

// LexiconGroups is the number of concept groups.
func LexiconGroups() int { return len(lexicon) }

// Tokens returns the stems Local makes of text, stop words marked with a leading "-".
func Tokens(text string) []string {
	s := new(scratch)
	s.tokenize(text)
	var out []string
	for _, t := range s.toks {
		w := string(s.buf[t.stemStart:t.stemEnd])
		if t.weight == 0 {
			w = "-" + w
		}
		out = append(out, w)
	}
	return out
}
