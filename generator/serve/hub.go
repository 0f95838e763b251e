package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// event is what the open pages are told after a build.
type event struct {
	OK     bool     `json:"ok"`
	Errors []string `json:"errors,omitempty"`
	// CSS is true when only the stylesheet changed: pages swap it in place.
	CSS bool `json:"css,omitempty"`
}

// hub fans build events out to every open page (server-sent events).
type hub struct {
	mu     sync.Mutex
	subs   map[chan event]bool
	last   *event
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan event]bool{}} }

func (h *hub) subscribe() (chan event, *event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, nil
	}
	c := make(chan event, 4)
	h.subs[c] = true
	return c, h.last
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[c] {
		delete(h.subs, c)
		close(c)
	}
}

func (h *hub) send(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = &e
	for c := range h.subs {
		select {
		case c <- e:
		default: // a slow page misses one event; the next one still arrives
		}
	}
}

// close ends every subscription, so event streams return and the server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.subs {
		delete(h.subs, c)
		close(c)
	}
}

// events streams build results to one page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c, last := s.hub.subscribe()
	if c == nil {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	write := func(e event) {
		data, _ := json.Marshal(e)
		fmt.Fprintf(w, "event: build\ndata: %s\n\n", data)
		fl.Flush()
	}
	if last != nil && !last.OK {
		write(*last) // a page opened while the build is broken shows the errors at once
	} else {
		fmt.Fprint(w, ": connected\n\n")
		fl.Flush()
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			write(e)
		}
	}
}
