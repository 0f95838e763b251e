package content

import "path"

// indexRank says whether a file name can be a folder's list page and how
// strongly: 0 for _index.md (Hugo), 1 for README.md (GitHub, any letter
// case), 2 for index.md, -1 for any other name.
func indexRank(file string) int {
	switch {
	case file == "_index.md":
		return 0
	case len(file) == len("README.md") && (file == "README.md" || file == "readme.md" || file == "Readme.md"):
		return 1
	case file == "index.md":
		return 2
	}
	return -1
}

func isIndexName(file string) bool { return indexRank(file) >= 0 }

// indexPages decides which Markdown file is each folder's list page: its
// _index.md, else its README.md, else its index.md; when _index.md exists
// the others are ordinary pages. paths are content paths such as
// "tips/README.md"; the result holds the chosen ones.
func indexPages(paths []string) map[string]bool {
	best := map[string]string{} // folder → chosen path
	for _, p := range paths {
		r := indexRank(path.Base(p))
		if r < 0 {
			continue
		}
		dir := path.Dir(p)
		if cur, ok := best[dir]; !ok || r < indexRank(path.Base(cur)) {
			best[dir] = p
		}
	}
	out := make(map[string]bool, len(best))
	for _, p := range best {
		out[p] = true
	}
	return out
}
