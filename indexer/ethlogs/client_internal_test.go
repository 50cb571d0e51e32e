package ethlogs

import (
	"net/http"
	"testing"
)

func TestNewClient_DefaultHTTPClient(t *testing.T) {
	c := NewClient("http://127.0.0.1:1", nil)
	tr, ok := c.http.Transport.(*http.Transport)
	if !ok {
		t.Fatalf("default transport is %T, want *http.Transport", c.http.Transport)
	}
	if tr.MaxIdleConnsPerHost < 16 || tr.MaxIdleConns < tr.MaxIdleConnsPerHost {
		t.Errorf("MaxIdleConnsPerHost = %d, MaxIdleConns = %d; want >= 16 and room for them", tr.MaxIdleConnsPerHost, tr.MaxIdleConns)
	}
	if c.http.Timeout <= 0 || tr.TLSHandshakeTimeout <= 0 || tr.ResponseHeaderTimeout <= 0 || tr.IdleConnTimeout <= 0 {
		t.Errorf("timeouts: client %v, TLS %v, header %v, idle %v; want all set", c.http.Timeout, tr.TLSHandshakeTimeout, tr.ResponseHeaderTimeout, tr.IdleConnTimeout)
	}
	if got := c.maxBody.Load(); got != DefaultMaxBodySize {
		t.Errorf("max body = %d, want %d", got, DefaultMaxBodySize)
	}
	own := &http.Client{}
	if NewClient("http://127.0.0.1:1", own).http != own {
		t.Errorf("NewClient did not keep the given http.Client")
	}
}
