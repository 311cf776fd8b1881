package render

// The tests collect garbage less often (see testgc).
import _ "github.com/wpsgen/wpsgen/internal/testgc"
