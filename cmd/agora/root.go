package main

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// app is the state one run of the program shares between its commands.
type app struct {
	m   *Main
	v   *viper.Viper
	log *slog.Logger
	// status writes the log to m.Stderr below a progress line, when a command shows one (agora index).
	status *statusLine
}

func (m *Main) newRootCommand() *cobra.Command {
	a := &app{m: m, v: viper.New(), log: slog.New(slog.DiscardHandler)}
	a.v.SetEnvPrefix("AGORA")
	a.v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	a.v.AutomaticEnv()

	root := &cobra.Command{
		Use:           "agora",
		Short:         "Agora: the transaction layer for machine labour",
		SilenceUsage:  true,
		SilenceErrors: true,
		// Flags and environment are bound for the command that actually runs, so that its own flags count.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return a.configure(cmd) },
	}
	root.SetOut(m.Stdout)
	root.SetErr(m.Stderr)
	root.PersistentFlags().String("config", "", "config file (YAML, TOML or JSON; keys named like the flags)")
	root.PersistentFlags().String("log-level", "info", "log level: debug, info, warn or error")
	root.PersistentFlags().String("log-format", "text", "log format: text or json")
	root.AddCommand(a.deployCommand(), a.devnetCommand(), a.indexCommand(), a.serveCommand(), a.workloadCommand(),
		a.versionCommand(), a.seedCommand(), a.marketCommand(), a.mandateCommand(), a.approvalsCommand(),
		a.validationCommand(), a.agentCommand(), a.feedbackCommand(), a.demoCommand(), a.auditCommand())
	return root
}

// configure binds cmd's flags to viper, reads the config file and sets up logging.
func (a *app) configure(cmd *cobra.Command) error {
	var bindErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err := a.v.BindPFlag(f.Name, f); err != nil && bindErr == nil {
			bindErr = err
		}
	})
	if bindErr != nil {
		return bindErr
	}
	if path := a.v.GetString("config"); path != "" {
		a.v.SetConfigFile(path)
		if err := a.v.ReadInConfig(); err != nil {
			return fmt.Errorf("read config: %w", err)
		}
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(a.v.GetString("log-level"))); err != nil {
		return fmt.Errorf("log level %q: want debug, info, warn or error", a.v.GetString("log-level"))
	}
	opts := &slog.HandlerOptions{Level: level}
	a.status = newStatusLine(a.m.Stderr, false)
	switch a.v.GetString("log-format") {
	case "text":
		a.log = slog.New(slog.NewTextHandler(a.status, opts))
	case "json":
		a.log = slog.New(slog.NewJSONHandler(a.status, opts))
	default:
		return errors.New("log format: want text or json")
	}
	return nil
}
