// Package framework is wpsgen's domain: the typed model of framework and
// program files, with the position of every value; the loader that walks
// the YAML node tree itself (duplicate keys, unknown keys, alias limits,
// the embedded catalog, `extends`); and the validation rules, each next
// to its metadata in one table (rules.go), reporting positioned findings.
//
// Where things are:
//
//	model.go, keys.go          the file formats as Go types; struct tags drive decoding,
//	                           the JSON Schema (package schema) and docs/format.md's test
//	decode*.go, parse.go       YAML nodes to the model, with positions and schema findings
//	load.go, refpath.go        reading files safely, the catalog, framework references
//	rules.go, check*.go        the rule table and one file per family of rules
//	hours.go, schedule.go      the schedule arithmetic every document prints (exact decimals)
//	validate.go, finding.go    running the rules over files; findings and their order
//
// It imports nothing under templates: what the documents can print reaches
// validation through Loader.Printable.
package framework
