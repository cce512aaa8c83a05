// The client TCK's Go driver (spec chapter 14, the client driver contract) for Apache Spark's Go
// client, github.com/apache/spark-connect-go (pinned in go.mod).
//
// It reads the local data from the Arrow IPC file CCLR_INPUT, creates a DataFrame from it
// CCLR_REPEAT times with the Go client pointed at SPARK_REMOTE (CreateDataFrameFromArrow, the
// client's only way in for local data: its CreateDataFrame of rows converts to Arrow and calls it),
// collects each DataFrame with ToArrow, and writes the last result to the Arrow IPC file
// CCLR_OUTPUT, or the client's first error to CCLR_ERROR as JSON (spec 14.3). Exit 0 when exactly
// one of the two was written, 2 for a usage error, 1 when the driver itself broke.
//
// The client has one input form (the Arrow table), so CCLR_INPUT_FORM other than "arrow" is a
// usage error; the kit never sends one (the driver declares no other form).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/spark-connect-go/spark/sparkerrors"
	"github.com/apache/spark-connect-go/spark/sql"
)

// Exit statuses of the contract (spec 14.4).
const (
	exitUsage  = 2
	exitBroken = 1
)

// One run's time bound: inside the TCK's default driver timeout (180 s), so that a server that
// never answers gives the client's error rather than a killed driver.
const runTimeout = 120 * time.Second

var caseID = "-"

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "[cclr-go %s] %s\n", caseID, fmt.Sprintf(format, args...))
}

// errorRecord is the error file of spec 14.3: only what the client's own error value offers.
type errorRecord struct {
	Phase             string            `json:"phase"`
	ExceptionType     string            `json:"exceptionType"`
	Message           string            `json:"message"`
	ErrorClass        *string           `json:"errorClass"`
	SQLState          *string           `json:"sqlState"`
	MessageParameters map[string]string `json:"messageParameters"`
}

func recordOf(phase string, err error) errorRecord {
	rec := errorRecord{Phase: phase, ExceptionType: fmt.Sprintf("%T", err), Message: err.Error(),
		MessageParameters: map[string]string{}}
	// The client wraps the server's answer in a SparkError (pointer or value) inside its own types.
	var sp *sparkerrors.SparkError
	var sv sparkerrors.SparkError
	found := errors.As(err, &sp)
	if !found && errors.As(err, &sv) {
		sp, found = &sv, true
	}
	if found && sp != nil {
		rec.ExceptionType = "sparkerrors.SparkError"
		if sp.ErrorClass != "" {
			rec.ErrorClass = &sp.ErrorClass
		}
		if sp.SqlState != "" {
			rec.SQLState = &sp.SqlState
		}
		for k, v := range sp.Parameters {
			rec.MessageParameters[k] = v
		}
	}
	return rec
}

func readInput(path string) (arrow.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := ipc.NewFileReader(f, ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	records := make([]arrow.Record, 0, r.NumRecords())
	for i := 0; i < r.NumRecords(); i++ {
		rec, err := r.Record(i)
		if err != nil {
			return nil, err
		}
		rec.Retain()
		records = append(records, rec)
	}
	return array.NewTableFromRecords(r.Schema(), records), nil
}

func writeOutput(path string, table arrow.Table) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := ipc.NewFileWriter(f, ipc.WithSchema(table.Schema()))
	if err != nil {
		return err
	}
	tr := array.NewTableReader(table, 0)
	defer tr.Release()
	for tr.Next() {
		if err := w.Write(tr.Record()); err != nil {
			return err
		}
	}
	return w.Close()
}

// clientCall runs one call into the client; a panic inside the client is the client's failure
// (reported as its error), not the driver's.
func clientCall(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic in the Go client: %v", p)
		}
	}()
	return f()
}

func run() int {
	env := func(k string) string { return os.Getenv(k) }
	if c := env("CCLR_CASE"); c != "" {
		caseID = c
	}
	var missing []string
	for _, v := range []string{"SPARK_REMOTE", "CCLR_INPUT", "CCLR_OUTPUT", "CCLR_ERROR"} {
		if env(v) == "" {
			missing = append(missing, v)
		}
	}
	if len(missing) > 0 {
		logf("usage: missing environment variable(s): %s", strings.Join(missing, ", "))
		return exitUsage
	}
	remote := env("SPARK_REMOTE")
	if !strings.HasPrefix(remote, "sc://") {
		logf("usage: SPARK_REMOTE must be a Spark Connect string sc://..., not %q", remote)
		return exitUsage
	}
	repeat := 1
	if s := env("CCLR_REPEAT"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			logf("usage: CCLR_REPEAT must be a positive integer, not %q", s)
			return exitUsage
		}
		repeat = n
	}
	if form := env("CCLR_INPUT_FORM"); form != "" && form != "arrow" {
		logf("usage: the Go client takes local data only as an Arrow table; CCLR_INPUT_FORM %q is not available", form)
		return exitUsage
	}
	table, err := readInput(env("CCLR_INPUT"))
	if err != nil {
		logf("usage: CCLR_INPUT is not a readable Arrow IPC file: %v", err)
		return exitUsage
	}
	defer table.Release()

	var result arrow.Table
	phase := "session"
	clientErr := clientCall(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(repeat)*runTimeout)
		defer cancel()
		// The connection string goes to the client unchanged; its non-Spark parameters
		// (e.g. x-cclr-credential) are sent as request headers by the client.
		spark, err := sql.NewSessionBuilder().Remote(remote).Build(ctx)
		if err != nil {
			return err
		}
		defer spark.Stop()
		for i := 0; i < repeat; i++ {
			phase = "createDataFrame"
			df, err := spark.CreateDataFrameFromArrow(ctx, table)
			if err != nil {
				return err
			}
			phase = "collect"
			t, err := df.ToArrow(ctx)
			if err != nil {
				return err
			}
			if result != nil {
				result.Release()
			}
			result = *t
			logf("run %d/%d (arrow): %d rows collected", i+1, repeat, result.NumRows())
		}
		return nil
	})
	if clientErr != nil {
		logf("%s failed: %v", phase, clientErr)
		data, err := json.MarshalIndent(recordOf(phase, clientErr), "", "  ")
		if err != nil {
			logf("driver failure: %v", err)
			return exitBroken
		}
		if err := os.WriteFile(env("CCLR_ERROR"), data, 0o644); err != nil {
			logf("driver failure: %v", err)
			return exitBroken
		}
		return 0
	}
	if err := writeOutput(env("CCLR_OUTPUT"), result); err != nil {
		logf("driver failure: cannot write CCLR_OUTPUT: %v", err)
		return exitBroken
	}
	return 0
}

func main() {
	os.Exit(run())
}
