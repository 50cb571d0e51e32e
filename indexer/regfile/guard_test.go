package regfile_test

import (
	"net/netip"
	"testing"

	"github.com/agoralabs/agora/indexer/regfile"
)

func TestIsBlockedAddr(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"::1", true},
		{"::ffff:127.0.0.1", true}, // IPv4-mapped loopback
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true}, // cloud metadata endpoint
		{"0.0.0.0", true},
		{"::", true},
		{"224.0.0.1", true},
		{"ff02::1", true},
		{"fe80::1", true},
		{"fc00::1", true},
		{"100.64.0.1", true},
		{"255.255.255.255", true},
		{"64:ff9b::a00:1", true}, // NAT64 of 10.0.0.1
		{"2002:a00:1::", true},   // 6to4 of 10.0.0.1
		{"8.8.8.8", false},
		{"1.1.1.1", false},
		{"2606:4700:4700::1111", false},
		{"::ffff:8.8.8.8", false},
	}
	for _, tt := range tests {
		if got := regfile.IsBlockedAddr(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("isBlockedAddr(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}
