package ethlogs

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// TestDecodeHex_EveryByteEveryLane puts each of the 256 byte values at each position of 16- and 18-digit
// strings (both SWAR lanes and the byte-wise tail) and compares decodeHex with encoding/hex.
func TestDecodeHex_EveryByteEveryLane(t *testing.T) {
	for _, base := range []string{"0123456789abcdef", "FEDCBA9876543210aF", "00000000000000000000000000000000ff"} {
		for pos := range len(base) {
			for c := range 256 {
				src := []byte(base)
				src[pos] = byte(c)
				want, wantErr := hex.DecodeString(string(src))
				got := make([]byte, len(src)/2)
				ok := decodeHex(got, src)
				if ok != (wantErr == nil) || (ok && !bytes.Equal(got, want)) {
					t.Fatalf("decodeHex(%q) = %x, %v; want %x, %v", src, got, ok, want, wantErr)
				}
			}
		}
	}
}
