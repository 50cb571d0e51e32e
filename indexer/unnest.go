package indexer

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/agoralabs/agora/indexer/catalog"
)

// Event rows are written with one INSERT … SELECT FROM unnest(column arrays) per table, queued in the
// batch's pipeline with everything else: a block or range costs one round trip however many tables it
// touches (COPY would cost two per table).

var unnestSQL sync.Map // table -> statement

// insertUnnest returns the statement inserting column arrays into e's table.
func insertUnnest(e *catalog.Event, sample []any) string {
	if s, ok := unnestSQL.Load(e.Table); ok {
		return s.(string)
	}
	cols := e.Columns()
	args := make([]string, len(cols))
	for i, v := range sample {
		args[i] = fmt.Sprintf("$%d::%s[]", i+1, arrayType(v))
	}
	s := fmt.Sprintf("INSERT INTO %s (%s) SELECT * FROM unnest(%s)", e.Table, strings.Join(cols, ", "), strings.Join(args, ", "))
	unnestSQL.Store(e.Table, s)
	return s
}

func arrayType(v any) string {
	switch v.(type) {
	case int64:
		return "bigint"
	case int32:
		return "integer"
	case []byte, nil:
		return "bytea"
	case time.Time:
		return "timestamptz"
	case pgtype.Numeric:
		return "numeric"
	case string:
		return "text"
	case bool:
		return "boolean"
	}
	panic(fmt.Sprintf("indexer: no array type for %T", v))
}

// columns turns rows into one typed slice per column (a nil value, as in the _raw columns, stays nil).
func columns(rows [][]any) []any {
	out := make([]any, len(rows[0]))
	for c := range out {
		switch rows[0][c].(type) {
		case int64:
			out[c] = column[int64](rows, c)
		case int32:
			out[c] = column[int32](rows, c)
		case time.Time:
			out[c] = column[time.Time](rows, c)
		case pgtype.Numeric:
			out[c] = column[pgtype.Numeric](rows, c)
		case string:
			out[c] = column[string](rows, c)
		case bool:
			out[c] = column[bool](rows, c)
		default: // []byte, possibly nil
			out[c] = column[[]byte](rows, c)
		}
	}
	return out
}

func column[T any](rows [][]any, c int) []T {
	col := make([]T, len(rows))
	for i, r := range rows {
		col[i], _ = r[c].(T)
	}
	return col
}
