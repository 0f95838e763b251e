package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"guidebook/generator/internal/browsertest"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// setField sets a form control of the letter form as a reader would and
// fires the events letter.js listens to.
func setField(t testing.TB, ctx context.Context, selector, value string) {
	t.Helper()
	sel, _ := json.Marshal(selector)
	val, _ := json.Marshal(value)
	eval[bool](t, ctx, `(() => { const el = document.querySelector(`+string(sel)+`); el.value = `+string(val)+`;`+
		` el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
}

const (
	injection = `<img src=x onerror="window.__pwned=1">`
	phone     = "+86 138 0000 0000"
	issue     = "Account banned on 2024-05-01 without any warning"
)

// TestLetterFillReloadPrintCopyDownload fills a letter, reloads, prints it to
// PDF and copies and downloads its text.
func TestLetterFillReloadPrintCopyDownload(t *testing.T) {
	b := browsertest.New(t)
	base := serveDir(t, builtSite(t), "/")
	ctx, rec := b.Tab(t)
	letter := base + "letters/service-complaint/index.html"
	do(t, ctx, "open letter", chromedp.Navigate(letter))

	do(t, ctx, "type phone", chromedp.SendKeys(chromedp.CSS("#f-phone"), phone))
	setField(t, ctx, "#f-first_contact", "2024-05-01")
	setField(t, ctx, "#f-issue", issue+"\n第二行")
	setField(t, ctx, "#f-problem", "处理结果有误")
	setField(t, ctx, "#f-incident", injection)
	setField(t, ctx, "#f-outcome", "<b>restore</b> & <script>window.__pwned=2</script>")
	setField(t, ctx, "#f-history .letter-row:nth-child(1) input", "2024-05-02 app chat: no reply")
	do(t, ctx, "add a row", chromedp.Click(chromedp.CSS("#f-history .letter-add")))
	setField(t, ctx, "#f-history .letter-row:nth-child(4) input", "2024-05-09 email <i>x</i>")

	t.Run("preview", func(t *testing.T) {
		if got := eval[string](t, ctx, `document.querySelector('#letter-preview [data-field="phone"]').textContent`); got != phone {
			t.Errorf("preview phone = %q, want %q", got, phone)
		}
		if got := eval[string](t, ctx, `document.querySelector('#letter-preview [data-field="incident"]').textContent`); got != injection {
			t.Errorf("preview incident = %q, want the literal text %q", got, injection)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#letter-preview img, #letter-preview script, #letter-preview b, #letter-preview i").length`); n != 0 {
			t.Errorf("field values became %d HTML elements in the preview", n)
		}
		if eval[bool](t, ctx, `window.__pwned !== undefined`) {
			t.Error("injected script ran")
		}
		if got := eval[[]string](t, ctx, `[...document.querySelectorAll('#letter-preview ol[data-field="history"] li')].map(li => li.textContent)`); len(got) != 2 || got[1] != "2024-05-09 email <i>x</i>" {
			t.Errorf("preview history = %q", got)
		}
		missing := eval[string](t, ctx, `document.getElementById("letter-missing").hidden ? "" : document.getElementById("letter-missing").textContent`)
		if !strings.Contains(missing, "日期") {
			t.Errorf("missing-fields note = %q, want it to name 日期", missing)
		}
	})

	t.Run("reload keeps values", func(t *testing.T) {
		do(t, ctx, "reload", chromedp.Reload())
		for sel, want := range map[string]string{
			"#f-phone": phone, "#f-first_contact": "2024-05-01", "#f-issue": issue + "\n第二行",
			"#f-problem": "处理结果有误", "#f-incident": injection,
			"#f-history .letter-row:nth-child(4) input": "2024-05-09 email <i>x</i>",
		} {
			if got := eval[string](t, ctx, `document.querySelector("`+sel+`").value`); got != want {
				t.Errorf("after reload %s = %q, want %q", sel, got, want)
			}
		}
		if got := eval[string](t, ctx, `document.querySelector('#letter-preview [data-field="phone"]').textContent`); got != phone {
			t.Errorf("after reload preview phone = %q", got)
		}
	})

	setField(t, ctx, "#f-date", "2024-06-01")
	if got := eval[bool](t, ctx, `document.getElementById("letter-missing").hidden`); !got {
		t.Error("missing-fields note still shown with every required field filled")
	}
	text := eval[string](t, ctx, `Guidebook.letter.text()`)
	for _, want := range []string{phone, issue, injection, "2024年6月1日", "1. 2024-05-02 app chat: no reply", "处理结果有误"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "＿") {
		t.Errorf("filled letter text still has blanks:\n%s", text)
	}

	t.Run("print", func(t *testing.T) {
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		got := pdfText(t, pdf)
		for _, want := range []string{phone, issue, "2024年6月1日", "<img src=x"} {
			if !strings.Contains(got, want) {
				t.Errorf("PDF lacks %q:\n%s", want, got)
			}
		}
		// UI labels: buttons, form headings, field labels, site chrome.
		for _, ui := range []string{"打印", "复制全文", "下载", "清除", "填写信息", "预览", "必填",
			"第一次反映问题的日期", "对服务不满意的地方", "希望的处理结果", "WhatsApp 投诉与申诉指南", "上一页", "服务质量投诉"} {
			if strings.Contains(got, ui) {
				t.Errorf("PDF contains UI text %q:\n%s", ui, got)
			}
		}
		checkA4(t, pdf)
	})

	t.Run("copy and download give the same text", func(t *testing.T) {
		origin := strings.TrimSuffix(base, "/")
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
				Setting:    browser.PermissionSettingGranted, Origin: origin,
			}); err != nil {
				t.Fatalf("grant %s: %v", name, err)
			}
		}
		do(t, ctx, "copy", chromedp.Click(chromedp.CSS(".letter-copy")))
		copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("read clipboard: %v", err)
		}
		if copied != text {
			t.Errorf("clipboard text differs from the letter text:\n%q\n%q", copied, text)
		}

		dir := t.TempDir()
		if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, "download", chromedp.Click(chromedp.CSS(".letter-download")))
		data := waitForDownload(t, dir, "服务质量投诉.txt")
		bom := []byte("\xef\xbb\xbf")
		if !bytes.HasPrefix(data, bom) {
			t.Errorf("download does not start with a UTF-8 BOM: % x", data[:min(len(data), 8)])
		}
		if got := string(bytes.TrimPrefix(data, bom)); got != copied {
			t.Errorf("downloaded text differs from the copied text:\n%q\n%q", got, copied)
		}
	})

	t.Run("clear asks first", func(t *testing.T) {
		eval[bool](t, ctx, `(window.confirm = () => false, true)`)
		do(t, ctx, "clear refused", chromedp.Click(chromedp.CSS(".letter-clear")))
		if got := eval[string](t, ctx, `document.querySelector("#f-phone").value`); got != phone {
			t.Errorf("refused clear emptied the form (phone = %q)", got)
		}
		eval[bool](t, ctx, `(window.confirm = () => true, true)`)
		do(t, ctx, "clear", chromedp.Click(chromedp.CSS(".letter-clear")))
		do(t, ctx, "reload after clear", chromedp.Reload())
		if got := eval[string](t, ctx, `document.querySelector("#f-phone").value`); got != "" {
			t.Errorf("after clear and reload phone = %q", got)
		}
		if got := eval[string](t, ctx, `document.querySelector('#letter-preview [data-field="phone"]').textContent`); !strings.HasPrefix(got, "＿") {
			t.Errorf("after clear the preview shows %q, want the blank line", got)
		}
	})
	noProblems(t, rec)
}

// TestLetterWithoutJavaScript checks what Go emits for the form and that the
// letter prints with blank lines: labelled inputs, required, hints.
func TestLetterWithoutJavaScript(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(builtSite(t), "letters", "service-complaint", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	for _, want := range []string{
		`<label for="f-phone">`, `id="f-phone" name="phone" class="letter-control" required`,
		`aria-describedby="f-phone-hint"`, `<p class="letter-hint" id="f-phone-hint">`,
		`<select id="f-problem"`, `<textarea id="f-issue"`, `<fieldset id="f-history"`,
		`<span class="letter-field" data-field="phone" data-label="我的手机号">＿＿＿＿＿＿</span>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("letter page lacks %s", want)
		}
	}
	if strings.Contains(html, "style=") || strings.Contains(html, " onclick") {
		t.Error("letter page has inline styles or handlers (strict CSP)")
	}
}

// waitForDownload waits for a finished download named name in dir.
func waitForDownload(t testing.TB, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(data) > 0 {
			return data
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no download %s in %s (found %v)", name, dir, names)
	return nil
}

// checkA4 requires the first page of the PDF to be A4 (595 × 842 points).
func checkA4(t testing.TB, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		return
	}
	f := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !strings.Contains(string(out), "(A4)") {
		t.Errorf("letter does not print on A4:\n%s", out)
	}
}
