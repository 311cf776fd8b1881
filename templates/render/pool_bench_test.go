package render_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/templates/render"
)

// BenchmarkWriteAll50 draws 50 validated programs in one run, one at a
// time (workers=1, as before the worker pool) and on every core
// (workers=GOMAXPROCS):
//
//	go test -run '^$' -bench WriteAll50 -benchtime 3x ./templates/render
func BenchmarkWriteAll50(b *testing.B) {
	l := framework.NewLoader()
	var results []*framework.Result
	for _, p := range copyPrograms(b, 50) {
		res, err := l.Validate(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := render.Ready(res, false); !ok {
			b.Fatal(res.Findings)
		}
		results = append(results, res)
	}
	for _, workers := range []int{1, 0} {
		name := fmt.Sprintf("workers=%d", workers)
		if workers == 0 {
			name = "workers=GOMAXPROCS"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := render.WriteAll(context.Background(), results, render.Options{Dir: b.TempDir(), Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
