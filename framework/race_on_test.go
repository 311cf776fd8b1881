//go:build race

package framework

// raceEnabled: the race detector makes the big generated cases 10x slower.
const raceEnabled = true
