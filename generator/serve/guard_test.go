package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"guidebook/generator/site"
)

// TestServeHTTPGuards holds the issue 10 case 9 rows: an open redirect and
// DNS rebinding through any Host header.
func TestServeHTTPGuards(t *testing.T) {
	s := newServer(Options{Addr: "127.0.0.1:1313"})
	s.out = &site.Output{Files: map[string][]byte{
		"index.html":       []byte("<p>home</p>"),
		"steps/index.html": []byte("<p>steps</p>"),
		"404.html":         []byte("<p>404</p>"),
	}}
	named := newServer(Options{Addr: "guide.test:1313"})
	named.out = s.out
	tests := []struct {
		name     string
		srv      *Server
		target   string
		host     string
		code     int
		location string // expected Location header, when redirected
		body     string
	}{
		{"page", s, "/steps/", "127.0.0.1:1313", 200, "", "steps"},
		{"folder redirect", s, "/steps", "127.0.0.1:1313", 302, "/steps/", ""},
		{"open redirect", s, "//evil.example%2f..%2fsteps", "127.0.0.1:1313", 302, "/steps/", ""},
		{"open redirect, backslash", s, "/%5cevil.example/..%2fsteps", "127.0.0.1:1313", 302, "/steps/", ""},
		{"missing page", s, "/nope/", "localhost:1313", 404, "", "404"},
		{"localhost", s, "/", "localhost:1313", 200, "", "home"},
		{"sub.localhost", s, "/", "guide.localhost:1313", 200, "", "home"},
		{"IPv6 loopback", s, "/", "[::1]:1313", 200, "", "home"},
		{"LAN address", s, "/", "192.168.1.20:1313", 200, "", "home"},
		{"no port", s, "/", "localhost", 200, "", "home"},
		{"rebinding name", s, "/", "evil.example:1313", 421, "", "DNS rebinding"},
		{"rebinding name without port", s, "/", "evil.example", 421, "", "not \"evil.example\""},
		{"localhost look-alike", s, "/", "localhost.evil.example", 421, "", "DNS rebinding"},
		{"rebinding the reload stream", s, "/_guidebook/events", "evil.example", 421, "", "DNS rebinding"},
		{"bound name", named, "/", "guide.test:1313", 200, "", "home"},
		{"bound name, other case", named, "/", "GUIDE.test:1313", 200, "", "home"},
		{"other name on a named server", named, "/", "other.test:1313", 421, "", "--addr NAME:PORT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "http://x"+tt.target, nil)
			req.Host = tt.host
			rec := httptest.NewRecorder()
			tt.srv.ServeHTTP(rec, req)
			if rec.Code != tt.code {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.code, rec.Body)
			}
			if loc := rec.Header().Get("Location"); loc != tt.location {
				t.Errorf("Location = %q, want %q", loc, tt.location)
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body %q lacks %q", rec.Body, tt.body)
			}
		})
	}
}

func TestExposureWarning(t *testing.T) {
	for addr, want := range map[string]bool{":1313": true, "0.0.0.0:1313": true, "[::]:1313": true,
		"127.0.0.1:1313": false, "localhost:1313": false, "[::1]:1313": false, "192.168.1.2:1313": false} {
		if got := exposureWarning(addr) != ""; got != want {
			t.Errorf("exposureWarning(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	srv := newHTTPServer(http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("ReadHeaderTimeout %v, IdleTimeout %v: both must be set", srv.ReadHeaderTimeout, srv.IdleTimeout)
	}
	if srv.WriteTimeout != 0 {
		t.Error("a WriteTimeout would cut the live-reload stream")
	}
}
