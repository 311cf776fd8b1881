// Package supervise runs wpsgen as a child of itself when the process has
// a memory limit (ulimit -v or -d). Go's runtime answers an allocation past
// such a limit with "fatal error: out of memory" and a goroutine dump, and
// nothing inside the process can catch it; the parent can. It passes the
// child's standard error through, drops runtime crash text, and says in one
// line what happened instead. Without a limit nothing of this runs.
package supervise

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// Environment variables the parent sets for the child.
const (
	// ChildEnv marks the supervised child, which must not supervise again.
	// Setting it by hand runs wpsgen unsupervised, to see the runtime's own
	// report of a crash.
	ChildEnv = "WPSGEN_SUPERVISED"
	// TerminalEnv tells the child that the parent's standard error, which
	// the child writes to through a pipe, is a terminal.
	TerminalEnv = "WPSGEN_STDERR_TERMINAL"
	// DebugEnv, when set, makes wpsgen say on standard error how it set
	// itself up (supervised or not, the memory limits) and how a child
	// ended. Tests read it.
	DebugEnv = "WPSGEN_DEBUG_MEMORY"
)

// Exit codes of the parent's own outcomes, as cmd gives them.
const exitFatal = 3

// Run runs the executable again with args, supervised, and returns the exit
// code the process should end with. stderr is where the child's messages
// go; stderrTerminal says whether it is a terminal. An error means the
// child could not be started: the caller should do the work itself.
func Run(lim Limit, args []string, stderr io.Writer, stderrTerminal bool) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	child := exec.Command(exe, args...)
	child.Args[0] = os.Args[0]
	child.Stdin, child.Stdout, child.Stderr = os.Stdin, os.Stdout, w
	child.Env = append(os.Environ(), ChildEnv+"=1")
	if stderrTerminal {
		child.Env = append(child.Env, TerminalEnv+"=1")
	}
	// Registered before the start: a signal that comes in between is not
	// lost, and the parent never dies of one while the child runs. The
	// terminal sends Ctrl-C to both; the child then gets it twice, which
	// changes nothing (wpsgen render handles the first and ignores more).
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	if err := child.Start(); err != nil {
		w.Close()
		return 0, err
	}
	w.Close() // the child holds the write end now; EOF when it exits
	done := make(chan struct{})
	go func() {
		for {
			select {
			case s := <-signals:
				_ = child.Process.Signal(s)
			case <-done:
				return
			}
		}
	}()
	f := newFilter(stderr)
	_, copyErr := io.Copy(f, r)
	waitErr := child.Wait()
	close(done)
	return outcome(child.ProcessState, waitErr, copyErr, f, lim, stderr), nil
}

// outcome decides the parent's exit code from how the child ended and
// what its standard error held, and prints the one line a crash gets.
func outcome(ps *os.ProcessState, waitErr, copyErr error, f *filter, lim Limit, stderr io.Writer) int {
	var exitErr *exec.ExitError
	if ps == nil || waitErr != nil && !errors.As(waitErr, &exitErr) {
		f.release()
		fmt.Fprintf(stderr, "wpsgen: lost track of the work (%v); check the output files\n", errors.Join(waitErr, copyErr))
		return exitFatal
	}
	ws, _ := ps.Sys().(syscall.WaitStatus)
	if os.Getenv(DebugEnv) != "" {
		first, _, _ := bytes.Cut(f.held, []byte("\n"))
		fmt.Fprintf(stderr, "wpsgen: debug: child %v, crash report %q\n", ps, first)
	}
	switch {
	case ws.Signaled() && fromOutside[ws.Signal()]:
		// Interrupted (by the terminal or through the parent), or its output
		// was closed: end the same way, as an unsupervised wpsgen would, so
		// a shell or a CI runner sees the signal.
		f.release()
		reraise(ws.Signal())
		return 128 + int(ws.Signal())
	case ws.Signaled():
		f.drop()
		if ws.Signal() == syscall.SIGKILL {
			fmt.Fprintf(stderr, "wpsgen: the process was killed (signal KILL), often for lack of memory; no file was written\n")
		} else {
			fmt.Fprintf(stderr, "wpsgen: internal error: the process stopped on signal %v; please report it with the input that caused it; no file was written\n", ws.Signal())
		}
		return exitFatal
	case f.crashed() && ps.ExitCode() == runtimeCrashCode:
		kind := f.kind()
		f.drop()
		switch kind {
		case "memory":
			fmt.Fprintf(stderr, "wpsgen: out of memory: the memory limit (%s) is too small for this input; no file was written\n", lim)
		case "bug":
			fmt.Fprintf(stderr, "wpsgen: internal error: the program crashed; please report it with the input that caused it (set %s=1 to see the details); no file was written\n", ChildEnv)
		default:
			fmt.Fprintf(stderr, "wpsgen: the program crashed under the memory limit (%s), most likely for lack of memory; try a larger limit; no file was written\n", lim)
		}
		return exitFatal
	}
	f.release()
	return ps.ExitCode()
}

// fromOutside are the signals that end a process for reasons of its
// surroundings (the user, the terminal, a closed pipe), not its own.
var fromOutside = map[syscall.Signal]bool{
	syscall.SIGINT: true, syscall.SIGTERM: true, syscall.SIGHUP: true, syscall.SIGPIPE: true,
}

// runtimeCrashCode is the exit code of a Go program that dies of a fatal
// error or an unrecovered panic. wpsgen uses it for usage mistakes too,
// which print no runtime text.
const runtimeCrashCode = 2

// reraise ends the process with signal s, as the child ended. Go ignores
// a SIGPIPE sent with kill; the caller then exits with 128 + s, which is
// what a shell reports for a death by s.
func reraise(s syscall.Signal) {
	signal.Reset(s)
	_ = syscall.Kill(os.Getpid(), s)
	time.Sleep(time.Second) // delivery is asynchronous; the caller exits if it never comes
}
