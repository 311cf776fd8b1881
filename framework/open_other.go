//go:build !unix

package framework

import "os"

const openFlags = os.O_RDONLY
