package importer

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wpsgen/wpsgen/framework"
)

// lineWidth is where the opening comment wraps; values are never wrapped
// (a competency is one line, as people write them).
const lineWidth = 100

// emit writes the framework the way a person would: the opening comment
// says where it came from, keys in the order of the format reference,
// defaults (type: core) left out, delivery as a flow list.
func (b *builder) emit(opts Options, res *Result) []byte {
	var w bytes.Buffer
	comment := func(text string) {
		for _, l := range wrap(text, lineWidth-2) {
			w.WriteString("# " + l + "\n")
		}
	}
	w.WriteString("# yaml-language-server: $schema=" + framework.SchemaURL(framework.KindFramework) + "\n#\n")
	comment(fmt.Sprintf("Imported by `wpsgen import --framework` from %s: %s, %s. Job functions and competencies are in the table's order.",
		b.t.source(), plural(res.JobFunctions, "job function"), plural(res.Competencies, "competency")))
	for _, n := range b.notes {
		if n.Pos.IsZero() && n.Pos.Sheet == "" {
			comment(upperFirst(n.Msg) + ".")
		}
	}
	comment("This file is now the framework: edit it here, or fix the table and import it again with --force.")
	w.WriteString("kind: framework\n")
	id := opts.ID
	if id == "" {
		id = DefaultID(b.t.File)
	}
	keyOrTodo(&w, "id", id, "lowercase letters, digits and dashes, e.g. pharmacy-technician (or import again with --id)")
	keyOrTodo(&w, "title", opts.Title, "the occupation title, e.g. Pharmacy Technician (or import again with --title)")
	onet := opts.ONET
	if onet != "" {
		onet = strconv.Quote(onet) // codes are text; hand-written files quote them
		if opts.ONETComment != nil {
			if c := opts.ONETComment(opts.ONET); c != "" {
				onet += "  # " + c
			}
		}
	}
	keyOrTodo(&w, "onet", onet, `the O*NET-SOC code, NN-NNNN.NN, e.g. "29-2052.00"; 'wpsgen occupations WORDS' finds it (or import again with --onet)`)
	w.WriteString("job_functions:\n")
	for _, jf := range b.jfs {
		fmt.Fprintf(&w, "  - id: %s\n", scalar(jf.id))
		fmt.Fprintf(&w, "    title: %s\n", scalar(jf.title))
		if jf.typ == framework.Optional {
			w.WriteString("    type: optional\n")
		}
		if jf.level != "" {
			fmt.Fprintf(&w, "    level: %s\n", scalar(jf.level))
		}
		w.WriteString("    competencies:\n")
		for _, c := range jf.comps {
			fmt.Fprintf(&w, "      - id: %s\n", scalar(c.id))
			fmt.Fprintf(&w, "        text: %s\n", scalar(c.text))
			if c.typ == framework.Optional {
				w.WriteString("        type: optional\n")
			}
			if len(c.delivery) > 0 {
				fmt.Fprintf(&w, "        delivery: [%s]\n", strings.Join(c.delivery, ", "))
			}
		}
	}
	return w.Bytes()
}

func keyOrTodo(w *bytes.Buffer, key, value, hint string) {
	if value == "" {
		fmt.Fprintf(w, "%s:  # TODO: %s\n", key, hint)
		return
	}
	if !strings.HasPrefix(value, `"`) {
		value = scalar(value)
	}
	fmt.Fprintf(w, "%s: %s\n", key, value)
}

// scalar writes a string as YAML would, quoted only when it must be
// ("1", "yes", "#1", "a: b").
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil || bytes.Count(out, []byte("\n")) != 1 {
		// A value that would take a block of its own; values are one line
		// (cells are joined with spaces), so this is a safety net.
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// wrap splits text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		if cur != "" && len([]rune(cur))+1+len([]rune(word)) > width {
			lines = append(lines, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += word
	}
	return append(lines, cur)
}
