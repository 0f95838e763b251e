// Package serve is the development server: it builds the site into memory,
// serves it, watches the site folder, rebuilds on change and tells open pages
// to reload (or shows the build errors over the page).
package serve

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"guidebook/generator/site"
)

// Options configures the server.
type Options struct {
	Build site.Options
	Addr  string    // listen address, e.g. 127.0.0.1:1313
	Dir   string    // site folder to watch
	Log   io.Writer // progress lines
	// Ready, if set, receives the listening address once the server accepts
	// connections (tests use port 0).
	Ready chan<- string
}

//go:embed reload.js
var reloadJS []byte

// Server holds the latest build and the reload hub.
type Server struct {
	opts    Options
	hub     *hub
	host    string // host part of Options.Addr, which the Host check accepts
	builder *site.Builder
	refresh chan struct{} // an incremental update left the search index behind

	mu   sync.RWMutex
	out  *site.Output // last successful build
	fail error        // problems of the last build, nil when it succeeded
}

// Run builds, serves and watches until ctx is cancelled. The watcher is in
// place before the first build starts, so no edit made from then on is
// missed; Ready is sent once the server accepts connections.
func Run(ctx context.Context, opts Options) error {
	s := newServer(opts)
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchErr := make(chan error, 1)
	watching := make(chan struct{})
	wg.Go(func() {
		watchErr <- watch(ctx, opts.Dir, func(paths []string) { s.rebuild(ctx, paths) }, func() { close(watching) })
	})
	select {
	case <-watching:
	case err := <-watchErr:
		cancel()
		wg.Wait()
		return err
	}
	s.rebuild(ctx, nil)
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		cancel()
		wg.Wait()
		return err
	}
	srv := newHTTPServer(s)
	if w := exposureWarning(opts.Addr); w != "" {
		fmt.Fprintln(opts.Log, w)
	}
	fmt.Fprintf(opts.Log, "serving on http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	if opts.Ready != nil {
		opts.Ready <- ln.Addr().String()
	}
	wg.Go(func() { s.refresher(ctx) })
	wg.Go(func() {
		<-ctx.Done()
		s.hub.close()
		shut, c := context.WithTimeout(context.Background(), 2*time.Second)
		defer c()
		_ = srv.Shutdown(shut)
	})
	err = srv.Serve(ln)
	cancel()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	if werr := <-watchErr; err == nil && werr != nil && !errors.Is(werr, context.Canceled) {
		err = werr
	}
	return err
}

func newServer(opts Options) *Server {
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		host = opts.Addr
	}
	return &Server{opts: opts, hub: newHub(), host: host, builder: site.NewBuilder(opts.Build), refresh: make(chan struct{}, 1)}
}

// newHTTPServer is the server Run starts: slow or idle clients are cut off,
// but there is no WriteTimeout, since the live-reload event stream stays
// open for hours.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
}

// exposureWarning is the line printed when addr listens on every network
// interface, or "" when it does not.
func exposureWarning(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || !everywhere(host) {
		return ""
	}
	return fmt.Sprintf("warning: listening on every network interface (%s): anyone on your network can read the site and its drafts; use --addr 127.0.0.1:1313 to keep it on this computer", addr)
}

// everywhere reports whether a listen host means every interface.
func everywhere(host string) bool {
	ip := net.ParseIP(host)
	return host == "" || (ip != nil && ip.IsUnspecified())
}

// rebuild applies a change to the files at paths (nil: build everything)
// and tells the pages. A change to the body or title of existing pages
// renders only what shows them; the search index then catches up in the
// background (see refresher).
func (s *Server) rebuild(ctx context.Context, paths []string) {
	var (
		out *site.Output
		upd site.Update
		err error
	)
	if paths == nil {
		out, err = s.builder.Build(ctx)
		upd.Full = true
	} else {
		out, upd, err = s.builder.Update(ctx, paths)
	}
	if ctx.Err() != nil {
		return
	}
	first := s.publish(out, err)
	if err != nil {
		return
	}
	verb := "rebuilt"
	if first {
		verb = "built"
	}
	for _, w := range out.Warnings {
		fmt.Fprintln(s.opts.Log, w)
	}
	switch {
	case upd.CSSOnly:
		fmt.Fprintf(s.opts.Log, "stylesheet updated in %dms\n", out.Duration.Milliseconds())
	case upd.Full:
		fmt.Fprintf(s.opts.Log, "%s %d pages in %dms\n", verb, out.Pages, out.Duration.Milliseconds())
	default:
		fmt.Fprintf(s.opts.Log, "updated %d page(s) in %dms (search index follows)\n", upd.Rendered, out.Duration.Milliseconds())
	}
	s.hub.send(event{OK: true, CSS: upd.CSSOnly})
	if upd.Stale {
		select {
		case s.refresh <- struct{}{}:
		default: // a refresh is already due
		}
	}
}

// refreshDelay is how long the refresher waits for editing to pause before
// building everything in the background.
const refreshDelay = 500 * time.Millisecond

// refresher builds everything in the background after incremental updates,
// once edits pause, so the search index, feed and other site-wide files
// catch up; the pages already show the change. It stops with ctx.
func (s *Server) refresher(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.refresh:
		}
		select {
		case <-ctx.Done():
			return
		case <-s.refresh: // another edit: wait for the next pause
			s.refresh <- struct{}{}
			continue
		case <-time.After(refreshDelay):
		}
		out, err := s.builder.Refresh(ctx)
		if ctx.Err() != nil || (out == nil && err == nil) {
			continue // cancelled, or an update came in meanwhile: it asks again
		}
		s.publish(out, err)
	}
}

// publish makes a build's output the one served, or, for a failed build,
// keeps the last good one and shows the problems on every open page. It
// reports whether this is the first build the server has made.
func (s *Server) publish(out *site.Output, err error) (first bool) {
	s.mu.Lock()
	first = s.out == nil && s.fail == nil
	if err == nil {
		s.out = out
	}
	s.fail = err
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "build failed:\n%v\n", err)
		s.hub.send(event{OK: false, Errors: strings.Split(err.Error(), "\n")})
	}
	return first
}

// ServeHTTP serves the latest build from memory, to requests whose Host
// header names this computer (see allowedHost).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !allowedHost(r.Host, s.host) {
		http.Error(w, fmt.Sprintf("guidebook serve answers only to localhost, IP addresses and the host it listens on, not %q: "+
			"this guards the site against DNS rebinding. To use this name, start serve with --addr NAME:PORT.", r.Host), http.StatusMisdirectedRequest)
		return
	}
	switch r.URL.Path {
	case "/_guidebook/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(reloadJS)
		return
	case "/_guidebook/events":
		s.events(w, r)
		return
	}
	s.mu.RLock()
	out, fail := s.out, s.fail
	s.mu.RUnlock()
	if out == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "The site does not build yet:\n\n%v\n\nFix the files above; this page reloads itself once the build works.\n", fail)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	data, ok := out.Files[name]
	if !ok {
		if _, dir := out.Files[path.Join(name, "index.html")]; dir {
			// Redirect to the cleaned path, never to r.URL.Path: "//evil.example/../steps"
			// would become a protocol-relative link to another host.
			http.Redirect(w, r, "/"+name+"/", http.StatusFound)
			return
		}
		data, name = out.Files["404.html"], "404.html"
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(data)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}

// allowedHost reports whether a request's Host header may reach the dev
// server. A web page on another site can make the browser send requests here
// under its own name after re-pointing that name's DNS at 127.0.0.1 (DNS
// rebinding); such requests carry the attacker's name, so only names that
// cannot be re-pointed are accepted: localhost (and *.localhost), IP
// literals, and the host serve was told to listen on.
func allowedHost(hostport, bound string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	switch {
	case host == "":
		return false
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return true
	case net.ParseIP(host) != nil:
		return true
	}
	return !everywhere(bound) && strings.EqualFold(host, strings.Trim(bound, "[]"))
}
