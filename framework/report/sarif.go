package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/wpsgen/wpsgen/framework"
)

// RulesDocURL is the page that explains every rule; each rule is an anchor.
const RulesDocURL = "https://github.com/wpsgen/wpsgen/blob/main/docs/rules.md"

// srcRoot is the base of relative artifact URIs: the directory validate ran
// in, which code scanning maps to the repository checkout.
const srcRoot = "%SRCROOT%"

// SARIF 2.1.0, the subset code scanning reads.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// sarifArtifactOf turns a file path into a SARIF artifact location: an
// absolute path becomes a file:// URI, a relative one a relative reference
// (slashes, reserved characters escaped) against %SRCROOT%.
func sarifArtifactOf(path string) sarifArtifact {
	slashed := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slashed, "/") { // C:/x on Windows
			slashed = "/" + slashed
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: slashed}).String()}
	}
	uri := (&url.URL{Path: slashed}).EscapedPath()
	// A colon in the first segment would read as a URI scheme ("c:x.yaml").
	if first, _, _ := strings.Cut(uri, "/"); strings.Contains(first, ":") {
		uri = "./" + uri
	}
	return sarifArtifact{URI: uri, URIBaseID: srcRoot}
}

// HelpURI is the documentation of a rule: its anchor in docs/rules.md.
func HelpURI(rule string) string { return RulesDocURL + "#" + rule }

func writeSARIF(w io.Writer, fs []framework.Finding, opts Options) error {
	driver := sarifDriver{Name: "wpsgen", Version: opts.Version, InformationURI: RulesDocURL, Rules: []sarifRule{}}
	index := map[string]int{}
	for _, r := range opts.rules() {
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(driver.Rules)
		help := HelpURI(r.ID)
		if r.ID == RuleRead {
			help = RulesDocURL // not a validation rule: no section of its own
		}
		driver.Rules = append(driver.Rules, sarifRule{ID: r.ID, ShortDescription: sarifMessage{r.Summary},
			FullDescription: sarifMessage{r.Why}, HelpURI: help, DefaultConfiguration: sarifConfig{r.Severity.String()}})
	}
	results := make([]sarifResult, 0, len(fs))
	for _, f := range fs {
		res := sarifResult{RuleID: f.Rule, Level: f.Severity.String(), Message: sarifMessage{cellMessage(f)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactOf(f.Pos.File)}}}}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if !f.Pos.IsZero() {
			res.Locations[0].PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
		}
		results = append(results, res)
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: results}
	if files := opts.omitted(); len(files) > 0 {
		inv := sarifInvocation{ExecutionSuccessful: true}
		for _, file := range files {
			inv.Notifications = append(inv.Notifications, sarifNotification{Level: "note",
				Message:   sarifMessage{omittedLine(file, opts.Omitted[file])},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactOf(file)}}}})
		}
		run.Invocations = []sarifInvocation{inv}
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
