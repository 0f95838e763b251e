package browsertest

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// EvalJSON runs a JavaScript expression in the page (it may return a
// promise), and decodes its value, passed through JSON.stringify, into v.
func EvalJSON(t testing.TB, ctx context.Context, expr string, v any) {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string]("(async () => JSON.stringify(await ("+expr+")))()", chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
}

// WaitFor polls a JavaScript condition until it is true or timeout passes.
// Errors from a page that is navigating count as "not yet".
func WaitFor(t testing.TB, ctx context.Context, cond string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var lastErr error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return
		}
		lastErr = err
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s (last error %v)", timeout, cond, lastErr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
