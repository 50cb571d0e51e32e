// Package embed turns agent descriptions and search queries into vectors and searches them.
//
// An Embedder maps texts to unit-length float32 vectors of a fixed dimension: Local is built in,
// offline and deterministic (hashed lexical features plus a small lexicon of marketplace synonyms);
// OpenAI calls any OpenAI-compatible /embeddings endpoint. Index holds vectors in memory and answers
// top-k cosine queries over 100,000 vectors of 256 dimensions in one to two milliseconds: PostgreSQL
// here has no pgvector, so the gateway keeps vectors in a BYTEA column (Encode, Decode) and loads
// them into an Index at start.
package embed

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Embedder turns texts into unit-length vectors of a fixed dimension.
type Embedder interface {
	// Model is a stable identifier of the vector space, stored beside each vector so that vectors
	// from another model or dimension are never compared (e.g. "agora-local-v1-256").
	Model() string
	// Dims is the length of every vector Embed returns.
	Dims() int
	// Embed returns one L2-normalised vector per text, in the order of texts.
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

var (
	_ Embedder = (*Local)(nil)
	_ Embedder = (*OpenAI)(nil)
)

var (
	// ErrDims reports a vector or byte string whose length does not match the expected dimension.
	ErrDims = errors.New("embed: wrong vector dimension")
	// ErrNotFinite reports a vector holding NaN or ±Inf.
	ErrNotFinite = errors.New("embed: vector is not finite")
	// ErrZero reports an all-zero vector, which has no direction and cannot be normalised.
	ErrZero = errors.New("embed: zero vector")
)

// Encode returns v as little-endian IEEE-754 float32s (4 bytes a value), for a BYTEA column.
func Encode(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}

// Decode parses what Encode wrote. It fails unless b holds exactly dims finite values.
func Decode(b []byte, dims int) ([]float32, error) {
	if dims <= 0 {
		return nil, fmt.Errorf("%w: decode with dims %d", ErrDims, dims)
	}
	if len(b) != 4*dims {
		return nil, fmt.Errorf("%w: %d bytes, want %d (%d dims)", ErrDims, len(b), 4*dims, dims)
	}
	v := make([]float32, dims)
	for i := range v {
		x := math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return nil, fmt.Errorf("%w: value %d", ErrNotFinite, i)
		}
		v[i] = x
	}
	return v, nil
}

// normalize scales v in place to unit length. The sum of squares is taken in float64, where the
// product of two float32s is exact, so the result does not depend on fused multiply-add.
func normalize(v []float32) error {
	var sum float64
	for i, x := range v {
		f := float64(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("%w: value %d", ErrNotFinite, i)
		}
		sum += f * f
	}
	if sum == 0 {
		return ErrZero
	}
	inv := 1 / math.Sqrt(sum)
	for i, x := range v {
		v[i] = float32(float64(x) * inv)
	}
	return nil
}

// Cosine returns the cosine similarity of a and b, or 0 when their lengths differ or either is zero.
func Cosine(a, b []float32) float32 {
	if len(a) != len(b) {
		return 0
	}
	var dot, na, nb float64
	for i := range a {
		x, y := float64(a[i]), float64(b[i])
		dot += x * y
		na += x * x
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return float32(dot / math.Sqrt(na*nb))
}
