package lazy

import (
	"sync"
	"testing"
)

func TestRegexpCompilesOnceOnFirstUse(t *testing.T) {
	re := Regexp(`^a+$`)
	var wg sync.WaitGroup
	got := make(chan any, 8)
	for range 8 {
		wg.Go(func() { got <- re() })
	}
	wg.Wait()
	close(got)
	first := re()
	for r := range got {
		if r != first {
			t.Fatal("concurrent first calls compiled the expression more than once")
		}
	}
	if !first.MatchString("aaa") || first.MatchString("ab") {
		t.Errorf("the compiled expression does not match as written")
	}
}

func TestRegexpPanicsOnFirstUseOfABadExpression(t *testing.T) {
	re := Regexp(`(`) // no panic here: nothing is compiled yet
	defer func() {
		if recover() == nil {
			t.Error("a bad expression did not panic on first use")
		}
	}()
	re()
}
