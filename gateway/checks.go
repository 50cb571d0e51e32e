package gateway

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/agoralabs/agora/terms"
)

// termsProblem answers a refusal by package terms: a value the store cannot hold is invalid_value, an expired
// agreement expired, any other escrow rule invalid_body; each names the field and the escrow's error.
func termsProblem(err error) *Problem {
	var v *terms.Violation
	if !errors.As(err, &v) {
		return problem(http.StatusBadRequest, CodeInvalidBody, "%v", err)
	}
	var p *Problem
	switch v.Escrow {
	case "":
		p = problem(http.StatusBadRequest, CodeInvalidValue, "%s %s", v.Field, v.Detail)
	case "AgreementExpired":
		p = problem(http.StatusBadRequest, CodeExpired, "%s %s: the escrow refuses it (%s)", v.Field, v.Detail, v.Escrow)
	default:
		p = problem(http.StatusBadRequest, CodeInvalidBody, "%s %s: the escrow refuses it (%s)", v.Field, v.Detail, v.Escrow)
	}
	p.Field, p.EscrowError = v.Field, v.Escrow
	return p
}

// checkText refuses text the store cannot hold or a person could be misled by: empty (or blank), longer than
// max bytes, not UTF-8, or with control characters (PostgreSQL's text and jsonb refuse NUL).
func checkText(field, s string, max int) *Problem {
	bad := func(why string) *Problem {
		return problem(http.StatusBadRequest, CodeInvalidValue, "%s %s", field, why).withField(field)
	}
	switch {
	case strings.TrimSpace(s) == "":
		return bad("is required")
	case len(s) > max:
		return bad(fmt.Sprintf("is longer than %d bytes", max))
	case !utf8.ValidString(s):
		return bad("is not UTF-8")
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return bad("contains a control character")
	}
	return nil
}

// dataProblem answers a store's refusal of the client's data, which no retry can cure, as 400: SQLSTATE class
// 22 (data exception: a value out of range, a NUL in text, an invalid time), and 23502/23514 (a null or a
// check a domain refuses). The checks before each store are meant to catch all of these first; this is the
// net under them. nil for any other failure.
func dataProblem(err error) *Problem {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return nil
	}
	if strings.HasPrefix(pg.Code, "22") || pg.Code == "23502" || pg.Code == "23514" {
		return problem(http.StatusBadRequest, CodeInvalidValue, "a value the store cannot hold: %s", pg.Message)
	}
	return nil
}

// storedTime is the time of a signed unix time that a check has already passed through terms.Unix, for the
// store: never wrapped (a value past terms.MaxUnix, which no check lets through, is clamped to it).
func storedTime(sec uint64) time.Time {
	t, err := terms.Unix("", min(sec, terms.MaxUnix))
	if err != nil {
		return time.Unix(terms.MaxUnix, 0).UTC()
	}
	return t
}
