package embed_test

import (
	"errors"
	"math"
	"testing"

	"github.com/agoralabs/agora/embed"
)

func TestEncodeDecode_RoundTrip(t *testing.T) {
	in := []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0.1, -0.333, math.MaxFloat32,
		-math.MaxFloat32, math.SmallestNonzeroFloat32, 1e-20}
	b := embed.Encode(in)
	if len(b) != 4*len(in) {
		t.Fatalf("Encode: %d bytes, want %d", len(b), 4*len(in))
	}
	out, err := embed.Decode(b, len(in))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	for i := range in {
		if math.Float32bits(out[i]) != math.Float32bits(in[i]) {
			t.Errorf("value %d: got %v (%08x), want %v (%08x)", i, out[i], math.Float32bits(out[i]), in[i], math.Float32bits(in[i]))
		}
	}
}

func TestEncode_LittleEndian(t *testing.T) {
	got := embed.Encode([]float32{1, -2})
	want := []byte{0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0}
	if string(got) != string(want) {
		t.Errorf("Encode(1, -2) = % x, want % x", got, want)
	}
	if got := embed.Encode(nil); len(got) != 0 {
		t.Errorf("Encode(nil) = % x, want empty", got)
	}
}

func TestDecode_BadInput(t *testing.T) {
	good := embed.Encode([]float32{1, 2, 3})
	nan := embed.Encode([]float32{1, float32(math.NaN()), 3})
	inf := embed.Encode([]float32{float32(math.Inf(-1)), 2, 3})
	for _, tc := range []struct {
		name string
		b    []byte
		dims int
		want error
	}{
		{"short", good[:11], 3, embed.ErrDims},
		{"long", append(good, 0), 3, embed.ErrDims},
		{"wrong dims", good, 4, embed.ErrDims},
		{"zero dims", nil, 0, embed.ErrDims},
		{"negative dims", good, -3, embed.ErrDims},
		{"empty", nil, 3, embed.ErrDims},
		{"nan", nan, 3, embed.ErrNotFinite},
		{"inf", inf, 3, embed.ErrNotFinite},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := embed.Decode(tc.b, tc.dims)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode(%d bytes, %d) = %v, %v; want error %v", len(tc.b), tc.dims, v, err, tc.want)
			}
		})
	}
}

func TestCosine(t *testing.T) {
	for _, tc := range []struct {
		a, b []float32
		want float32
	}{
		{[]float32{1, 0}, []float32{1, 0}, 1},
		{[]float32{1, 0}, []float32{0, 2}, 0},
		{[]float32{3, 4}, []float32{-6, -8}, -1},
		{[]float32{1, 0}, []float32{1, 0, 0}, 0},
		{[]float32{0, 0}, []float32{1, 0}, 0},
	} {
		if got := embed.Cosine(tc.a, tc.b); math.Abs(float64(got-tc.want)) > 1e-6 {
			t.Errorf("Cosine(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
