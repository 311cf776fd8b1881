package supervise

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLimitString(t *testing.T) {
	if got := (Limit{Flag: "-v", Bytes: 1_000_000 << 10}).String(); got != "ulimit -v 1000000: 976 MiB" {
		t.Errorf("got %q", got)
	}
}

func TestRlimitSoftLimit(t *testing.T) {
	lim := Limit{Flag: "-v", Bytes: 1000 << 20}
	for _, tc := range []struct{ used, want uint64 }{
		{800 << 20, 100 << 20},
		{990 << 20, minSoft},
		{2000 << 20, minSoft},
	} {
		if got := RlimitSoftLimit(lim, tc.used); got != tc.want {
			t.Errorf("used %d MiB: soft %d MiB, want %d MiB", tc.used>>20, got>>20, tc.want>>20)
		}
	}
}

// TestCgroupSoftLimit reads a made-up cgroup file system: the smallest
// memory.max along the path counts, "max" and v1's "no limit" do not.
func TestCgroupSoftLimit(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("memory.max", "max\n")
	write("ci/memory.max", "500000000\n")
	write("ci/job/memory.max", "max\n")
	write("memory/memory.limit_in_bytes", "9223372036854771712\n")
	for _, tc := range []struct {
		cgroup string
		want   uint64
		ok     bool
	}{
		{"0::/ci/job\n", 300_000_000, true},
		{"0::/\n", 0, false},
		{"4:memory:/x\n0::/\n", 0, false},
		{"", 0, false},
	} {
		got, ok := CgroupSoftLimit(root, []byte(tc.cgroup))
		if got != tc.want || ok != tc.ok {
			t.Errorf("%q: %d %t, want %d %t", tc.cgroup, got, ok, tc.want, tc.ok)
		}
	}
	write("memory/x/memory.limit_in_bytes", "100000000\n")
	if got, ok := CgroupSoftLimit(root, []byte("4:memory:/x\n")); !ok || got != 60_000_000 {
		t.Errorf("v1: %d %t", got, ok)
	}
}
