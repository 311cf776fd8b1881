package framework

// ValidateSource validates data that did not come from a file of its own
// (standard input) as if it were the file name: findings carry name, and a
// relative framework: path resolves from name's directory ("<stdin>": the
// working directory). data is read by the caller, at most MaxFileSize+1
// bytes, so the size limit applies as it does to files.
func (l *Loader) ValidateSource(name string, data []byte) (*Result, error) {
	e := &fileEntry{}
	e.once.Do(func() { e.file = Parse(name, data) })
	l.mu.Lock()
	l.files[name] = e
	l.mu.Unlock()
	return l.Validate(name)
}
