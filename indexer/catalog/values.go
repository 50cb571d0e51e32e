package catalog

import (
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5/pgtype"
)

// Values returns a row of e (from Row) as text keyed by the arguments' ABI names: integers in decimal,
// addresses, fixed bytes, byte strings and topic hashes as lower-case 0x hex, bools as true/false, strings as
// their text (the exact bytes, when the text is not them, in hex under <name>_raw).
func (e *Event) Values(row []any) (map[string]string, error) {
	out := make(map[string]string, len(e.Args))
	i := len(BaseColumns)
	for _, a := range e.Args {
		if i >= len(row) {
			return nil, fmt.Errorf("catalog: %s.%s row has %d columns", e.Contract, e.Name, len(row))
		}
		v := row[i]
		i++
		switch x := v.(type) {
		case int32:
			out[a.Arg] = strconv.FormatInt(int64(x), 10)
		case int64:
			out[a.Arg] = strconv.FormatInt(x, 10)
		case pgtype.Numeric:
			out[a.Arg] = x.Int.String()
		case bool:
			out[a.Arg] = strconv.FormatBool(x)
		case []byte:
			out[a.Arg] = "0x" + hex.EncodeToString(x)
		case string:
			out[a.Arg] = x
			if raw, _ := row[i].([]byte); raw != nil {
				out[a.Arg+"_raw"] = "0x" + hex.EncodeToString(raw)
			}
			i++ // the _raw column
		default:
			return nil, fmt.Errorf("catalog: %s.%s argument %s: a %T", e.Contract, e.Name, a.Arg, v)
		}
	}
	return out, nil
}
