//go:build race

package embed_test

const raceEnabled = true
