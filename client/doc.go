// Package client is a Go client of Agora's market for buyers and providers: it signs and posts RFQs, quotes,
// heartbeats and ServiceAgreement signatures to a gateway, listens to the gateway's WebSocket stream, and drives
// the AgentEscrow on chain (fund an agreement, submit, complete).
//
// # Keys
//
// Everything is signed by a Signer: an address and a function that signs a 32-byte digest, returning the
// 65-byte signature r ‖ s ‖ v with v 27 or 28 (what eip712.Sign returns, what the gateway and the escrow
// accept). KeySigner holds a private key in memory; LoadKeyFile reads one from a hex file (refusing a file
// that group or others may read or write, as ssh does) and LoadKeystore decrypts a go-ethereum keystore file.
// No function of this package logs, prints or wraps a key or a passphrase in an error.
//
// # Domains
//
// Market messages (RFQ, Quote, ServiceAgreement) are signed under the escrow's EIP-712 domain, heartbeats
// under the gateway's. A Client configured WithDeployment signs under the domains of that deployment (its
// chain id, escrow and Identity Registry) and refuses typed data from the gateway under any other domain:
// the deployment file, not the gateway, says what the signer consents to. Without a deployment the client
// learns both domains once from the gateway (GET /v1/eip712/rfq and /v1/eip712/heartbeat) and trusts them;
// that is for development only.
//
// # Errors
//
// A refusal by the gateway (application/problem+json) is returned as a *Problem, which callers inspect with
// errors.As: its Code is the gateway's stable problem code (docs/market.md). Over the WebSocket the same
// refusals come back as *Problem errors from Stream.Quote, Stream.Follow and Stream.NoBid.
//
// # Example
//
//	c, _ := client.New("http://127.0.0.1:8080", client.WithDeployment(dep))
//	buyer, _ := client.LoadKeyFile("buyer.key")
//	id, _ := c.RFQID(ctx, rfq)
//	s, _ := c.Subscribe(ctx, client.Subscription{RFQs: []common.Hash{id}})
//	defer s.Close()
//	_, _ = c.PostRFQ(ctx, buyer, rfq)
//	for {
//		ev, err := s.Next(ctx)
//		if err != nil { return err }
//		if ev.Type == client.EventClosed && ev.RFQ.ID == id.Hex() { ... } // the award
//	}
//
// docs/client.md describes the package and the `agora market` commands built on it.
package client
