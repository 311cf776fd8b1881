package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/wpsgen/wpsgen/framework"
	"github.com/wpsgen/wpsgen/framework/schema"
)

// schemaKinds are the arguments `wpsgen schema` accepts.
var schemaKinds = []string{framework.KindFramework, framework.KindProgram}

// NewSchemaCmd builds `wpsgen schema`.
func NewSchemaCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "schema framework|program",
		Short: "Print the JSON Schema of a file kind, for editors",
		Long: `Print the JSON Schema (draft 2020-12) of framework or program files. Editors that use the YAML
language server (VS Code with the Red Hat YAML extension, Neovim, Helix, JetBrains IDEs) give
completion, hover help and error marks for a file whose first line names the schema:

  # yaml-language-server: $schema=` + framework.SchemaURL(framework.KindProgram) + `

The schema checks the shape of a file (keys, types, allowed values); wpsgen validate checks
everything else (references to the framework, hours, terms, the rules in docs/rules.md).`,
		Example: `  wpsgen schema program > program.schema.json
  wpsgen schema framework > framework.schema.json`,
		Args:      exactArgs(1),
		ValidArgs: schemaKinds,
		RunE: func(_ *cobra.Command, args []string) error {
			return runSchema(f.IO, args[0])
		},
	}
}

func runSchema(streams IO, kind string) error {
	data, err := schema.JSONSchema(kind)
	if err != nil {
		return usageError{fmt.Errorf("unknown file kind %q; use framework or program", kind)}
	}
	if _, err := streams.Out.Write(data); err != nil {
		return fatalError{err}
	}
	return nil
}
