package widget

import "testing"

func TestPersonPickResolvesNames(t *testing.T) {
	p := NewPersonPick("nobody", []string{"Ada Berg", "Bo Costa", "Ada Berg"}, []int64{1, 2, 3})
	if id, err := p.Resolve("  bo costa "); err != nil || id != 2 {
		t.Fatalf("resolve bo costa = %d, %v", id, err)
	}
	if id, err := p.Resolve(""); err != nil || id != 0 {
		t.Fatalf("empty should be nobody, got %d, %v", id, err)
	}
	if _, err := p.Resolve("Ada Berg"); err == nil {
		t.Fatal("a name two people share resolved to one of them")
	}
	if _, err := NewPersonPick("", []string{"X"}, []int64{9}).Resolve(""); err == nil {
		t.Fatal("empty resolved although someone must be picked")
	}
}
