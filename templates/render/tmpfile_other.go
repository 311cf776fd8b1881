//go:build !linux

package render

import (
	"errors"
	"os"
)

var errNoUnnamed = errors.New("unnamed temporary files are a Linux feature")

func createUnnamed(string) (*os.File, error) { return nil, errNoUnnamed }

func nameTemp(*os.File, string) (string, error) { return "", errNoUnnamed }
