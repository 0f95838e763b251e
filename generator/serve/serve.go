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
	opts Options
	hub  *hub

	mu   sync.RWMutex
	out  *site.Output // last successful build
	fail error        // problems of the last build, nil when it succeeded
}

// Run builds, serves and watches until ctx is cancelled.
func Run(ctx context.Context, opts Options) error {
	s := &Server{opts: opts, hub: newHub()}
	s.rebuild(ctx)
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(opts.Log, "serving on http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	if opts.Ready != nil {
		opts.Ready <- ln.Addr().String()
	}
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchErr := make(chan error, 1)
	wg.Go(func() { watchErr <- watch(ctx, opts.Dir, func() { s.rebuild(ctx) }) })
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

// rebuild builds the site again and tells the pages.
func (s *Server) rebuild(ctx context.Context) {
	out, err := site.Build(ctx, s.opts.Build)
	if ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	verb := "rebuilt"
	if s.out == nil && s.fail == nil {
		verb = "built"
	}
	if err == nil {
		s.out = out
	}
	s.fail = err
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "build failed:\n%v\n", err)
		s.hub.send(event{OK: false, Errors: strings.Split(err.Error(), "\n")})
		return
	}
	for _, w := range out.Warnings {
		fmt.Fprintln(s.opts.Log, w)
	}
	fmt.Fprintf(s.opts.Log, "%s %d pages in %dms\n", verb, out.Pages, out.Duration.Milliseconds())
	s.hub.send(event{OK: true})
}

// ServeHTTP serves the latest build from memory.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
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
