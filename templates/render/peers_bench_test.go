package render_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// The whole-process benchmarks run the built binary as a user would, and
// the peers docs/PERFORMANCE.md compares it with, in the same run:
//
//	go test -run '^$' -bench 'Process|Peers' -benchtime 5x ./templates/render
//
// A peer that is not installed is skipped. Each reports the child's own
// wall and CPU time per run (wall-ms, cpu-ms; ns/op adds the launcher that
// measures it) and its peak resident set size (peak-MB).

// peerExample is a program whose framework is a file next to it, so the
// Python peer can read both.
const peerExample = "../../examples/plumber-0432HY"

// processBench times runs of the binary (or a peer) made by args.
func processBench(b *testing.B, bin string, args func(out string) []string) {
	b.Helper()
	var peak int64
	var took, cpu time.Duration
	runs := 0
	for b.Loop() {
		run := runBinary(b, bin, args(b.TempDir())...)
		if run.code != 0 {
			b.Fatalf("%s: exit %d\n%s", bin, run.code, run.output)
		}
		peak = max(peak, run.peakRSS)
		took, cpu, runs = took+run.took, cpu+run.cpu, runs+1
	}
	// The child's own figures: ns/op also counts starting the launcher.
	b.ReportMetric(float64(took.Milliseconds())/float64(runs), "wall-ms")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(runs), "cpu-ms")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// copyPrograms writes n copies of the example program into a new directory,
// with its framework, and returns their paths.
func copyPrograms(b *testing.B, n int) []string {
	b.Helper()
	dir := b.TempDir()
	for _, f := range []string{peerExample + ".framework.yaml", peerExample + ".yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if strings.HasSuffix(f, ".framework.yaml") {
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
				b.Fatal(err)
			}
			continue
		}
		var paths []string
		for i := range n {
			p := filepath.Join(dir, fmt.Sprintf("p%04d.yaml", i))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			paths = append(paths, p)
		}
		return paths
	}
	return nil
}

// BenchmarkProcess: wpsgen as a whole process: one example rendered, the
// same example 50 times in one run (one program per worker), and the
// 6,000-competency synthetic program.
func BenchmarkProcess(b *testing.B) {
	bin := buildBinary(b)
	b.Run("render-1", func(b *testing.B) {
		processBench(b, bin, func(out string) []string { return []string{"render", peerExample + ".yaml", "-o", out} })
	})
	b.Run("render-50", func(b *testing.B) {
		paths := copyPrograms(b, 50)
		processBench(b, bin, func(out string) []string { return append([]string{"render", "-o", out}, paths...) })
	})
	for _, size := range syntheticSizes {
		rows := size.jobFunctions * size.competencies
		b.Run(fmt.Sprintf("render-synthetic-%d", rows), func(b *testing.B) {
			path := writeProgram(b, b.TempDir(), fmt.Sprintf("synthetic-%d", rows), syntheticProgram(size.jobFunctions, size.competencies))
			processBench(b, bin, func(out string) []string { return []string{"render", path, "-o", out} })
		})
	}
	b.Run("validate-1000", func(b *testing.B) {
		dir := validationCorpus(b)
		processBench(b, bin, func(string) []string { return []string{"validate", dir} })
	})
}

// BenchmarkPeers: the same jobs done by others.
func BenchmarkPeers(b *testing.B) {
	bin := buildBinary(b)
	b.Run("libreoffice-export", func(b *testing.B) {
		soffice, err := exec.LookPath("soffice")
		if err != nil {
			b.Skip("soffice not installed (apt-get install -y libreoffice-calc-nogui)")
		}
		// The workbook wpsgen writes for the example, exported to PDF.
		in := b.TempDir()
		if run := runBinary(b, bin, "render", "--xlsx", peerExample+".yaml", "-o", in); run.code != 0 {
			b.Fatal(run.output)
		}
		xlsx := filepath.Join(in, filepath.Base(peerExample)+".xlsx")
		profile := "-env:UserInstallation=file://" + b.TempDir()
		args := func(out string) []string {
			return []string{"--headless", profile, "--convert-to", "pdf", "--outdir", out, xlsx}
		}
		// The first start creates the profile: not what a user waits for each time.
		if run := runBinary(b, soffice, args(b.TempDir())...); run.code != 0 {
			b.Fatal(run.output)
		}
		processBench(b, soffice, args)
	})
	b.Run("python-peer", func(b *testing.B) {
		python := "/usr/bin/python3"
		if exec.Command(python, "-c", "import yaml, openpyxl, reportlab").Run() != nil && exec.Command(python, "-c", "import yaml, openpyxl, fpdf").Run() != nil {
			b.Skip("needs python3-yaml, python3-openpyxl and python3-reportlab or python3-fpdf (fpdf2)")
		}
		processBench(b, python, func(out string) []string { return []string{"../../docs/peers/peer.py", peerExample + ".yaml", out} })
	})
	b.Run("ajv-validate-1000", func(b *testing.B) {
		ajv := os.Getenv("AJV")
		if ajv == "" {
			b.Skip("set AJV to the ajv command of ajv-cli (npm install ajv ajv-cli; AJV=$PWD/node_modules/.bin/ajv)")
		}
		dir := validationCorpus(b)
		jsonDir := jsonCorpus(b, dir)
		args := func(string) []string {
			return []string{"validate", "--spec=draft2020", "--strict=false", "-s", "../../docs/schema/program.schema.json", "-d", filepath.Join(jsonDir, "*.json")}
		}
		if run := runBinary(b, ajv, args("")...); run.code != 0 {
			b.Fatalf("ajv finds the corpus invalid:\n%.2000s", run.output)
		}
		processBench(b, ajv, args)
	})
}

// validationCorpus is 1,000 programs: 500 copies each of two examples on
// built-in frameworks, so that ajv checks every file wpsgen checks.
func validationCorpus(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	for _, f := range []string{"medical-coder-cb", "ehr-specialist-hybrid"} {
		data, err := os.ReadFile("../../examples/" + f + ".yaml")
		if err != nil {
			b.Fatal(err)
		}
		for i := range 500 {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%03d.yaml", f, i)), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir
}

// jsonCorpus converts every YAML file of dir to JSON in a new directory,
// before the timing: ajv reads JSON only.
func jsonCorpus(b *testing.B, dir string) string {
	b.Helper()
	out := b.TempDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	start := time.Now()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
		j, err := json.Marshal(datesAsWritten(v))
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		if err := os.WriteFile(filepath.Join(out, strings.TrimSuffix(filepath.Base(f), ".yaml")+".json"), j, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("converted %d files to JSON in %v (not timed)", len(files), time.Since(start))
	return out
}

// datesAsWritten turns the dates YAML reads as timestamps back into the
// text the file has (2026-11-01), which the JSON Schema expects.
func datesAsWritten(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = datesAsWritten(x)
		}
	case []any:
		for i, x := range v {
			v[i] = datesAsWritten(x)
		}
	case time.Time:
		return v.Format("2006-01-02")
	}
	return v
}
