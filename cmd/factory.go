package cmd

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/wpsgen/wpsgen/framework"
)

// Factory hands the commands what they depend on outside their flags: the
// streams, a framework loader, the environment, the clock and whether a
// stream is a terminal. Main builds the real one; tests build one with
// buffers, a fake terminal or a fixed clock and run the same commands.
type Factory struct {
	IO IO
	// NewLoader returns the loader a command validates with (one per run, so
	// a framework shared by many programs is read once).
	NewLoader func() *framework.Loader
	// LookupEnv reads an environment variable (SOURCE_DATE_EPOCH, ...).
	LookupEnv func(key string) (string, bool)
	// Now is the clock; documents never record it (they are reproducible),
	// only messages may.
	Now func() time.Time
	// IsTerminal reports whether w is an interactive terminal, for output
	// meant for people only (the summary line of validate).
	IsTerminal func(w io.Writer) bool
	// Version is the program version recorded in reports.
	Version func() string
}

// NewFactory returns the Factory of a real run on streams.
func NewFactory(streams IO) *Factory {
	return &Factory{
		IO:         streams,
		NewLoader:  newLoader,
		LookupEnv:  os.LookupEnv,
		Now:        time.Now,
		IsTerminal: isTerminal,
		Version:    Version,
	}
}

// Getenv returns the value of an environment variable, "" when unset.
func (f *Factory) Getenv(key string) string {
	v, _ := f.LookupEnv(key)
	return v
}

// isTerminal is true for an *os.File on a terminal; a pipe, a file, a
// buffer or /dev/null is not one.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
