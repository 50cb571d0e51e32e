package regfile

import (
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// errBlocked marks a dial refused by the SSRF guard; classify turns it into CodeBlockedAddress.
var errBlocked = errors.New("address refused by ssrf guard")

// blockedPrefixes are ranges that netip's predicates do not cover but that must not be reachable from a
// fetch of attacker-chosen URIs: shared/benchmark/reserved IPv4 space and IPv6 prefixes that embed or
// translate to IPv4 addresses.
var blockedPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT shared space
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, includes broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64 well-known prefix
	netip.MustParsePrefix("64:ff9b:1::/48"),  // NAT64 local-use prefix
	netip.MustParsePrefix("2002::/16"),       // 6to4
	netip.MustParsePrefix("2001::/32"),       // Teredo
	netip.MustParsePrefix("fec0::/10"),       // deprecated site-local
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// isBlockedAddr reports whether the SSRF guard refuses to connect to ip.
func isBlockedAddr(ip netip.Addr) bool {
	if !ip.IsValid() {
		return true
	}
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return true
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// guardControl is a net.Dialer.Control function. It runs after the host name has been resolved and before
// connect(2), on every address the dialer tries, so a name that resolves (or re-resolves) to a private
// address is refused without a packet being sent to it.
func guardControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparsable address %q", errBlocked, address)
	}
	if isBlockedAddr(ap.Addr()) {
		return &blockedError{addr: ap.Addr()}
	}
	return nil
}

// blockedError is returned by guardControl; it unwraps to errBlocked.
type blockedError struct{ addr netip.Addr }

func (e *blockedError) Error() string { return errBlocked.Error() + ": " + e.addr.String() }
func (e *blockedError) Unwrap() error { return errBlocked }
