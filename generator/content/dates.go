package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the date-times front matter may use besides a plain
// YYYY-MM-DD: RFC 3339 (what Hugo and Jekyll write), the same without a zone,
// and YAML's timestamp forms with a space before the time or the zone.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

var datePrefixRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// parseDate reads a front-matter date. It accepts 2024-06-15 and date-times
// such as 2024-06-15T10:00:00Z or 2024-06-15T10:00:00+08:00 (fractions of a
// second allowed), and refuses dates that do not exist, such as 2023-02-29.
// A date without a time is midnight UTC; a date-time keeps its own offset, so
// its calendar day is the one written.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if !datePrefixRE.MatchString(s) {
		return time.Time{}, errors.New("is not a date like 2024-06-15 or 2024-06-15T10:00:00Z")
	}
	day, err := time.Parse(time.DateOnly, s[:10])
	if err != nil {
		var pe *time.ParseError
		if errors.As(err, &pe) && pe.Message != "" {
			return time.Time{}, fmt.Errorf("is not a real calendar date (%s)", strings.TrimPrefix(pe.Message, ": "))
		}
		return time.Time{}, errors.New("is not a real calendar date")
	}
	if len(s) == 10 {
		return day, nil
	}
	upper := strings.ToUpper(s) // YAML allows 2024-06-15t10:00:00z
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, upper); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("is not a date like 2024-06-15 or 2024-06-15T10:00:00Z")
}
