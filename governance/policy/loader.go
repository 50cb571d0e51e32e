package policy

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// DirLoader keeps an Engine in step with a directory holding one <principal>.rego file per principal
// and, optionally, <principal>.json parameters (a JSON object) beside it. Sync sets the policies whose
// files changed, keeps the version in force when a new text does not load (and logs why, once per
// change), and removes the principals whose .rego file disappeared. It only ever removes principals it
// loaded itself. Files with other names are ignored.
type DirLoader struct {
	engine *Engine
	dir    string
	logger *slog.Logger

	mu    sync.Mutex
	files map[string]*loadedFile // by principal
	dupes map[string]bool        // file names already reported as duplicates
}

// loadedFile remembers what a principal's files looked like when last read.
type loadedFile struct {
	stat   string   // size and modification times of both files: a cheap change test
	sum    [32]byte // SHA-256 of the .rego and .json contents
	active bool     // the loader set this principal's policy (and so may remove it)
}

// SyncResult says what one Sync did. Each list is sorted.
type SyncResult struct {
	// Loaded lists the principals whose policy was set.
	Loaded []string
	// Failed maps the principals whose new files were refused to the reason; their previous version, if
	// any, stays in force.
	Failed map[string]error
	// Removed lists the principals whose .rego file disappeared.
	Removed []string
}

// NewDirLoader returns a loader of dir into e, logging to logger (slog.Default() when nil).
func NewDirLoader(e *Engine, dir string, logger *slog.Logger) *DirLoader {
	if logger == nil {
		logger = slog.Default()
	}
	return &DirLoader{engine: e, dir: dir, logger: logger, files: make(map[string]*loadedFile), dupes: make(map[string]bool)}
}

// Watch polls dir every interval until ctx is done, keeping e in step with it (see DirLoader). The first
// pass runs at once. It returns ctx's error.
func (e *Engine) Watch(ctx context.Context, dir string, interval time.Duration, logger *slog.Logger) error {
	return NewDirLoader(e, dir, logger).Run(ctx, interval)
}

// Run syncs at once, then every interval until ctx is done, logging what changed. It returns ctx's
// error.
func (l *DirLoader) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := l.Sync(ctx); err != nil && ctx.Err() == nil {
			l.logger.Error("policy directory unreadable; policies unchanged", "dir", l.dir, "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Sync reads the directory once and applies the changes. It returns an error, and changes nothing, when
// the directory cannot be listed.
func (l *DirLoader) Sync(ctx context.Context) (SyncResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	res := SyncResult{Failed: map[string]error{}}
	entries, err := os.ReadDir(l.dir)
	if err != nil {
		return res, err
	}
	names := make(map[string]bool, len(entries))
	for _, en := range entries {
		names[en.Name()] = true
	}
	seen := make(map[string]bool)
	for _, en := range entries { // ReadDir sorts by name
		base, ok := strings.CutSuffix(en.Name(), ".rego")
		if !ok || en.IsDir() {
			continue
		}
		p, err := ParsePrincipal(base)
		if err != nil {
			continue
		}
		if seen[p] {
			if !l.dupes[en.Name()] {
				l.dupes[en.Name()] = true
				l.logger.Warn("policy file names a principal already loaded (letter case differs); ignored", "file", en.Name())
			}
			continue
		}
		seen[p] = true
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		paramsName := ""
		if names[base+".json"] {
			paramsName = base + ".json"
		}
		loaded, err := l.syncOne(p, en.Name(), paramsName)
		switch {
		case err != nil:
			res.Failed[p] = err
		case loaded:
			res.Loaded = append(res.Loaded, p)
		}
	}
	for p, f := range l.files {
		if seen[p] {
			continue
		}
		delete(l.files, p)
		if f.active {
			l.engine.Remove(p)
			res.Removed = append(res.Removed, p)
			l.logger.Info("policy removed", "principal", p)
		}
	}
	slices.Sort(res.Loaded)
	slices.Sort(res.Removed)
	return res, nil
}

// syncOne loads the principal's files if they changed since last read. It reports whether it set a new
// version; a refused text is remembered, so it is tried (and logged) again only once it changes.
func (l *DirLoader) syncOne(p, regoName, paramsName string) (bool, error) {
	regoPath := filepath.Join(l.dir, regoName)
	key, err := statKey(regoPath, paramsName != "", filepath.Join(l.dir, paramsName))
	if err != nil {
		return false, err
	}
	f := l.files[p]
	if f != nil && f.stat == key {
		return false, nil
	}
	// Set (and set) enforce the limits; reading stops just past them, so a huge file costs no memory.
	src, err := readLimited(regoPath, l.engine.opts.MaxSourceBytes)
	if err != nil {
		return false, err
	}
	var raw []byte
	if paramsName != "" {
		// The limit applies to the parameters' compact encoding; the file may be indented.
		if raw, err = readLimited(filepath.Join(l.dir, paramsName), 4*l.engine.opts.MaxParamsBytes); err != nil {
			return false, err
		}
	}
	h := sha256.New()
	h.Write(src)
	h.Write([]byte{0})
	h.Write(raw)
	var sum [32]byte
	h.Sum(sum[:0])
	if f == nil {
		f = &loadedFile{}
		l.files[p] = f
	} else if f.sum == sum {
		f.stat = key
		return false, nil
	}
	f.stat, f.sum = key, sum

	version, err := l.set(p, string(src), raw)
	if err != nil {
		l.logger.Warn("policy refused; the version in force stays", "principal", p, "file", regoName,
			"version", l.engine.Version(p), "err", err)
		return false, err
	}
	f.active = true
	l.logger.Info("policy loaded", "principal", p, "file", regoName, "version", version)
	return true, nil
}

// set decodes the raw parameters (if any) and sets the policy.
func (l *DirLoader) set(p, src string, raw []byte) (int, error) {
	if limit := 4 * l.engine.opts.MaxParamsBytes; len(raw) > limit {
		return 0, fmt.Errorf("%w: parameters file over %d bytes", ErrTooLarge, limit)
	}
	var params map[string]any
	if raw != nil {
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.UseNumber()
		if err := dec.Decode(&params); err != nil {
			return 0, fmt.Errorf("%w: %v", ErrBadParams, err)
		}
		if params == nil {
			return 0, fmt.Errorf("%w: null", ErrBadParams)
		}
	}
	return l.engine.Set(p, src, params)
}

// readLimited reads the file, or its first limit+1 bytes when it is longer.
func readLimited(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)+1))
}

// statKey is the size and modification time of the policy file and, if present, its parameters file.
func statKey(regoPath string, hasParams bool, paramsPath string) (string, error) {
	key := ""
	for i, path := range []string{regoPath, paramsPath} {
		if i == 1 && !hasParams {
			break
		}
		fi, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) && i == 1 {
			break
		}
		if err != nil {
			return "", err
		}
		key += fmt.Sprintf("%d/%d;", fi.Size(), fi.ModTime().UnixNano())
	}
	return key, nil
}
