// Command agora is Agora's single binary: it deploys the contracts (deploy), runs a local chain with them
// (devnet), and will host the indexer, the gateway and the agent client.
//
// Settings come from flags, then AGORA_* environment variables (AGORA_RPC_URL, AGORA_PRIVATE_KEY, ...:
// the flag name upper-cased with dashes as underscores), then a config file given with --config
// (YAML, TOML or JSON, keys named like the flags), then defaults.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	err := m.Run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "agora:", err)
		os.Exit(1)
	}
}

// Main is the program: its output streams and the commands. Tests run it in-process.
type Main struct {
	Stdout io.Writer
	Stderr io.Writer
}

// Run parses args and runs the chosen command until it finishes or ctx is cancelled (SIGINT/SIGTERM).
func (m *Main) Run(ctx context.Context, args []string) error {
	root := m.newRootCommand()
	root.SetArgs(args)
	return root.ExecuteContext(ctx)
}
