// Package bindings holds the abigen v2 Go bindings of Agora's contracts: IdentityRegistry,
// ReputationRegistry, ValidationRegistry (ERC-8004), AgentEscrow, MandateRegistry, AuditAnchor and TestUSD.
//
// The files are generated from Foundry's artifacts and committed; do not edit them. After changing a
// contract run
//
//	.tools/bin/forge build && go generate ./bindings
//
// go generate runs the abigen pinned in go.mod (`go tool abigen --v2`; its first build takes minutes).
// `go run ./internal/gen -lib` in this directory gives the same files at once by calling the same
// abigen code in-process. TestBindingsUpToDate fails when the committed files differ from a fresh
// generation.
package bindings

//go:generate go run ./internal/gen -out .
