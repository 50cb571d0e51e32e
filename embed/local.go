package embed

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// DefaultLocalDims is the dimension NewLocal uses when given zero or less.
const DefaultLocalDims = 256

// MaxLocalText is how many bytes of a text Local reads; the rest is ignored, which bounds the time
// and memory one text can take.
const MaxLocalText = 1 << 20

// localModelVersion names the feature recipe. Any change to tokenisation, folding, stemming, the
// lexicon, the weights or the hashing changes the vectors and must bump it, so that the gateway
// re-embeds what it stored under the old name.
const localModelVersion = "v1"

// Feature weights. A word counts 1; its character n-grams together weigh about as much as the word
// (so a typo keeps a good part of the similarity); a pair of neighbouring words adds word order; a
// lexicon concept is what lets "bill text recognition" find "invoice OCR".
const (
	weightWord    = 1.0
	weightBigram  = 0.5
	weightChars   = 1.0 // total over a word's 3- and 4-grams (as a vector length)
	weightConcept = 1.4
	weightLetters = 0.8  // the word's letters in sorted order: "invioce" and "invoice" share it
	weightWeak    = 0.35 // factor for words every listing carries ("agent", "api", "service" …)
	maxPhrase     = 4    // longest lexicon phrase, in tokens
)

// Each feature is added at probes signed positions, each with 1/sqrt(probes) of its weight: this
// does not change the average chance similarity of unrelated texts (1/sqrt(dims)), but spreads it,
// so that one unlucky collision between two heavy features cannot make "weather" look like
// "invoice".
const probes = 3

var probeWeight = float32(1 / math.Sqrt(probes))

// Feature classes, hashed in front of a feature's bytes so that the word "ocr" and the
// 3-gram "ocr" are different features.
const (
	classEmpty byte = iota
	classWord
	classBigram
	classChars
	classConcept
	classLetters
)

// Local is the built-in embedder: offline, deterministic and fast. It needs no model weights.
//
// A text is folded (lower case, Latin accents removed, full-width forms narrowed), split into words
// (Han, Hiragana and Katakana one character a word), plural-stemmed, and turned into features:
// words, pairs of neighbouring words, character 3- and 4-grams of each word and its letters in
// sorted order (typo tolerance), and concepts from a built-in lexicon of marketplace synonyms
// (ocr ~ "text recognition" ~ scan, invoice ~ bill ~ receipt …). Stop words make no features and
// words every listing has weigh little. Repeated features weigh 1+ln(count). Each feature is hashed
// with FNV-1a (fixed, so vectors are the same in every process and release) to probes signed
// positions of the vector, which is then L2-normalised. The same text always gives the same bits.
// Only the first MaxLocalText bytes of a text count.
//
// Local is safe for concurrent use.
type Local struct {
	dims  int
	model string
}

// NewLocal returns a Local embedder of dims dimensions (DefaultLocalDims when dims <= 0).
func NewLocal(dims int) *Local {
	if dims <= 0 {
		dims = DefaultLocalDims
	}
	return &Local{dims: dims, model: fmt.Sprintf("agora-local-%s-%d", localModelVersion, dims)}
}

// Model returns "agora-local-v1-<dims>".
func (l *Local) Model() string { return l.model }

// Dims returns the vector length.
func (l *Local) Dims() int { return l.dims }

// Embed returns one unit vector per text. An empty text (or one with no letters or digits) gets a
// fixed vector of its own. It fails only when ctx is done.
func (l *Local) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	slab := make([]float32, len(texts)*l.dims)
	s := scratchPool.Get().(*scratch)
	defer func() {
		if cap(s.feats) <= 1<<14 { // let the buffers of a huge text go
			scratchPool.Put(s)
		}
	}()
	for i, t := range texts {
		if i%128 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("embed: local: %w", err)
			}
		}
		v := slab[i*l.dims : (i+1)*l.dims : (i+1)*l.dims]
		if len(t) > MaxLocalText {
			t = t[:MaxLocalText]
		}
		s.embed(t, v)
		out[i] = v
	}
	return out, nil
}

// token is one word of the folded text: buf[start:end] is the folded word and buf[stemStart:stemEnd]
// its stem (the same bytes unless the stemmer rewrote a suffix).
type token struct {
	start, end         int32
	stemStart, stemEnd int32
	weight             float32 // 0 for a stop word
	cjk                bool    // a single Han, Hiragana or Katakana character
	digits             bool    // only ASCII digits
}

type feature struct {
	h uint64
	w float32
}

type scratch struct {
	buf    []byte
	toks   []token
	feats  []feature
	padded []byte
	offs   []int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (s *scratch) embed(text string, v []float32) {
	clear(v)
	s.tokenize(text)
	s.features()
	if len(s.feats) == 0 {
		s.feats = append(s.feats, feature{h: hashBytes(classEmpty, nil), w: 1})
	}
	slices.SortFunc(s.feats, func(a, b feature) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	dims := uint64(len(v))
	for i := 0; i < len(s.feats); {
		j, sum := i, float32(0)
		for ; j < len(s.feats) && s.feats[j].h == s.feats[i].h; j++ {
			sum += s.feats[j].w
		}
		n := j - i
		w := float32(float64(sum) / float64(n) * tfWeight(n))
		h := s.feats[i].h
		w *= probeWeight
		for range probes {
			pos, _ := bits.Mul64(h, dims)
			if h&1 == 0 {
				v[pos] += w
			} else {
				v[pos] -= w
			}
			h = splitmix(h)
		}
		i = j
	}
	if normalize(v) != nil {
		// Every feature collided and cancelled out: fall back to the empty-text vector.
		clear(v)
		pos, _ := bits.Mul64(hashBytes(classEmpty, nil), dims)
		v[pos] = 1
	}
}

var tfTable = func() (t [33]float64) {
	for n := 1; n < len(t); n++ {
		t[n] = 1 + math.Log(float64(n))
	}
	return t
}()

// tfWeight is the sublinear term-frequency weight 1+ln(n).
func tfWeight(n int) float64 {
	if n < len(tfTable) {
		return tfTable[n]
	}
	return 1 + math.Log(float64(n))
}

// tokenize folds text into s.buf and splits it into s.toks.
func (s *scratch) tokenize(text string) {
	s.buf = s.buf[:0]
	s.toks = s.toks[:0]
	start := -1
	latin := false // the last rune of the current word was Latin (so a combining mark is an accent)
	begin := func() {
		if start < 0 {
			start = len(s.buf)
		}
	}
	end := func() {
		if start >= 0 && len(s.buf) > start {
			s.toks = append(s.toks, token{start: int32(start), end: int32(len(s.buf))})
		}
		start = -1
	}
	for _, r := range text {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
				fallthrough
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				begin()
				s.buf = append(s.buf, c)
				latin = true
			case c == '\'' && start >= 0:
				// "customer's" is one word.
			default:
				end()
			}
		case r == '\u2019' && start >= 0: // right single quotation mark used as an apostrophe
		case r >= 0xC0 && r < 0x250 && foldLatin[r-0xC0] != "":
			begin()
			f := foldLatin[r-0xC0]
			s.buf = append(s.buf, f...)
			latin = true
		case r >= 0x1E00 && r < 0x1F00 && foldLatinExt[r-0x1E00] != "":
			begin()
			f := foldLatinExt[r-0x1E00]
			s.buf = append(s.buf, f...)
			latin = true
		case r >= 0xFB00 && r <= 0xFB06: // Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
			begin()
			f := ligatures[r-0xFB00]
			s.buf = append(s.buf, f...)
			latin = true
		case unicode.Is(unicode.Mn, r):
			if start >= 0 && !latin {
				s.buf = utf8.AppendRune(s.buf, r)
			}
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			end()
			begin()
			s.buf = utf8.AppendRune(s.buf, r)
			s.toks = append(s.toks, token{start: int32(start), end: int32(len(s.buf)), cjk: true})
			start = -1
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r):
			begin()
			s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
			latin = false
		default:
			end()
		}
	}
	end()
	for i := range s.toks {
		t := &s.toks[i]
		word := s.buf[t.start:t.end]
		t.digits = allDigits(word)
		t.stemStart, t.stemEnd = t.start, t.end
		if !t.cjk {
			s.stem(t)
		}
		switch {
		case isStopWord(word):
			t.weight = 0
		case isWeakWord(s.buf[t.stemStart:t.stemEnd]):
			t.weight = weightWeak
		default:
			t.weight = 1
		}
	}
}

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// stem strips English plural endings from a lower-case ASCII word: "invoices" → "invoice",
// "summaries" → "summary", "taxes" → "tax", "classes" → "class", "matches" → "match". Words in
// noStem keep their ending; words in dropS lose only the final "s" ("movies", "caches").
func (s *scratch) stem(t *token) {
	w := s.buf[t.start:t.end]
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return
	}
	for _, c := range w {
		if c >= utf8.RuneSelf || c <= '9' {
			return // digits or a non-Latin script: "200ms", "заказы"
		}
	}
	if _, ok := noStem[string(w)]; ok {
		return
	}
	if _, ok := dropS[string(w)]; ok {
		t.stemEnd = t.end - 1
		return
	}
	switch {
	case w[n-2] == 's' || w[n-2] == 'u' || w[n-2] == 'i':
		// "business", "status", "analysis": not plurals.
	case n > 4 && w[n-3] == 'i' && w[n-2] == 'e':
		// "summaries" → "summary": rewrite the stem after the word.
		t.stemStart = int32(len(s.buf))
		s.buf = append(s.buf, s.buf[t.start:t.end-3]...)
		s.buf = append(s.buf, 'y')
		t.stemEnd = int32(len(s.buf))
	case w[n-2] == 'e' && (w[n-3] == 'x' || w[n-3] == 's' && w[n-4] == 's' ||
		w[n-3] == 'h' && (w[n-4] == 'c' || w[n-4] == 's')):
		t.stemEnd = t.end - 2 // "taxes", "classes", "matches", "dashes"
	default:
		t.stemEnd = t.end - 1
	}
}

// features turns s.toks into hashed, weighted features in s.feats.
func (s *scratch) features() {
	s.feats = s.feats[:0]
	prev := -1 // last content token, for bigrams
	for i := range s.toks {
		t := &s.toks[i]
		if t.weight == 0 {
			continue
		}
		stem := s.buf[t.stemStart:t.stemEnd]
		s.feats = append(s.feats, feature{h: hashBytes(classWord, stem), w: weightWord * t.weight})
		if prev >= 0 {
			p := &s.toks[prev]
			h := fnvAdd(fnvByte(fnvAdd(fnvByte(fnvOffset, classBigram), s.buf[p.stemStart:p.stemEnd]), ' '), stem)
			s.feats = append(s.feats, feature{h: fmix(h), w: weightBigram * min(t.weight, p.weight)})
		}
		prev = i
		if !t.cjk && !t.digits {
			s.charGrams(stem, t.weight)
			s.letters(stem, t.weight)
		}
	}
	s.concepts()
}

// charGrams adds the 3- and 4-grams of a stem of at least 3 letters framed as "\x01stem\x02", which
// marks its first and last letters, each weighing weightChars/sqrt(count) so that together they
// weigh weightChars.
func (s *scratch) charGrams(stem []byte, weight float32) {
	s.padded = append(s.padded[:0], 1)
	s.padded = append(s.padded, stem...)
	s.padded = append(s.padded, 2)
	s.offs = s.offs[:0]
	for i := 0; i < len(s.padded); {
		s.offs = append(s.offs, int32(i))
		if s.padded[i] < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRune(s.padded[i:])
			i += n
		}
	}
	s.offs = append(s.offs, int32(len(s.padded)))
	nr := len(s.offs) - 1 // runes in padded
	if nr < 5 {
		return
	}
	grams := 0
	for _, n := range [2]int{3, 4} {
		if nr >= n {
			grams += nr - n + 1
		}
	}
	w := float32(weightChars / math.Sqrt(float64(grams)) * float64(weight))
	for _, n := range [2]int{3, 4} {
		for i := 0; i+n <= nr; i++ {
			g := s.padded[s.offs[i]:s.offs[i+n]]
			s.feats = append(s.feats, feature{h: hashBytes(classChars, g), w: w})
		}
	}
}

// letters adds the feature of the stem's letters sorted, which a transposition typo keeps
// ("invioce", "invoice"); only for ASCII stems of 5 to 24 letters.
func (s *scratch) letters(stem []byte, weight float32) {
	if len(stem) < 5 || len(stem) > 24 {
		return
	}
	var a [24]byte
	w := a[:copy(a[:], stem)]
	for _, c := range w {
		if c >= utf8.RuneSelf {
			return
		}
	}
	for i := 1; i < len(w); i++ {
		for j := i; j > 0 && w[j] < w[j-1]; j-- {
			w[j], w[j-1] = w[j-1], w[j]
		}
	}
	s.feats = append(s.feats, feature{h: hashBytes(classLetters, w), w: weightLetters * weight})
}

// concepts adds a feature for every lexicon phrase found in the stems, stop words included (so
// "speech to text" matches).
func (s *scratch) concepts() {
	for i := range s.toks {
		h := fnvByte(fnvOffset, classConcept)
		for j := i; j < len(s.toks) && j < i+maxPhrase; j++ {
			t := &s.toks[j]
			if j > i {
				h = fnvByte(h, ' ')
			}
			h = fnvAdd(h, s.buf[t.stemStart:t.stemEnd])
			for _, c := range lexiconIndex[h] {
				s.feats = append(s.feats, feature{h: conceptHash(c), w: weightConcept})
			}
		}
	}
}

func conceptHash(c uint16) uint64 {
	return hashBytes(classConcept, []byte{byte(c >> 8), byte(c), 0xC0})
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvAdd(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// fmix is MurmurHash3's 64-bit finaliser: FNV-1a's high bits, which pick the vector position, mix
// poorly on short inputs.
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// hashBytes is the feature hash: FNV-1a 64 of the class byte and b, finalised by fmix.
func hashBytes(class byte, b []byte) uint64 {
	return fmix(fnvAdd(fnvByte(fnvOffset, class), b))
}
