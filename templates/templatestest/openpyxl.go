package templatestest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
)

// Openpyxl runs a Python script that reads or writes workbooks with
// openpyxl, with args as sys.argv[1:], and returns what it printed, as
// exec.Command(python, "-c", script, args...).Output() would. The error
// holds the script's traceback when it raises (or exits non-zero).
//
// Importing openpyxl costs about 0.3 s of CPU, more than most scripts
// the tests run, so the scripts of one test process share one Python
// process with openpyxl imported, one script at a time. Each script runs
// in its own globals, as __main__, in the test's working directory; it
// must not change the interpreter's state (patch modules, change
// directory) for the scripts after it. Without Python and openpyxl the
// test is skipped (failed in CI).
func Openpyxl(t testing.TB, script string, args ...string) ([]byte, error) {
	t.Helper()
	py := Python(t)
	reader.Lock()
	defer reader.Unlock()
	if reader.err == nil && reader.in == nil {
		reader.err = startReader(py)
	}
	if reader.err != nil {
		return nil, reader.err
	}
	req, err := json.Marshal(map[string]any{"script": script, "args": append([]string{}, args...)})
	if err != nil {
		return nil, err
	}
	if _, err := reader.in.Write(append(req, '\n')); err != nil {
		reader.err = fmt.Errorf("the openpyxl reader stopped: %v", err)
		return nil, reader.err
	}
	line, err := reader.out.ReadBytes('\n')
	if err != nil {
		reader.err = fmt.Errorf("the openpyxl reader stopped: %v", err)
		return nil, reader.err
	}
	var res struct {
		Out, Stderr, Error string
	}
	if err := json.Unmarshal(line, &res); err != nil {
		return nil, fmt.Errorf("the openpyxl reader answered %q: %v", line, err)
	}
	if res.Error != "" {
		return []byte(res.Out), errors.New("python: " + res.Stderr + res.Error)
	}
	return []byte(res.Out), nil
}

// reader is the shared Python process. It ends when the test process
// does: its standard input closes.
var reader struct {
	sync.Mutex
	in  io.Writer
	out *bufio.Reader
	err error
}

func startReader(py string) error {
	cmd := exec.Command(py, "-c", readerScript)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	reader.in, reader.out = in, bufio.NewReader(out)
	return nil
}

// readerScript answers one JSON line per request line. The answers go to
// a copy of the original standard output; file descriptor 1 is pointed at
// standard error, so that nothing a script or a library writes there can
// break a line of the protocol. What a script writes to sys.stderr is
// returned with its error, as exec's ExitError holds it.
const readerScript = `
import contextlib, io, json, os, sys, traceback
import openpyxl
answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
for line in sys.stdin:
    out, errout, err = io.StringIO(), io.StringIO(), ""
    try:
        req = json.loads(line)
        sys.argv = ["-c"] + req["args"]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(errout):
            exec(compile(req["script"], "<script>", "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        if e.code not in (None, 0):
            err = "exit status %s" % e.code
    except BaseException:
        err = traceback.format_exc()
    answers.write(json.dumps({"out": out.getvalue(), "stderr": errout.getvalue(), "error": err}) + "\n")
    answers.flush()
`
