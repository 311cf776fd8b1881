package framework

import (
	"fmt"

	"github.com/wpsgen/wpsgen/internal/lazy"
)

// checker holds the file under check and collects the findings of the
// rules in Rules. Every report names a rule; the severity comes from the
// rule's entry, so a rule cannot be an error in one place and a warning in
// another.
type checker struct {
	findings []Finding

	// printable reports whether the selected document formats can draw a
	// character; nil accepts every printable character.
	printable func(r rune) bool

	// A framework file: fw, and base when it extends another.
	fw   *Framework
	base *Resolved

	// A program file: p, its framework res (nil when it did not resolve)
	// and the schedule joining them.
	p   *Program
	res *Resolved
	s   *Schedule
}

func (c *checker) report(rule string, pos Pos, format string, args ...any) {
	sev, ok := ruleSeverity[rule]
	if !ok {
		panic("framework: report of unregistered rule " + rule)
	}
	c.findings = append(c.findings, Finding{Pos: pos, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// checkFramework runs the rules that apply to a framework file on its own
// and against its resolved base (nil when it extends nothing).
func (c *checker) checkFramework(fw *Framework, base *Resolved) {
	c.fw, c.base = fw, base
	c.runFramework()
}

// checkProgram runs the program rules; fw is nil when the framework
// reference failed, and the rules that need it are skipped.
func (c *checker) checkProgram(p *Program, fw *Resolved) *Schedule {
	c.p, c.res = p, fw
	c.runProgram()
	return c.s
}

var (
	slugRE   = lazy.Regexp(`^[a-z0-9][a-z0-9-]*$`)
	idRE     = lazy.Regexp(`^[A-Za-z0-9][A-Za-z0-9-]*$`)
	letterRE = lazy.Regexp(`^[A-Z]+$`)
)

func toUpper(r []rune) []rune {
	out := make([]rune, len(r))
	for i, x := range r {
		if x >= 'a' && x <= 'z' {
			x -= 'a' - 'A'
		}
		out[i] = x
	}
	return out
}

func jobFunctionIDs(jfs []*JobFunction) []String {
	ids := make([]String, 0, len(jfs))
	for _, jf := range jfs {
		ids = append(ids, jf.ID)
	}
	return ids
}

// frameworkJobFunctions returns the framework file's job functions, of the
// base and of every specialization.
func frameworkJobFunctions(fw *Framework) []*JobFunction {
	all := fw.JobFunctions
	for _, s := range fw.Specializations {
		all = append(all[:len(all):len(all)], s.JobFunctions...)
	}
	return all
}
