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

// columns turns rows into one typed slice per column.
func columns(rows [][]any) []any {
	n := len(rows[0])
	out := make([]any, n)
	for c := range n {
		switch rows[0][c].(type) {
		case int64:
			col := make([]int64, len(rows))
			for i, r := range rows {
				col[i] = r[c].(int64)
			}
			out[c] = col
		case int32:
			col := make([]int32, len(rows))
			for i, r := range rows {
				col[i] = r[c].(int32)
			}
			out[c] = col
		case time.Time:
			col := make([]time.Time, len(rows))
			for i, r := range rows {
				col[i] = r[c].(time.Time)
			}
			out[c] = col
		case pgtype.Numeric:
			col := make([]pgtype.Numeric, len(rows))
			for i, r := range rows {
				col[i] = r[c].(pgtype.Numeric)
			}
			out[c] = col
		case string:
			col := make([]string, len(rows))
			for i, r := range rows {
				col[i] = r[c].(string)
			}
			out[c] = col
		case bool:
			col := make([]bool, len(rows))
			for i, r := range rows {
				col[i] = r[c].(bool)
			}
			out[c] = col
		default: // []byte, possibly nil (the _raw columns)
			col := make([][]byte, len(rows))
			for i, r := range rows {
				if b, ok := r[c].([]byte); ok {
					col[i] = b
				}
			}
			out[c] = col
		}
	}
	return out
}
