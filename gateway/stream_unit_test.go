package gateway

import (
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func newSub() *subscriber {
	return &subscriber{follow: map[string]bool{}, out: make(chan encoded, streamBuffer), dropped: make(chan struct{})}
}

// TestStreams_SlowSubscriberIsDropped checks that a subscriber that stops reading is dropped once it is
// streamBuffer events behind, while one that keeps reading gets every event, and that the hub holds at most
// its maximum of streams.
func TestStreams_SlowSubscriberIsDropped(t *testing.T) {
	s := &Server{log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry()),
		cfg: Config{MaxClientStreams: 5}}
	h := newStreams(s, 2)
	slow, fast := newSub(), newSub()
	if h.add(slow) != nil || h.add(fast) != nil {
		t.Fatal("add refused below the maximum")
	}
	if p := h.add(newSub()); p == nil || p.Code != CodeUnavailable {
		t.Fatalf("add over the maximum of 2 = %v, want %s", p, CodeUnavailable)
	}
	received, dropAt := 0, -1
	for i := range 3 * streamBuffer {
		h.mu.Lock()
		for sub := range h.subs {
			h.sendLocked(sub, encoded{typ: "quote", data: []byte{byte(i)}})
		}
		h.mu.Unlock()
		for len(fast.out) > 0 { // the fast one keeps up
			<-fast.out
			received++
		}
		select {
		case <-slow.dropped:
			if dropAt < 0 {
				dropAt = i
			}
		default:
		}
	}
	if dropAt != streamBuffer {
		t.Fatalf("slow subscriber dropped at event %d, want %d (after a full buffer of %d)", dropAt, streamBuffer, streamBuffer)
	}
	if received != 3*streamBuffer {
		t.Fatalf("fast subscriber got %d events, want %d", received, 3*streamBuffer)
	}
	h.mu.Lock()
	_, still := h.subs[slow]
	n := len(h.subs)
	h.mu.Unlock()
	if still || n != 1 {
		t.Fatalf("after the drop: slow still subscribed %v, %d subscribers", still, n)
	}
	if got := testutil.ToFloat64(s.metrics.streamsDropped); got != 1 {
		t.Fatalf("streams_dropped_total = %v, want 1", got)
	}
	if h.add(newSub()) != nil {
		t.Fatal("a dropped stream's place was not freed")
	}
}

// TestStreams_PerClientLimit checks that one client address holds at most MaxClientStreams streams while
// others still open theirs, and that closing one frees its place.
func TestStreams_PerClientLimit(t *testing.T) {
	s := &Server{log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry()),
		cfg: Config{MaxClientStreams: 2}}
	h := newStreams(s, 100)
	sub := func(client string) *subscriber { x := newSub(); x.client = client; return x }
	a1, a2 := sub("10.0.0.1"), sub("10.0.0.1")
	if h.add(a1) != nil || h.add(a2) != nil {
		t.Fatal("add refused below the client's maximum")
	}
	if p := h.add(sub("10.0.0.1")); p == nil || p.Code != CodeRateLimited {
		t.Fatalf("third stream of one client = %v, want %s", p, CodeRateLimited)
	}
	if h.add(sub("10.0.0.2")) != nil {
		t.Fatal("another client refused")
	}
	h.remove(a1)
	h.remove(a1) // twice: counted once
	if h.add(sub("10.0.0.1")) != nil {
		t.Fatal("a closed stream's place was not freed")
	}
	if p := h.add(sub("10.0.0.1")); p == nil {
		t.Fatal("removing a stream twice freed two places")
	}
}

// TestHears_CapabilityWords checks which subscriptions hear an opened RFQ.
func TestHears_CapabilityWords(t *testing.T) {
	s := &Server{catalog: newCatalog(nil, slog.New(slog.DiscardHandler))}
	seven := "7"
	for _, tc := range []struct {
		caps    []string
		agentID string
		rfq     rfqView
		want    bool
	}{
		{[]string{"ocr"}, "", rfqView{Capability: "Invoice OCR, Vietnamese", Auction: "first_price"}, true},
		{[]string{"invoice ocr"}, "", rfqView{Capability: "ocr for invoices", Auction: "first_price"}, false},
		{[]string{"translation", "vietnamese invoice"}, "", rfqView{Capability: "vietnamese invoice ocr", Auction: "dutch"}, true},
		{[]string{"ocr"}, "7", rfqView{Capability: "invoice ocr", Auction: "first_price"}, false}, // agent 7 is offline
		{nil, "7", rfqView{Capability: "anything", Auction: "direct", ProviderAgentID: &seven}, true},
		{[]string{"anything"}, "8", rfqView{Capability: "anything", Auction: "direct", ProviderAgentID: &seven}, false},
	} {
		sub := newSub()
		sub.agentID = tc.agentID
		for _, c := range tc.caps {
			sub.caps = append(sub.caps, capWords(c))
		}
		if got := s.hears(sub, &tc.rfq, wordSet(tc.rfq.Capability), time.Now()); got != tc.want {
			t.Errorf("subscription %v (agent %q) hears %+v: %v, want %v", tc.caps, tc.agentID, tc.rfq, got, tc.want)
		}
	}
}

// TestStreams_FollowLimit checks that a stream follows at most streamMaxFollow RFQs and that unfollowing one
// makes room for another.
func TestStreams_FollowLimit(t *testing.T) {
	h := newStreams(&Server{log: slog.New(slog.DiscardHandler), metrics: newMetrics(prometheus.NewRegistry())}, 10)
	sub := newSub()
	for i := range streamMaxFollow {
		if !h.follow(sub, fmt.Sprint(i)) {
			t.Fatalf("follow %d refused below the limit", i)
		}
	}
	if h.follow(sub, "one more") {
		t.Fatalf("follow accepted beyond %d", streamMaxFollow)
	}
	h.unfollow(sub, "7")
	if sub.follow["7"] || !h.follow(sub, "one more") {
		t.Fatal("unfollow did not make room")
	}
}
