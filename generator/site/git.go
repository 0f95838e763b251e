package site

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
)

// gitDates returns, for each content path, the date of the last commit that
// touched it, read with one `git log` over the whole content tree. It
// returns nil when dir is empty, is not in a git work tree, or git is missing:
// pages then show front matter dates only.
func gitDates(ctx context.Context, dir string) map[string]string {
	if dir == "" {
		return nil
	}
	contentDir := filepath.Join(dir, "content")
	top, err := exec.CommandContext(ctx, "git", "-C", dir, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return nil
	}
	rel, err := filepath.Rel(strings.TrimSpace(string(top)), contentDir)
	if err != nil {
		return nil
	}
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "log", "--format=@%cs", "--name-only", "--", contentDir).Output()
	if err != nil {
		return nil
	}
	prefix := filepath.ToSlash(rel) + "/"
	dates := map[string]string{}
	var date string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "@"):
			date = line[1:]
		case strings.HasPrefix(line, prefix):
			p := strings.TrimPrefix(line, prefix)
			if _, seen := dates[p]; !seen {
				dates[p] = date // log is newest first
			}
		}
	}
	return dates
}
