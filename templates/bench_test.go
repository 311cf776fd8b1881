package templates_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates"
	"github.com/wpsgen/wpsgen/templates/templatestest"
)

// BenchmarkBuild measures laying out each example program: turning its
// validated schedule into the layout model both renderers draw.
func BenchmarkBuild(b *testing.B) {
	measured := 0
	for _, path := range programs(b) {
		res, err := framework.NewLoader().Validate(path)
		if err != nil {
			b.Fatal(err)
		}
		if res.Kind != framework.KindProgram {
			continue
		}
		if !res.OK(false) {
			b.Fatalf("%s: %v", path, res.Findings)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		measured++
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if l := templates.Build(res.Schedule, name); len(templatestest.JobFunctions(l)) == 0 {
					b.Fatal("no job functions laid out")
				}
			}
		})
	}
	if measured < 5 {
		b.Fatalf("measured only %d programs", measured)
	}
}
