package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/agoralabs/agora/demo"
	"github.com/agoralabs/agora/internal/modroot"
	"github.com/agoralabs/agora/internal/pgtest"
	"github.com/agoralabs/agora/seed"
)

// chromium finds the browser: AGORA_CHROMIUM, else chromium or chromium-browser on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("AGORA_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("\n\n*** SKIPPED: no Chromium on this machine. The explorer's browser tests need it: " +
		"apt-get install chromium (scripts/test.sh and .ci/run install it), or set AGORA_CHROMIUM. ***\n")
	return ""
}

// artifacts is where the screenshots go: AGORA_ARTIFACTS, else test-artifacts/explorer in the repository.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("AGORA_ARTIFACTS")
	if dir == "" {
		root, err := modroot.Find(".")
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, "test-artifacts")
	}
	dir = filepath.Join(dir, "explorer")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browserProblems collects what must not happen on a page: failed requests, HTTP errors, console errors and
// uncaught exceptions.
type browserProblems struct {
	mu   sync.Mutex
	list []string
}

func (b *browserProblems) add(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.list = append(b.list, fmt.Sprintf(format, args...))
}

func (b *browserProblems) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.list
	b.list = nil
	return out
}

func (b *browserProblems) listen(ev any) {
	switch e := ev.(type) {
	case *network.EventLoadingFailed:
		if !e.Canceled {
			b.add("request failed: %s (%s)", e.ErrorText, e.Type)
		}
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			b.add("HTTP %d for %s", e.Response.Status, e.Response.URL)
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		desc := d.Text
		if d.Exception != nil {
			desc += " " + d.Exception.Description
		}
		b.add("exception: %s at %s:%d", desc, d.URL, d.LineNumber)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, fmt.Sprint(a.Value), a.Description)
			}
			b.add("console.%s: %s", e.Type, strings.Join(parts, " "))
		}
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			b.add("browser log: %s %s", e.Entry.Text, e.Entry.URL)
		}
	}
}

// TestExplorer drives the explorer in a real headless Chromium against a real stack with the demo market
// trading: the home page's live feed shows auctions opening and clearing, a search and a filter narrow the
// agents, an agent's page shows its identity, capabilities, reputation and history, and an auction from the
// feed leads to its RFQ, its agreement and the escrow job that funded it, with its history; the jobs page
// filters by status. Keyboard navigation starts at the
// skip link, the agent page reads without JavaScript, and no request fails and no console error appears on
// any page. Every step leaves a screenshot in test-artifacts/explorer/ (or $AGORA_ARTIFACTS/explorer/).
func TestExplorer(t *testing.T) {
	browser := chromium(t)
	shots := artifacts(t)
	chain, d, file := deployedChain(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := seed.Run(ctx, chain.Client, seed.Config{Dir: seedAgentsDir, Deployment: d, Funder: chain.Keys[0], History: true,
		Governance: true})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	roster := filepath.Join(dir, "agents.txt")
	if err := demo.WriteRoster(roster, filepath.Join(dir, "keys"), rosterEntries(res, seed.DefaultSeed, chain.Keys[0], "testdata/agents")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AGORA_DATABASE_URL", pgtest.New(t))
	gatewayURL := startStack(t, chain.URL, file, "--late-grace", "5s", "--max-client-streams", "256", "--drain", "10s")
	waitReady(t, gatewayURL, len(res.Agents))
	dctx, stopDemo := context.WithCancel(ctx)
	out, demoDone := startCommand(t, dctx, "demo", "--gateway", gatewayURL, "--rpc-url", chain.URL, "--deployment", file,
		"--roster", roster, "--every", "400ms", "--deadline", "10s", "--review-window", "5s", "--top-up", "--seed", "3")
	defer func() {
		stopDemo()
		if err := <-demoDone; err != nil {
			t.Errorf("demo: %v\n%s", err, out.String())
		}
	}()

	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.WindowSize(1280, 900))...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	problems := &browserProblems{}
	if err := chromedp.Do(bctx); err != nil { // starts Chromium and opens the tab
		t.Fatalf("start Chromium (%s): %v", browser, err)
	}
	if err := chromedp.Listen(bctx, problems.listen); err != nil {
		t.Fatal(err)
	}
	enable := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, runtime.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, log.Enable, cdp.Empty{})
		return err
	})
	if err := chromedp.Do(bctx, enable); err != nil {
		t.Fatal(err)
	}
	scripts := func(off bool) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
			return err
		})
	}
	// value runs an action that returns a value into *out, as a step.
	value := func(out any, a any) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			var err error
			switch a := a.(type) {
			case chromedp.Action[string]:
				*out.(*string), err = a(ctx, tg)
			case chromedp.Action[int]:
				*out.(*int), err = a(ctx, tg)
			default:
				err = fmt.Errorf("value: %T", a)
			}
			return err
		})
	}
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(bctx, 60*time.Second)
		defer cancel()
		err := chromedp.Do(sctx, actions...)
		png, serr := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if serr == nil && len(png) > 0 {
			if werr := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); werr != nil {
				t.Error(werr)
			}
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p := problems.take(); len(p) > 0 {
			t.Errorf("%s: %d problems in the browser:\n  %s", name, len(p), strings.Join(p, "\n  "))
		}
	}

	// The market: the feed fills as auctions open and clear.
	var focused, dutchOffer string
	step("1-home-live-feed",
		chromedp.Navigate(gatewayURL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#feed tbody tr`)),
		chromedp.WaitVisible(chromedp.CSS(`#feed tbody tr td:nth-child(7) a`)), // a winner
		chromedp.WaitVisible(chromedp.CSS(`#chart-prices canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#chart-volume canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#chart-award canvas`)),
		// An open Dutch auction shows its public offer beside its count of acceptances.
		value(&dutchOffer, chromedp.Poll[string](`[...document.querySelectorAll("#feed tbody tr td:nth-child(6)")].map((td) => td.textContent).find((s) => s.includes("(offer ")) || ""`,
			chromedp.WithPollingTimeout(30*time.Second))),
		chromedp.KeyEvent("\t"),
		value(&focused, chromedp.Evaluate[string](`document.activeElement.className`)))
	if !regexp.MustCompile(`^\d+ \(offer \d+(\.\d+)?\)$`).MatchString(dutchOffer) {
		t.Errorf("a Dutch auction's row reads %q, want its count and offer", dutchOffer)
	}
	if focused != "skip" {
		t.Errorf("the first Tab focuses %q, want the skip link", focused)
	}

	// Search, then filter by language.
	var rows int
	step("2-search-ocr",
		chromedp.Navigate(gatewayURL+"/agents"),
		chromedp.SetValue(chromedp.CSS(`#f-q`), "invoice ocr"),
		chromedp.Submit(chromedp.CSS(`#f-q`)),
		chromedp.WaitVisible(chromedp.CSS(`table.agents tbody tr td a`)),
		value(&rows, chromedp.Evaluate[int](`document.querySelectorAll("table.agents tbody tr").length`)))
	if rows < 2 {
		t.Errorf("a search for invoice ocr found %d agents", rows)
	}
	var filtered int
	var location string
	step("3-filter-vietnamese",
		chromedp.SetValue(chromedp.CSS(`#f-language`), "vi"),
		chromedp.Submit(chromedp.CSS(`#f-language`)),
		chromedp.WaitVisible(chromedp.CSS(`table.agents tbody tr td a`)),
		value(&location, chromedp.Location()),
		value(&filtered, chromedp.Evaluate[int](`document.querySelectorAll("table.agents tbody tr").length`)))
	if !strings.Contains(location, "language=vi") || filtered < 1 || filtered >= rows {
		t.Errorf("filtered to %d of %d agents at %s", filtered, rows, location)
	}

	// An agent's page.
	var title string
	step("4-agent",
		chromedp.Click(chromedp.CSS(`table.agents tbody tr td a`)),
		chromedp.WaitVisible(chromedp.ID(`caps-h`)),
		chromedp.WaitVisible(chromedp.ID(`rep-h`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-chart="reputation"] canvas`)),
		value(&title, chromedp.Text(chromedp.CSS(`h1`))),
		value(&location, chromedp.Location()))
	if !strings.Contains(location, "/agents/") || strings.TrimSpace(title) == "" {
		t.Errorf("agent page %s titled %q", location, title)
	}

	// A reload starts from the market's history (GET /v1/market/stats): totals and charts before any live event.
	var rfqsLastHour string
	step("1b-home-history", chromedp.Navigate(gatewayURL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#chart-rate canvas`)),
		value(&rfqsLastHour, chromedp.Text(chromedp.ID(`stat-rfqs`))))
	if n, err := strconv.Atoi(strings.TrimSpace(rfqsLastHour)); err != nil || n < 1 {
		t.Errorf("RFQs in the last hour after a reload: %q", rfqsLastHour)
	}

	// From the feed to an auction, its agreement and the job that funded it.
	var rfqTitle string
	step("5-rfq",
		chromedp.Navigate(gatewayURL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#feed tbody tr td:nth-child(9) a`)), // an awarded row's agreement
		chromedp.Click(chromedp.CSS(`#feed tbody tr:has(td:nth-child(9) a) td:nth-child(2) a`)),
		chromedp.WaitVisible(chromedp.ID(`award-h`)),
		value(&rfqTitle, chromedp.Text(chromedp.CSS(`h1`))))
	if !strings.Contains(rfqTitle, "RFQ") {
		t.Errorf("RFQ page titled %q", rfqTitle)
	}
	var job string
	deadline := time.Now().Add(60 * time.Second)
	step("6-agreement", chromedp.Click(chromedp.CSS(`#award-h + p a[href^="/agreements/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`dl.facts`)))
	for !strings.HasPrefix(job, "#") {
		if time.Now().After(deadline) {
			t.Fatalf("the agreement's job never showed: %q", job)
		}
		time.Sleep(time.Second)
		step("6-agreement-job", chromedp.Reload(),
			value(&job, chromedp.Text(chromedp.CSS(`#job`))))
	}

	var history string
	step("7-job", chromedp.Click(chromedp.CSS(`#job a`)),
		chromedp.WaitVisible(chromedp.ID(`hist-h`)),
		value(&history, chromedp.Text(chromedp.CSS(`ol.timeline`))))
	if !strings.Contains(history, "funded") || !strings.Contains(history, "0x") {
		t.Errorf("the job's history shows %q, want its funding transaction", history)
	}
	var jobs int
	step("8-jobs", chromedp.Navigate(gatewayURL+"/jobs?status=completed"),
		chromedp.WaitVisible(chromedp.CSS(`table.jobs tbody tr td a`)),
		value(&jobs, chromedp.Evaluate[int](`[...document.querySelectorAll("table.jobs tbody tr .state")].filter(s => s.textContent !== "completed").length`)))
	if jobs != 0 {
		t.Errorf("the completed filter shows %d jobs in another state", jobs)
	}

	var progress, health string
	step("10-status", chromedp.Navigate(gatewayURL+"/status"),
		value(&progress, chromedp.Text(chromedp.ID(`indexer-progress`))),
		value(&health, chromedp.Text(chromedp.ID(`gateway-status`))))
	if !strings.Contains(progress, "Live") && !strings.Contains(progress, "Catching up") {
		t.Errorf("the indexer's progress reads %q", progress)
	}
	if !strings.HasPrefix(health, "ok · ") || strings.HasPrefix(health, "ok · 0 agents") {
		t.Errorf("the gateway's health reads %q", health)
	}

	var spent int
	step("11-mandate", chromedp.Navigate(gatewayURL+"/mandates/"+res.Governance.Mandates[0].String()),
		chromedp.WaitVisible(chromedp.ID(`spend-h`)),
		value(&spent, chromedp.Evaluate[int](`document.querySelectorAll("table.spend tbody tr td a").length`)))
	if spent == 0 {
		t.Errorf("the capped agent's mandate shows no job it paid")
	}

	// The agent page reads without JavaScript.
	var noJS string
	step("9-agent-without-javascript",
		scripts(true),
		chromedp.Navigate(gatewayURL+"/agents/0"),
		value(&noJS, chromedp.Text(chromedp.CSS(`#caps-h + table tbody`))),
		scripts(false))
	if !strings.Contains(noJS, "OCR") {
		t.Errorf("the agent page without JavaScript shows capabilities %q", noJS)
	}
}

// waitReady waits until the gateway is ready and serves the last of n seeded agents (the indexer caught up).
func waitReady(t *testing.T, gatewayURL string, n int) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		res, err := http.Get(fmt.Sprintf("%s/v1/agents/%d", gatewayURL, n-1))
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the gateway never served agent %d (%v)", n-1, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
