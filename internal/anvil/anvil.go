// Package anvil starts and stops a local anvil node (Foundry's development chain) for the devnet command
// and for tests. It owns the process, its scratch cache directory and the well-known development keys.
package anvil

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// ChainID is the chain id anvil uses unless told otherwise.
const ChainID = 31337

// devKeys are the private keys anvil derives from its default mnemonic
// ("test test test test test test test test test test test junk", m/44'/60'/0'/0/i). They are public
// knowledge and hold value only on development chains.
var devKeys = [...]string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
	"7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
	"47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
	"8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
	"92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
	"4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
	"dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
	"2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
}

// NumDevKeys is the number of funded development accounts anvil creates by default.
const NumDevKeys = len(devKeys)

// DevKeys returns fresh copies of anvil's ten funded development keys, account 0 first.
func DevKeys() []*ecdsa.PrivateKey {
	keys := make([]*ecdsa.PrivateKey, len(devKeys))
	for i := range devKeys {
		keys[i] = DevKey(i)
	}
	return keys
}

// DevKey returns development key i (0 <= i < NumDevKeys). It panics on an index out of range, which is a
// programming error.
func DevKey(i int) *ecdsa.PrivateKey {
	k, err := crypto.HexToECDSA(devKeys[i])
	if err != nil {
		panic(fmt.Sprintf("anvil: bad built-in key %d: %v", i, err))
	}
	return k
}

// DevAddress returns the address of development account i.
func DevAddress(i int) common.Address {
	return crypto.PubkeyToAddress(DevKey(i).PublicKey)
}

var (
	// ErrNotFound is returned when no anvil binary can be found.
	ErrNotFound = errors.New("anvil binary not found")
	// errExited is returned when anvil exits before it starts listening.
	errExited = errors.New("anvil exited before listening")
)

// Config says how to start anvil.
type Config struct {
	// Binary is the anvil executable. Empty means Find(".").
	Binary string
	// Host is the address to listen on; empty means 127.0.0.1.
	Host string
	// Port to listen on; 0 picks a free one (anvil reports it and Node.URL includes it).
	Port int
	// CachePath is anvil's --cache-path: where it keeps its cache and config. Required, so that anvil
	// never writes into the user's home directory.
	CachePath string
	// Output receives anvil's stdout and stderr after start-up; nil discards them.
	Output io.Writer
	// StartTimeout bounds how long Start waits for the node to answer; 0 means 30s.
	StartTimeout time.Duration
	// Args are extra command-line arguments.
	Args []string
}

// Node is a running anvil process.
type Node struct {
	cmd  *exec.Cmd
	url  string
	done chan struct{}
	err  error // set before done is closed

	stopOnce sync.Once
	stopErr  error
}

// Find returns the anvil binary to use: <root>/.tools/bin/anvil when it exists (the project's pinned
// toolchain installed by scripts/setup.sh), otherwise anvil from PATH.
func Find(root string) (string, error) {
	local := filepath.Join(root, ".tools", "bin", "anvil")
	if fi, err := os.Stat(local); err == nil && !fi.IsDir() {
		return local, nil
	}
	if p, err := exec.LookPath("anvil"); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%w: looked in %s and PATH (run scripts/setup.sh)", ErrNotFound, local)
}

// Start launches anvil and waits until it answers JSON-RPC requests. The caller must call Stop.
func Start(ctx context.Context, cfg Config) (*Node, error) {
	if cfg.CachePath == "" {
		return nil, errors.New("anvil: cache path is required")
	}
	bin := cfg.Binary
	if bin == "" {
		var err error
		if bin, err = Find("."); err != nil {
			return nil, err
		}
	}
	host := cfg.Host
	if host == "" {
		host = "127.0.0.1"
	}
	timeout := cfg.StartTimeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	if err := os.MkdirAll(cfg.CachePath, 0o755); err != nil {
		return nil, fmt.Errorf("anvil: create cache path: %w", err)
	}
	args := append([]string{
		"--host", host,
		"--port", strconv.Itoa(cfg.Port),
		"--cache-path", cfg.CachePath,
	}, cfg.Args...)
	cmd := exec.Command(bin, args...)
	// Its own process group, so that a Ctrl-C meant for the parent reaches anvil only through Stop.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("anvil: %w", err)
	}
	cmd.Stderr = cmd.Stdout // one stream, read by the same goroutine
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("anvil: start %s: %w", bin, err)
	}
	n := &Node{cmd: cmd, done: make(chan struct{})}

	// Read anvil's output until it says where it listens, then pass the rest on.
	listening := make(chan string, 1)
	var tail strings.Builder
	var tailMu sync.Mutex
	go func() {
		sc := bufio.NewScanner(out)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if !sent {
				tailMu.Lock()
				tail.WriteString(line + "\n")
				tailMu.Unlock()
				if addr, ok := strings.CutPrefix(strings.TrimSpace(line), "Listening on "); ok {
					listening <- addr
					sent = true
				}
				continue
			}
			if cfg.Output != nil {
				fmt.Fprintln(cfg.Output, line)
			}
		}
		_, _ = io.Copy(io.Discard, out)
		n.err = cmd.Wait()
		close(n.done)
	}()

	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	select {
	case addr := <-listening:
		n.url = "http://" + addr
	case <-n.done:
		tailMu.Lock()
		defer tailMu.Unlock()
		return nil, fmt.Errorf("anvil: %w (%v): %s", errExited, n.err, lastLines(tail.String(), 5))
	case <-ctx.Done():
		_ = n.Stop(context.Background())
		return nil, fmt.Errorf("anvil: waiting for it to listen: %w", ctx.Err())
	}
	if err := n.waitReady(ctx); err != nil {
		_ = n.Stop(context.Background())
		return nil, err
	}
	return n, nil
}

// waitReady polls eth_chainId until the node answers.
func (n *Node) waitReady(ctx context.Context) error {
	for {
		if err := n.ping(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("anvil: not answering at %s: %w", n.url, ctx.Err())
		case <-n.done:
			return fmt.Errorf("anvil: %w (%v)", errExited, n.err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (n *Node) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c, err := rpc.DialContext(ctx, n.url)
	if err != nil {
		return err
	}
	defer c.Close()
	var id string
	return c.CallContext(ctx, &id, "eth_chainId")
}

// URL returns the node's HTTP JSON-RPC endpoint, e.g. http://127.0.0.1:8545.
func (n *Node) URL() string { return n.url }

// Port returns the TCP port the node listens on.
func (n *Node) Port() int {
	_, p, err := net.SplitHostPort(strings.TrimPrefix(n.url, "http://"))
	if err != nil {
		return 0
	}
	port, _ := strconv.Atoi(p)
	return port
}

// Done is closed when the anvil process has exited.
func (n *Node) Done() <-chan struct{} { return n.done }

// Stop asks anvil to exit (SIGTERM), waits for it until ctx ends, then kills it. It is safe to call more
// than once. It does not remove the cache path: that belongs to the caller.
func (n *Node) Stop(ctx context.Context) error {
	n.stopOnce.Do(func() {
		select {
		case <-n.done:
			return
		default:
		}
		_ = n.cmd.Process.Signal(syscall.SIGTERM)
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		select {
		case <-n.done:
		case <-ctx.Done():
			_ = n.cmd.Process.Kill()
			<-n.done
			n.stopErr = fmt.Errorf("anvil: killed after %w", ctx.Err())
		}
	})
	return n.stopErr
}

func lastLines(s string, k int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > k {
		lines = lines[len(lines)-k:]
	}
	return strings.Join(lines, " | ")
}
